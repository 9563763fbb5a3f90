namespace Emulator.Core.Store.Persistence;

/// <summary>
/// What an account row holds of its own: when it came to be, and its partition (its entities are rows of their own).
/// A row written before partitions existed has none: its account is in <c>aws</c>.
/// </summary>
public sealed record AccountDocument(DateTimeOffset CreateDate, string? Partition = null);
