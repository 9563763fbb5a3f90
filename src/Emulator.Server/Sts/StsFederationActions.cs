using Emulator.Core.Sts;
using Emulator.Server.Pipeline;

namespace Emulator.Server.Sts;

/// <summary>
/// STS entries for outbound identity federation (GetWebIdentityToken, STS API reference) and for the
/// operations whose prerequisites the emulator lacks: AssumeRoot (an organization with centralized root
/// sessions) and GetDelegatedAccessToken (a partner's delegation trade-in token). See
/// <see cref="RootSessionOperations"/> for what those answer and why.
/// </summary>
public static class StsFederationActions
{
    public static IEnumerable<AwsOperation> All(OutboundTokenIssuer outbound)
    {
        yield return new("GetWebIdentityToken", "sts:GetWebIdentityToken", AwsOperation.Everything, (c, w) =>
        {
            var request = new WebIdentityTokenRequest(c.Parameters.List("Audience"), c.Parameters.Int("DurationSeconds", "durationSeconds"),
                c["SigningAlgorithm"], c.Parameters.Tags());
            var issued = outbound.GetWebIdentityToken(c.Principal, request, c.Region);
            w.Value("WebIdentityToken", issued.Token).Value("Expiration", issued.Expiration);
        });
        yield return new("AssumeRoot", "sts:AssumeRoot", c => RootResource(c), (c, w) => RootSessionOperations.AssumeRoot(c.Principal, c["TargetPrincipal"]!))
        {
            Validate = c => RootSessionOperations.ValidateAssumeRoot(c["TargetPrincipal"], c.Parameters.All.Any(p => p.Key.StartsWith("TaskPolicyArn.", StringComparison.Ordinal)),
                c["TaskPolicyArn.arn"], c.Parameters.Int("DurationSeconds", "durationSeconds")),
        };
        yield return new("GetDelegatedAccessToken", "sts:GetDelegatedAccessToken", AwsOperation.Everything, (c, w) =>
            RootSessionOperations.GetDelegatedAccessToken(c["TradeInToken"]));
    }

    /// <summary>sts:AssumeRoot authorizes against the member account's root: arn:aws:iam::TARGET:root.</summary>
    private static string RootResource(OperationContext c) =>
        RootSessionOperations.TargetAccount(c["TargetPrincipal"]) is { } account ? Emulator.Policy.Arn.Iam(c.Partition, account, "root").ToString() : "*";
}
