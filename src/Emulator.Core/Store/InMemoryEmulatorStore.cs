using Emulator.Core.Store.Tracking;

namespace Emulator.Core.Store;

/// <summary>
/// State in memory under one lock. Every write runs inside a <see cref="ChangeSet"/>, so a write that
/// throws half-way leaves nothing behind.
/// </summary>
public sealed class InMemoryEmulatorStore(EmulatorState initial) : IEmulatorStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, byte[]> keys = new(StringComparer.Ordinal);
    private EmulatorState state = initial;

    public T Read<T>(Func<EmulatorState, T> read)
    {
        lock (gate)
        {
            return read(state);
        }
    }

    public T Write<T>(Func<EmulatorState, T> change)
    {
        lock (gate)
        {
            return ChangeSet.Run(() => change(state), out _);
        }
    }

    public void Replace(EmulatorState newState)
    {
        lock (gate)
        {
            state = newState;
        }
    }

    public byte[] Key(string name, Func<byte[]> create)
    {
        lock (gate)
        {
            if (!keys.TryGetValue(name, out var key))
            {
                key = create();
                keys[name] = key;
            }

            return key;
        }
    }
}
