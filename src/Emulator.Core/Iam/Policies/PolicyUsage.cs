namespace Emulator.Core.Iam.Policies;

public sealed record PolicyUsage(int Attachments, int Boundaries);
