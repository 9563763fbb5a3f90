using System.Security.Cryptography;
using System.Text;
using Emulator.Core.Authorization;
using Emulator.Core.Errors;
using Emulator.Core.Iam;
using Emulator.Core.Iam.Roles;
using Emulator.Core.Iam.Tags;
using Emulator.Core.Iam.Validation;
using Emulator.Core.Store;
using Emulator.Core.Sts;

namespace Emulator.Core.ContainerCredentials;

/// <summary>
/// The token-to-role bindings behind the container credential endpoint. They live in the store, so a
/// reset returns them to the seeded ones. The role must trust one of the container services, as ECS and
/// EKS require before they hand out its credentials.
/// </summary>
public sealed class ContainerCredentialRegistry(IamContext context)
{
    /// <summary>Longer than any real token (a projected service-account JWT is about 1 KB) yet bounded.</summary>
    public const int MaxTokenLength = 4096;

    private static readonly ModelPattern SessionNamePattern = new(@"[\w+=,.@-]*");

    /// <summary>Binds the token (replacing an earlier binding of the same token); returns the binding and whether it replaced one.</summary>
    public (ContainerCredentialBinding Binding, bool Replaced) Register(ContainerCredentialRegistration registration)
    {
        var token = registration.Token;
        if (string.IsNullOrEmpty(token))
        {
            throw new InvalidContainerCredentialException("token is required: the value clients send as the Authorization header.");
        }

        if (token.Length > MaxTokenLength)
        {
            throw new InvalidContainerCredentialException($"token must be at most {MaxTokenLength} characters, not {token.Length}.");
        }

        // The SDKs refuse to send a header value with a line break (botocore any CR or LF, JS and .NET CRLF), so such a token could never be presented.
        if (token.Contains('\r', StringComparison.Ordinal) || token.Contains('\n', StringComparison.Ordinal))
        {
            throw new InvalidContainerCredentialException("token must not contain CR or LF: SDKs refuse to send such a header value (a token file must not end with a newline for botocore and the JS SDK).");
        }

        var sessionName = registration.SessionName ?? DefaultSessionName(Hash(token));
        if (sessionName.Length is < 2 or > 64 || !SessionNamePattern.IsMatch(sessionName))
        {
            throw new InvalidContainerCredentialException($"sessionName must be 2 to 64 characters of letters, digits and +=,.@_- (a role session name), not '{sessionName}'.");
        }

        var tags = registration.SessionTags;
        try
        {
            TagRules.ValidateSessionTags(ParameterValidator.ForSts(), tags);
        }
        catch (AwsException e)
        {
            throw new InvalidContainerCredentialException($"sessionTags: {e.Error.Message}");
        }

        var roleArn = registration.RoleArn;
        if (string.IsNullOrEmpty(roleArn))
        {
            throw new InvalidContainerCredentialException("roleArn is required, like arn:aws:iam::123456789012:role/app.");
        }

        return context.Store.Write(state =>
        {
            var role = StsService.FindRole(state, roleArn)
                ?? throw new InvalidContainerCredentialException($"roleArn {roleArn} names no role of this emulator (the ARN must match the role's path and name exactly).");
            RequireTrust(role, tags.Count > 0);
            var binding = new ContainerCredentialBinding(context.Ids.Hex(16), Hash(token), role.Arn, role.RoleId, sessionName, tags, context.Now());
            var replaced = state.ContainerCredentials.ContainsKey(binding.TokenHash);
            state.ContainerCredentials[binding.TokenHash] = binding;
            return (binding, replaced);
        });
    }

    /// <summary>Removes the token's binding; false when there was none.</summary>
    public bool Remove(string token) => context.Store.Write(state => state.ContainerCredentials.Remove(Hash(token)));

    /// <summary>The token's binding and its role as they are now; null when the token is unknown or the role is gone or no longer trusts a container service.</summary>
    public (ContainerCredentialBinding Binding, Role Role)? Find(string token) => context.Store.Read(state =>
    {
        if (!state.ContainerCredentials.TryGetValue(Hash(token), out var binding)
            || StsService.FindRole(state, binding.RoleArn) is not { } role
            || role.RoleId != binding.RoleId
            || !IsTrusted(role, binding.SessionTags.Count > 0))
        {
            return ((ContainerCredentialBinding, Role)?)null;
        }

        return (binding, role);
    });

    /// <summary>Hex SHA-256 of the token: the key of its binding, and what logs and holders may name instead of it.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A session name that tells bindings apart without revealing the token.</summary>
    public static string DefaultSessionName(string tokenHash) => $"container-{tokenHash[..16]}";

    /// <summary>
    /// ECS task roles trust ecs-tasks.amazonaws.com; EKS Pod Identity roles trust pods.eks.amazonaws.com for
    /// sts:AssumeRole and sts:TagSession, since EKS always tags the session. Only EKS passes session tags.
    /// </summary>
    private static bool IsTrusted(Role role, bool tagged) => tagged
        ? ServiceTrust.Allows(role, ServiceTrust.EksPods) && ServiceTrust.Allows(role, ServiceTrust.EksPods, "sts:TagSession")
        : ServiceTrust.Allows(role, ServiceTrust.EcsTasks) || ServiceTrust.Allows(role, ServiceTrust.EksPods);

    private static void RequireTrust(Role role, bool tagged)
    {
        if (IsTrusted(role, tagged))
        {
            return;
        }

        throw new InvalidContainerCredentialException(tagged
            ? $"Role {role.Arn} cannot receive session tags from a container: its trust policy must allow the service principal {ServiceTrust.EksPods} both sts:AssumeRole and sts:TagSession (as EKS Pod Identity requires)."
            : $"Role {role.Arn} is not trusted by a container service: its trust policy must allow sts:AssumeRole to the service principal {ServiceTrust.EcsTasks} (ECS task role) or {ServiceTrust.EksPods} (EKS Pod Identity).");
    }
}
