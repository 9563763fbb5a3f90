namespace Emulator.Core.Store;

/// <summary>
/// The seam between handlers and state. Every read and every change runs as one atomic unit:
/// a change either applies whole or (when it throws) not at all.
/// </summary>
public interface IEmulatorStore
{
    T Read<T>(Func<EmulatorState, T> read);

    T Write<T>(Func<EmulatorState, T> change);

    /// <summary>Replaces the whole state (reset to the seeded state).</summary>
    void Replace(EmulatorState state);
}
