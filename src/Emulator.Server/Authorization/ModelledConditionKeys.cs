namespace Emulator.Server.Authorization;

/// <summary>
/// The condition keys this emulator puts into request contexts. A key not listed here is absent
/// from every request (AWS's absent-key semantics apply) and shows up as a missing context key.
/// </summary>
public static class ModelledConditionKeys
{
    public static IReadOnlyList<string> All { get; } =
    [
        .. Emulator.Core.Sts.SamlConditionKeys.Modelled,
        "aws:PrincipalArn", "aws:PrincipalAccount", "aws:PrincipalType", "aws:userid", "aws:username",
        "aws:RequestedRegion", "aws:CurrentTime", "aws:EpochTime", "aws:SecureTransport", "aws:SourceIp", "aws:UserAgent",
        "aws:ViaAWSService", "aws:PrincipalIsAWSService", "aws:PrincipalTag/*", "aws:ResourceAccount",
        "aws:ResourceTag/*", "iam:ResourceTag/*", "aws:RequestTag/*", "aws:TagKeys", "iam:PolicyARN", "iam:PermissionsBoundary",
        "aws:TokenIssueTime", "aws:MultiFactorAuthPresent", "aws:MultiFactorAuthAge", "aws:SourceIdentity", "aws:FederatedProvider", "ec2:SourceInstanceARN",
        "sts:RoleSessionName", "sts:ExternalId", "sts:SourceIdentity", "sts:TransitiveTagKeys",
    ];
}
