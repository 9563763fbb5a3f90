namespace Emulator.Core.Iam.Policies;

public sealed record PolicyVersion(string VersionId, StoredPolicy Document, DateTimeOffset CreateDate);
