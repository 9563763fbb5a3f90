namespace Emulator.Core.Store;

/// <summary>
/// The seam between handlers and state. Every read and every change runs as one atomic unit:
/// a change either applies whole or (when it throws) not at all, and a durable store has committed it
/// before Write returns.
/// </summary>
public interface IEmulatorStore
{
    T Read<T>(Func<EmulatorState, T> read);

    T Write<T>(Func<EmulatorState, T> change);

    /// <summary>Replaces the whole state (reset to the seeded state, import).</summary>
    void Replace(EmulatorState state);

    /// <summary>
    /// Secret key material that must outlive a process and be the same for every replica (the session-token
    /// key, the built-in issuers' signing keys): made once by <paramref name="create"/>, then kept.
    /// </summary>
    byte[] Key(string name, Func<byte[]> create);
}
