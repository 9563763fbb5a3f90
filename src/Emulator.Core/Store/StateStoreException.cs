namespace Emulator.Core.Store;

/// <summary>The state database named by <c>--state</c> cannot be used; the emulator does not start.</summary>
public sealed class StateStoreException(string message) : Exception(message);
