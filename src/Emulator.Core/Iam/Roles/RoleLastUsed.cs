namespace Emulator.Core.Iam.Roles;

public sealed record RoleLastUsed(DateTimeOffset LastUsedDate, string Region);
