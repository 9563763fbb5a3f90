using Emulator.Core.Iam.Tags;

namespace Emulator.Core.Sts;

/// <summary>
/// Everything a set of temporary credentials stands for. It travels inside the (signed and
/// encrypted) session token, so verifying a request needs no lookup in shared state.
/// </summary>
public sealed record Session
{
    public required SessionKind Kind { get; init; }

    public required string AccountId { get; init; }

    /// <summary>The partition of the session's account: its ARNs name it, and it is valid only in requests for that partition.</summary>
    public string Partition { get; init; } = Emulator.Policy.AwsPartitions.Aws;

    public required string AccessKeyId { get; init; }

    public required string SecretAccessKey { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    public required DateTimeOffset Expiration { get; init; }

    /// <summary>Role sessions: the role ARN (with path), id and name, and the session name.</summary>
    public string? RoleArn { get; init; }

    public string? RoleId { get; init; }

    public string? RoleName { get; init; }

    public string? SessionName { get; init; }

    /// <summary>GetSessionToken/GetFederationToken: the long-term identity behind the session (null user = the root).</summary>
    public string? UserName { get; init; }

    public string? UserId { get; init; }

    public string? UserArn { get; init; }

    /// <summary>GetFederationToken: the federated user name.</summary>
    public string? FederatedName { get; init; }

    public string? SourceIdentity { get; init; }

    /// <summary>The session's principal tags: role tags overridden by transitive then by passed tags.</summary>
    public IReadOnlyList<Tag> Tags { get; init; } = [];

    public IReadOnlyList<string> TransitiveTagKeys { get; init; } = [];

    /// <summary>Session policies; null when the session was created without any.</summary>
    public string? InlinePolicy { get; init; }

    public IReadOnlyList<string> PolicyArns { get; init; } = [];

    public bool HasSessionPolicies => InlinePolicy is not null || PolicyArns.Count > 0;

    /// <summary>The credentials came from other temporary credentials (role chaining: capped at one hour).</summary>
    public bool IsChained { get; init; }

    public bool MultiFactorAuthenticated { get; init; }

    /// <summary>When the one-time code was checked (aws:MultiFactorAuthAge counts from here; chained sessions keep it).</summary>
    public DateTimeOffset? MultiFactorAuthTime { get; init; }

    /// <summary>Web-identity sessions: the OIDC provider ARN (aws:FederatedProvider).</summary>
    public string? FederatedProvider { get; init; }

    /// <summary>Instance-profile sessions: the EC2 instance ARN (ec2:SourceInstanceARN).</summary>
    public string? SourceInstanceArn { get; init; }

    /// <summary>Instance-profile sessions: <c>1.0</c> for a set delivered by IMDSv1, <c>2.0</c> by IMDSv2 (ec2:RoleDelivery).</summary>
    public string? RoleDelivery { get; init; }

    /// <summary>Instance-profile sessions: the VPC the set was delivered to (aws:Ec2InstanceSourceVpc).</summary>
    public string? SourceVpc { get; init; }

    /// <summary>Instance-profile sessions: the instance's primary private IPv4 (aws:Ec2InstanceSourcePrivateIPv4).</summary>
    public string? SourcePrivateIp { get; init; }

    public string SessionArn => Kind switch
    {
        SessionKind.AssumedRole => Emulator.Policy.Arn.Sts(Partition, AccountId, $"assumed-role/{RoleName}/{SessionName}").ToString(),
        SessionKind.FederatedUser => Emulator.Policy.Arn.Sts(Partition, AccountId, $"federated-user/{FederatedName}").ToString(),
        _ => UserArn ?? Emulator.Policy.Arn.Root(Partition, AccountId).ToString(),
    };
}
