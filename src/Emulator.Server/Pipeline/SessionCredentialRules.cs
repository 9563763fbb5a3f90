using Emulator.Core.Identity;
using Emulator.Core.Sts;
using Emulator.Server.Authentication;
using Emulator.Server.Protocol;

namespace Emulator.Server.Pipeline;

/// <summary>
/// What some temporary credentials may never do, whatever the policies say: GetSessionToken credentials
/// without MFA are unknown to IAM and reach only AssumeRole and GetCallerIdentity of STS; GetFederationToken
/// credentials are unknown to IAM and reach only GetCallerIdentity. Other services (EC2) accept both.
/// </summary>
public static class SessionCredentialRules
{
    public static void Iam(Principal principal, AwsOperation operation)
    {
        if (principal.Session is { Kind: SessionKind.SessionToken, MultiFactorAuthenticated: false } or { Kind: SessionKind.FederatedUser })
        {
            throw RequestAuthenticator.InvalidToken();
        }
    }

    public static Action<Principal, AwsOperation> Sts(IAwsProtocol protocol) => (principal, operation) =>
    {
        var refused = principal.Session switch
        {
            { Kind: SessionKind.SessionToken } => operation.Name is not ("AssumeRole" or "GetCallerIdentity"),
            { Kind: SessionKind.FederatedUser } => operation.Name != "GetCallerIdentity",
            _ => false,
        };
        if (refused)
        {
            throw protocol.Denied(new Denial($"Cannot call {operation.Name} with session credentials", null)).ToException();
        }
    };
}
