using Emulator.Core.Iam.Tags;

namespace Emulator.Core.Sts;

/// <summary>AssumeRole's request members.</summary>
public sealed record AssumeRoleParameters(
    string? RoleArn,
    string? RoleSessionName,
    int? DurationSeconds,
    string? ExternalId,
    string? Policy,
    IReadOnlyList<string> PolicyArns,
    IReadOnlyList<Tag> Tags,
    IReadOnlyList<string> TransitiveTagKeys,
    string? SourceIdentity,
    string? SerialNumber,
    string? TokenCode);
