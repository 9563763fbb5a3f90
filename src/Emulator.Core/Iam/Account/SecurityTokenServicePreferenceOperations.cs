using Emulator.Core.Iam.Validation;

namespace Emulator.Core.Iam.Account;

/// <summary>
/// SetSecurityTokenServicePreferences: which session tokens the global STS endpoint issues for the
/// account (v1Token: valid in default Regions only; v2Token: valid everywhere). GetAccountSummary
/// reports it as GlobalEndpointTokenVersion, 1 or 2; AWS's default is v1Token.
/// </summary>
public sealed class SecurityTokenServicePreferenceOperations(IamContext context)
{
    public const string Version1 = "v1Token";
    public const string Version2 = "v2Token";

    public void Set(string accountId, string? globalEndpointTokenVersion)
    {
        new ParameterValidator().Required("globalEndpointTokenVersion", globalEndpointTokenVersion)
            .OneOf("globalEndpointTokenVersion", globalEndpointTokenVersion, Version1, Version2).ThrowIfInvalid();
        context.Store.Write(state =>
        {
            IamRules.Account(state, accountId).GlobalEndpointTokenVersion = globalEndpointTokenVersion;
            return true;
        });
    }

    /// <summary>The summary's number for a stored preference: 2 for v2Token, otherwise 1.</summary>
    public static int SummaryValue(string? globalEndpointTokenVersion) => globalEndpointTokenVersion == Version2 ? 2 : 1;
}
