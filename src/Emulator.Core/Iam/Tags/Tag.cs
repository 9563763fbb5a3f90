namespace Emulator.Core.Iam.Tags;

public sealed record Tag(string Key, string Value);
