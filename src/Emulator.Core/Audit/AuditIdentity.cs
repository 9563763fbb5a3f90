using System.Globalization;
using Emulator.Core.Identity;
using Emulator.Core.Sts;

namespace Emulator.Core.Audit;

/// <summary>Describes a caller as CloudTrail's userIdentity does, from what authentication found.</summary>
public static class AuditIdentity
{
    public static AuditUserIdentity Of(Principal principal) => principal.Type switch
    {
        PrincipalType.Account => new AuditUserIdentity
        {
            Type = "Root",
            PrincipalId = principal.AccountId,
            Arn = Emulator.Policy.Arn.Root(principal.Partition, principal.AccountId).ToString(),
            AccountId = principal.AccountId,
            AccessKeyId = principal.AccessKeyId,
            SessionContext = principal.Session is { } session ? Context(session, null) : null,
        },
        PrincipalType.User => new AuditUserIdentity
        {
            Type = "IAMUser",
            PrincipalId = principal.UserId,
            Arn = principal.Arn,
            AccountId = principal.AccountId,
            AccessKeyId = principal.AccessKeyId,
            UserName = principal.UserName,
            SessionContext = principal.Session is { } session ? Context(session, null) : null,
        },
        PrincipalType.AssumedRole => new AuditUserIdentity
        {
            Type = "AssumedRole",
            PrincipalId = principal.UserId,
            Arn = principal.Arn,
            AccountId = principal.AccountId,
            AccessKeyId = principal.AccessKeyId,
            SessionContext = principal.Session is { } session
                ? Context(session, new AuditSessionIssuer("Role", session.RoleId, session.RoleArn!, session.AccountId, session.RoleName))
                : null,
        },
        PrincipalType.FederatedUser => new AuditUserIdentity
        {
            Type = "FederatedUser",
            PrincipalId = principal.UserId,
            Arn = principal.Arn,
            AccountId = principal.AccountId,
            AccessKeyId = principal.AccessKeyId,
            SessionContext = principal.Session is { } session ? Context(session, FederationIssuer(session)) : null,
        },
        // The unsigned AssumeRoleWithWebIdentity caller: CloudTrail names it by provider, audience and subject.
        _ when principal.WebIdentity is { } token => new AuditUserIdentity
        {
            Type = "WebIdentityUser",
            PrincipalId = $"{ProviderHost(token.Issuer)}:{string.Join(',', token.Audiences)}:{token.Subject}",
            UserName = token.Subject,
            IdentityProvider = ProviderHost(token.Issuer),
        },
        // The unsigned AssumeRoleWithSAML caller: CloudTrail names it by the assertion's NameQualifier and subject.
        _ when principal.Saml is { } assertion => new AuditUserIdentity
        {
            Type = "SAMLUser",
            PrincipalId = $"{assertion.NameQualifier}:{assertion.Subject}",
            UserName = assertion.Subject,
            IdentityProvider = assertion.NameQualifier,
        },
        _ => new AuditUserIdentity { Type = "Unknown", Arn = principal.Arn, AccountId = principal.AccountId },
    };

    /// <summary>A caller whose signature named a key that could not be authenticated (or no signature at all).</summary>
    public static AuditUserIdentity Unknown(string? accessKeyId) => new() { Type = "Unknown", AccessKeyId = accessKeyId };

    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static AuditSessionContext Context(Session session, AuditSessionIssuer? issuer) => new()
    {
        SessionIssuer = issuer,
        WebIdFederationData = session.FederatedProvider is { } provider ? new AuditWebIdentityFederation(provider) : null,
        Attributes = new AuditSessionAttributes(Time(session.IssuedAt), session.MultiFactorAuthenticated ? "true" : "false"),
        SourceIdentity = session.SourceIdentity,
        Ec2RoleDelivery = session.RoleDelivery,
    };

    private static AuditSessionIssuer FederationIssuer(Session session) => session.UserName is null
        ? new AuditSessionIssuer("Root", session.AccountId, Emulator.Policy.Arn.Root(session.Partition, session.AccountId).ToString(), session.AccountId, null)
        : new AuditSessionIssuer("IAMUser", session.UserId, session.UserArn!, session.AccountId, session.UserName);

    private static string ProviderHost(string issuer) =>
        issuer.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? issuer[8..] : issuer;
}
