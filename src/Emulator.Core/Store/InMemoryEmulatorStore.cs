namespace Emulator.Core.Store;

/// <summary>
/// State in memory under one lock. A change runs on a copy of nothing: to stay all-or-nothing,
/// domain operations validate everything before their first mutation.
/// </summary>
public sealed class InMemoryEmulatorStore(EmulatorState initial) : IEmulatorStore
{
    private readonly Lock gate = new();
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
            return change(state);
        }
    }

    public void Replace(EmulatorState newState)
    {
        lock (gate)
        {
            state = newState;
        }
    }
}
