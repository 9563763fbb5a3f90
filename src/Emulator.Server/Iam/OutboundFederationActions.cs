using Emulator.Core.Iam;
using Emulator.Server.Pipeline;
using static Emulator.Server.Iam.IamActions;

namespace Emulator.Server.Iam;

/// <summary>
/// Action-table entries for outbound identity federation (IAM API reference: EnableOutboundWebIdentityFederation,
/// DisableOutboundWebIdentityFederation, GetOutboundWebIdentityFederationInfo) and the account's STS token
/// preference (SetSecurityTokenServicePreferences, reported by GetAccountSummary as GlobalEndpointTokenVersion).
/// The issuer URL is the emulator's own (<c>{origin}/outbound-federation/{id}</c>), since AWS's
/// <c>https://{id}.tokens.sts.global.api.aws</c> cannot be served from here.
/// </summary>
public static class OutboundFederationActions
{
    public static IEnumerable<AwsOperation> All(IamService iam)
    {
        var federation = iam.OutboundFederation;
        yield return Op("EnableOutboundWebIdentityFederation", AwsOperation.Everything, (c, w) =>
            w.Value("IssuerIdentifier", federation.Enable(c.AccountId, c.Origin)));
        yield return Op("DisableOutboundWebIdentityFederation", AwsOperation.Everything, (c, w) => federation.Disable(c.AccountId));
        yield return Op("GetOutboundWebIdentityFederationInfo", AwsOperation.Everything, (c, w) =>
        {
            var info = federation.Get(c.AccountId);
            w.Value("IssuerIdentifier", info.IssuerIdentifier).Value("JwtVendingEnabled", info.Enabled);
        });
        yield return Op("SetSecurityTokenServicePreferences", AwsOperation.Everything, (c, w) =>
            iam.SecurityTokenServicePreferences.Set(c.AccountId, c["GlobalEndpointTokenVersion"]));
    }
}
