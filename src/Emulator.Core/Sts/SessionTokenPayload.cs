using System.Text.Json.Serialization;

namespace Emulator.Core.Sts;

/// <summary>
/// The claims inside a session token, with short names because the token travels in every request
/// signed with temporary credentials. Absent optional claims are omitted, not written as null.
/// </summary>
internal sealed record SessionTokenPayload
{
    [JsonPropertyName("iss")] public required string Issuer { get; init; }

    [JsonPropertyName("k")] public required SessionKind Kind { get; init; }

    [JsonPropertyName("a")] public required string AccountId { get; init; }

    /// <summary>Absent for the <c>aws</c> partition (and in tokens minted before partitions existed).</summary>
    [JsonPropertyName("p")] public string? Partition { get; init; }

    [JsonPropertyName("id")] public required string AccessKeyId { get; init; }

    [JsonPropertyName("sk")] public required string SecretAccessKey { get; init; }

    [JsonPropertyName("iat")] public required long IssuedAt { get; init; }

    [JsonPropertyName("exp")] public required long Expiration { get; init; }

    [JsonPropertyName("role")] public string? RoleArn { get; init; }

    [JsonPropertyName("rid")] public string? RoleId { get; init; }

    [JsonPropertyName("rn")] public string? RoleName { get; init; }

    [JsonPropertyName("sn")] public string? SessionName { get; init; }

    [JsonPropertyName("un")] public string? UserName { get; init; }

    [JsonPropertyName("uid")] public string? UserId { get; init; }

    [JsonPropertyName("uarn")] public string? UserArn { get; init; }

    [JsonPropertyName("fn")] public string? FederatedName { get; init; }

    [JsonPropertyName("si")] public string? SourceIdentity { get; init; }

    [JsonPropertyName("sp")] public string? InlinePolicy { get; init; }

    [JsonPropertyName("prov")] public string? FederatedProvider { get; init; }

    [JsonPropertyName("ec2")] public string? SourceInstanceArn { get; init; }

    [JsonPropertyName("rd")] public string? RoleDelivery { get; init; }

    [JsonPropertyName("vpc")] public string? SourceVpc { get; init; }

    [JsonPropertyName("ip")] public string? SourcePrivateIp { get; init; }

    [JsonPropertyName("ch")] public required bool IsChained { get; init; }

    [JsonPropertyName("mfa")] public required bool MultiFactorAuthenticated { get; init; }

    /// <summary>Unix seconds of the MFA check; absent in tokens without MFA (and in tokens issued before it was kept).</summary>
    [JsonPropertyName("mfat")] public long? MultiFactorAuthTime { get; init; }

    /// <summary>Each tag as a [key, value] pair: shorter than objects, and order is kept.</summary>
    [JsonPropertyName("tags")] public required IReadOnlyList<string[]> Tags { get; init; }

    [JsonPropertyName("tt")] public required IReadOnlyList<string> TransitiveTagKeys { get; init; }

    [JsonPropertyName("spa")] public required IReadOnlyList<string> PolicyArns { get; init; }
}
