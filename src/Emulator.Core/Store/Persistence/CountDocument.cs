namespace Emulator.Core.Store.Persistence;

/// <summary>A row whose value is one number (addresses handed out in a subnet).</summary>
public sealed record CountDocument(int Value);
