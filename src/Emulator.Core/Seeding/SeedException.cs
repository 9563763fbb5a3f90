namespace Emulator.Core.Seeding;

/// <summary>A seed file the emulator refuses; the message names the offending field.</summary>
public sealed class SeedException(string message) : Exception(message);
