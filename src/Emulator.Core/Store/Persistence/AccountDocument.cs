namespace Emulator.Core.Store.Persistence;

/// <summary>What an account row holds of its own: when it came to be (its entities are rows of their own).</summary>
public sealed record AccountDocument(DateTimeOffset CreateDate);
