namespace Emulator.Core.Iam.Policies;

public sealed record InlinePolicy(string PolicyName, StoredPolicy Policy);
