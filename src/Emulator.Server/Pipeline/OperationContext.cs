using Emulator.Core.Identity;
using Emulator.Server.Protocol;

namespace Emulator.Server.Pipeline;

/// <summary>One authenticated request as an operation handler sees it.</summary>
public sealed record OperationContext(Principal Principal, QueryParameters Parameters, string Region, string RequestId)
{
    public string AccountId => Principal.AccountId;

    /// <summary>
    /// The caller's partition: the partition of the signed region (authentication refuses a principal of another one),
    /// or for unsigned calls (web identity, SAML) the partition of the account the token or assertion is for.
    /// </summary>
    public string Partition => Principal.Partition;

    public string? this[string name] => Parameters[name];

    /// <summary>The scheme and host the caller reached the emulator at (<c>http://127.0.0.1:4599</c>), for URLs it hands out.</summary>
    public string Origin { get; init; } = "http://localhost";

    /// <summary>The calling IAM user's name; null for the root, roles and federated callers.</summary>
    public string? CallerUserName => Principal.Type == PrincipalType.User ? Principal.UserName : null;

    /// <summary>UserName, or without it the caller's own user (calls about "myself"; null for the root, whose own these are then).</summary>
    public string? UserNameOrCaller => this["UserName"] ?? CallerUserName;

    /// <summary>An ARN of the caller's account's IAM entities, e.g. <c>Arn("role", "/", "app")</c>.</summary>
    public string Arn(string resourceType, string? path, string? name) => IamArn($"{resourceType}{path ?? "/"}{name}");

    public string IamArn(string resource) => Policy.Arn.Iam(Partition, AccountId, resource).ToString();

    public string StsArn(string resource) => Policy.Arn.Sts(Partition, AccountId, resource).ToString();

    /// <summary>A regional resource of the caller's account, e.g. <c>RegionalArn("ec2", "instance/*")</c>.</summary>
    public string RegionalArn(string service, string resource) => Policy.Arn.Regional(service, Region, AccountId, resource).ToString();
}
