namespace Emulator.Core.Iam.AccessKeys;

public sealed record AccessKeyLastUsed(DateTimeOffset LastUsedDate, string ServiceName, string Region);
