namespace Emulator.Core.Identity;

/// <summary>Who signed a request, as GetCallerIdentity and the aws:* condition keys describe it.</summary>
public sealed record Principal(
    PrincipalType Type,
    string AccountId,
    string Arn,
    string UserId,
    string? UserName,
    string? AccessKeyId)
{
    public bool IsRoot => Type == PrincipalType.Account && Session is null;

    /// <summary>The partition of the principal's account; a request is accepted only in that partition's regions.</summary>
    public string Partition { get; init; } = Emulator.Policy.AwsPartitions.Aws;

    /// <summary>The temporary-credential session behind the request, when it was signed with an ASIA key.</summary>
    public Sts.Session? Session { get; init; }

    /// <summary>The verified token of a web-identity caller (whose <see cref="Arn"/> is its OIDC provider ARN).</summary>
    public Sts.WebIdentityToken? WebIdentity { get; init; }

    /// <summary>The verified assertion of an AssumeRoleWithSAML caller (whose <see cref="Arn"/> is its SAML provider ARN).</summary>
    public Sts.SamlAssertion? Saml { get; init; }

    /// <summary>The principal a session stands for, as GetCallerIdentity and the aws:* keys describe it.</summary>
    public static Principal ForSession(Sts.Session session) => session.Kind switch
    {
        Sts.SessionKind.AssumedRole => new(PrincipalType.AssumedRole, session.AccountId, session.SessionArn,
            $"{session.RoleId}:{session.SessionName}", null, session.AccessKeyId) { Session = session, Partition = session.Partition },
        Sts.SessionKind.FederatedUser => new(PrincipalType.FederatedUser, session.AccountId, session.SessionArn,
            $"{session.AccountId}:{session.FederatedName}", null, session.AccessKeyId) { Session = session, Partition = session.Partition },
        _ when session.UserName is null => new(PrincipalType.Account, session.AccountId, session.SessionArn,
            session.AccountId, null, session.AccessKeyId) { Session = session, Partition = session.Partition },
        _ => new(PrincipalType.User, session.AccountId, session.SessionArn, session.UserId!, session.UserName, session.AccessKeyId) { Session = session, Partition = session.Partition },
    };

    public static Principal Root(string accountId, string partition, string? accessKeyId) =>
        new(PrincipalType.Account, accountId, Emulator.Policy.Arn.Root(partition, accountId).ToString(), accountId, null, accessKeyId) { Partition = partition };
}
