using Emulator.Core.Errors;

namespace Emulator.Core.Iam.OutboundFederation;

/// <summary>
/// IAM's Enable/Disable/GetOutboundWebIdentityFederation(Info). Rests on the IAM API reference: Enable
/// answers the account's unique issuer URL and FeatureEnabled (409) when already on; Disable and Get
/// answer FeatureDisabled (404) when it is off.
/// </summary>
public sealed class OutboundFederationOperations(IamContext context)
{
    /// <summary>Where the emulator serves an issuer: <c>{origin}/outbound-federation/{issuer id}</c>.</summary>
    public const string PathPrefix = "/outbound-federation/";

    /// <summary>
    /// Turns the feature on. The first time, the issuer URL is made from <paramref name="origin"/> (the
    /// scheme and host the caller reached the emulator at, so the URL is fetchable from where it is used)
    /// and a new unique id, as AWS makes <c>https://&lt;id&gt;.tokens.sts.global.api.aws</c>.
    /// </summary>
    public string Enable(string accountId, string origin) =>
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var current = account.OutboundFederation;
            if (current is { Enabled: true })
            {
                throw FeatureEnabled();
            }

            var id = current?.IssuerId ?? NewIssuerId();
            var enabled = new OutboundWebIdentityFederation(true, id, current?.IssuerIdentifier ?? origin.TrimEnd('/') + PathPrefix + id);
            account.OutboundFederation = enabled;
            return enabled.IssuerIdentifier;
        });

    public void Disable(string accountId) =>
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            if (account.OutboundFederation is not { Enabled: true } current)
            {
                throw FeatureDisabled();
            }

            account.OutboundFederation = current with { Enabled = false };
            return true;
        });

    /// <summary>GetOutboundWebIdentityFederationInfo: the issuer URL and JwtVendingEnabled (true: the feature is on).</summary>
    public OutboundWebIdentityFederation Get(string accountId) =>
        context.Store.Read(state => IamRules.Account(state, accountId).OutboundFederation) is { Enabled: true } enabled
            ? enabled
            : throw FeatureDisabled();

    /// <summary>The account whose enabled issuer has this id, with its settings; null when none does (or it is disabled).</summary>
    public (string AccountId, OutboundWebIdentityFederation Federation)? FindIssuer(string issuerId) =>
        context.Store.Read(state => state.Accounts.Values
            .Where(a => a.OutboundFederation is { Enabled: true } f && f.IssuerId == issuerId)
            .Select(a => ((string, OutboundWebIdentityFederation)?)(a.AccountId, a.OutboundFederation!))
            .FirstOrDefault());

    /// <summary>The account's settings when the feature is on; null when off.</summary>
    public OutboundWebIdentityFederation? Enabled(string accountId) =>
        context.Store.Read(state => IamRules.Account(state, accountId).OutboundFederation) is { Enabled: true } enabled ? enabled : null;

    /// <summary>A GUID-shaped id from the injected random source (AWS's issuer host starts with such an id).</summary>
    private string NewIssuerId()
    {
        var hex = context.Ids.Hex(32);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    // AWS's wording from the IAM API reference (FeatureEnabled / FeatureDisabled error descriptions).
    private static AwsException FeatureEnabled() => new AwsError("FeatureEnabled",
        "Outbound identity federation is already enabled for this account. To fetch the current configuration (including the unique issuer URL), use the GetOutboundWebIdentityFederationInfo operation.", 409).ToException();

    private static AwsException FeatureDisabled() => new AwsError("FeatureDisabled",
        "Outbound identity federation is disabled for this account.", 404).ToException();
}
