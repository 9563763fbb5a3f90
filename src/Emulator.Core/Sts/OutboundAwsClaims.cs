using System.Text.Json.Serialization;

namespace Emulator.Core.Sts;

/// <summary>The AWS identity claims of an outbound token; tags are absent when there are none.</summary>
internal sealed record OutboundAwsClaims
{
    [JsonPropertyName("aws_account")] public required string AwsAccount { get; init; }

    [JsonPropertyName("source_region")] public required string SourceRegion { get; init; }

    [JsonPropertyName("principal_tags")] public Dictionary<string, string>? PrincipalTags { get; init; }

    [JsonPropertyName("request_tags")] public Dictionary<string, string>? RequestTags { get; init; }
}
