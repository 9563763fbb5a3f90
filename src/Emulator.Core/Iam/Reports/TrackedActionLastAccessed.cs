namespace Emulator.Core.Iam.Reports;

/// <summary>One action of an ACTION_LEVEL report.</summary>
public sealed record TrackedActionLastAccessed(string ActionName, string? LastAccessedEntity, DateTimeOffset? LastAccessedTime, string? LastAccessedRegion);
