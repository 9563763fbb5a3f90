namespace Emulator.Core.Store.Persistence;

/// <summary>A row whose value is one string (an alias, a key's owner, a launch token's reservation).</summary>
public sealed record TextDocument(string Value);
