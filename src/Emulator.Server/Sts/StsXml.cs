using Emulator.Core.Sts;
using Emulator.Server.Protocol;

namespace Emulator.Server.Sts;

/// <summary>STS's XML shapes.</summary>
public static class StsXml
{
    public const string Namespace = "https://sts.amazonaws.com/doc/2011-06-15/";

    public static void Credentials(QueryXmlWriter w, SessionCredentials credentials) =>
        w.Object("Credentials", c => c.Value("AccessKeyId", credentials.AccessKeyId).Value("SecretAccessKey", credentials.SecretAccessKey)
            .Value("SessionToken", credentials.SessionToken).Value("Expiration", credentials.Expiration));

    public static void AssumedRoleUser(QueryXmlWriter w, Session session) =>
        w.Object("AssumedRoleUser", u => u.Value("AssumedRoleId", $"{session.RoleId}:{session.SessionName}").Value("Arn", session.SessionArn));
}
