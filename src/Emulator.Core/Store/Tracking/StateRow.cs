namespace Emulator.Core.Store.Tracking;

/// <summary>One entity as a durable store keeps it: kind, scope and key, and its JSON document (null once deleted).</summary>
public sealed record StateRow(string Kind, string Scope, string Key, string? Document);
