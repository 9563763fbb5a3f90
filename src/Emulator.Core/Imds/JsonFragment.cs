namespace Emulator.Core.Imds;

/// <summary>Already-encoded JSON text (a quoted string, null, an array) placed into an IMDS document as is.</summary>
public readonly record struct JsonFragment(string Raw);
