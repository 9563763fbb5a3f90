using System.Text;
using Emulator.Core.Errors;
using Emulator.Core.Iam.Paging;
using Emulator.Core.Iam.PasswordPolicies;
using Emulator.Core.Iam.Users;
using Emulator.Core.Iam.Validation;
using Emulator.Core.Store;

namespace Emulator.Core.Iam.ServiceSpecificCredentials;

/// <summary>
/// CreateServiceSpecificCredential, ListServiceSpecificCredentials, ResetServiceSpecificCredential,
/// UpdateServiceSpecificCredential and DeleteServiceSpecificCredential: at most two per user and service.
/// </summary>
public sealed class ServiceSpecificCredentialOperations(IamContext context)
{
    /// <summary>Services with a user name and password (CodeCommit's Git credentials, Amazon Keyspaces).</summary>
    public static readonly IReadOnlySet<string> PasswordServices = new HashSet<string>(StringComparer.Ordinal)
    {
        "codecommit.amazonaws.com", "cassandra.amazonaws.com",
    };

    /// <summary>Services with long-term API keys (Amazon Bedrock, CloudWatch Logs), which may expire (CredentialAgeDays).</summary>
    public static readonly IReadOnlySet<string> ApiKeyServices = new HashSet<string>(StringComparer.Ordinal)
    {
        "bedrock.amazonaws.com", "logs.amazonaws.com",
    };

    public IssuedServiceSpecificCredential Create(string accountId, string? userName, string? serviceName, int? credentialAgeDays)
    {
        new ParameterValidator().Name("userName", userName, 64).Required("serviceName", serviceName)
            .Range("credentialAgeDays", credentialAgeDays, 1, 36600).ThrowIfInvalid();
        RequireSupported(serviceName!);
        var apiKey = ApiKeyServices.Contains(serviceName!);
        if (credentialAgeDays is not null && !apiKey)
        {
            throw IamErrors.InvalidInput("CredentialAgeDays is only valid for Bedrock and CloudWatch Logs API keys.");
        }

        return context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var user = UserOperations.Find(account, userName!).UserName;
            var existing = account.ServiceSpecificCredentials.Values.Where(c => c.UserName == user && c.ServiceName == serviceName).ToList();
            if (existing.Count >= context.Quotas.ServiceSpecificCredentialsPerUserPerService)
            {
                throw IamErrors.LimitExceeded($"Cannot exceed quota for ServiceSpecificCredentialsPerUserPerService: {context.Quotas.ServiceSpecificCredentialsPerUserPerService}");
            }

            var now = context.Now();
            var id = context.Ids.UniqueId("ACCA");
            string? serviceUserName = null, alias = null, password = null, secret = null;
            if (apiKey)
            {
                // The alias names the user and carries a version and the creation time (AWS's documented contents).
                alias = $"{user}-at-{accountId}-v1-{now.ToUnixTimeSeconds()}";
                secret = ApiKeySecret(serviceName!, alias);
            }
            else
            {
                // AWS names the first credential jane-at-123456789012 and the second jane+1-at-123456789012.
                serviceUserName = existing.Any(c => c.ServiceUserName == $"{user}-at-{accountId}") ? $"{user}+1-at-{accountId}" : $"{user}-at-{accountId}";
                password = Password();
            }

            var credential = new ServiceSpecificCredential(accountId, user, serviceName!, id, serviceUserName, alias, Hash(password ?? secret!), true, now,
                credentialAgeDays is { } days ? now.AddDays(days) : null);
            account.ServiceSpecificCredentials[id] = credential;
            return new IssuedServiceSpecificCredential(credential, password, secret);
        });
    }

    /// <summary>
    /// The credentials of one user (the caller when <paramref name="userName"/> is null; the root has none), or of
    /// every user with AllUsers; optionally of one service.
    /// </summary>
    public Page<ServiceSpecificCredential> List(string accountId, string? userName, string? serviceName, bool allUsers, string? marker, int? maxItems)
    {
        var validator = new ParameterValidator().Name("userName", userName, 64, required: false);
        Paginator.Validate(validator, marker, maxItems);
        validator.ThrowIfInvalid();
        if (allUsers && userName is not null)
        {
            throw IamErrors.InvalidInput("AllUsers cannot be specified together with UserName.");
        }

        if (serviceName is not null)
        {
            RequireSupported(serviceName);
        }

        var credentials = context.Store.Read(state =>
        {
            var account = IamRules.Account(state, accountId);
            var owner = userName is null ? null : UserOperations.Find(account, userName).UserName;
            return account.ServiceSpecificCredentials.Values
                .Where(c => (allUsers || c.UserName == owner) && (serviceName is null || c.ServiceName == serviceName)).ToList();
        });
        return Paginator.Paginate(credentials, c => $"{IamRules.SortKey(c.UserName)}\u0000{c.ServiceSpecificCredentialId}", marker, maxItems);
    }

    /// <summary>A new password (or API key secret) for the credential; the old one stops working at once.</summary>
    public IssuedServiceSpecificCredential Reset(string accountId, string? userName, string? credentialId)
    {
        Validate(userName, credentialId).ThrowIfInvalid();
        return context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var credential = Find(account, userName, credentialId!);
            string? password = null, secret = null;
            if (credential.ServiceCredentialAlias is { } alias)
            {
                secret = ApiKeySecret(credential.ServiceName, alias);
            }
            else
            {
                password = Password();
            }

            var reset = credential with { SecretHash = Hash(password ?? secret!) };
            account.ServiceSpecificCredentials[reset.ServiceSpecificCredentialId] = reset;
            return new IssuedServiceSpecificCredential(reset, password, secret);
        });
    }

    public void Update(string accountId, string? userName, string? credentialId, string? status)
    {
        Validate(userName, credentialId).Required("status", status).OneOf("status", status, "Active", "Inactive", "Expired").ThrowIfInvalid();
        if (status == "Expired")
        {
            throw IamErrors.InvalidInput("The status of a service-specific credential can only be set to Active or Inactive.");
        }

        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var credential = Find(account, userName, credentialId!);
            return account.ServiceSpecificCredentials[credential.ServiceSpecificCredentialId] = credential with { IsActive = status == "Active" };
        });
    }

    public void Delete(string accountId, string? userName, string? credentialId)
    {
        Validate(userName, credentialId).ThrowIfInvalid();
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            return account.ServiceSpecificCredentials.Remove(Find(account, userName, credentialId!).ServiceSpecificCredentialId);
        });
    }

    /// <summary>Whether a password (or API key) is the credential's current one and the credential is usable now.</summary>
    public static bool Verifies(ServiceSpecificCredential credential, string secret, DateTimeOffset now) =>
        credential.StatusAt(now) == "Active" && PasswordHasher.Verify(secret, credential.SecretHash);

    private static ParameterValidator Validate(string? userName, string? credentialId) =>
        new ParameterValidator().Name("userName", userName, 64, required: false).Required("serviceSpecificCredentialId", credentialId)
            .Length("serviceSpecificCredentialId", credentialId, 20, 128).Pattern("serviceSpecificCredentialId", credentialId, ModelPattern.Word);

    private static void RequireSupported(string serviceName)
    {
        if (!PasswordServices.Contains(serviceName) && !ApiKeyServices.Contains(serviceName))
        {
            // IAM's own description of ServiceNotSupportedException.
            throw new AwsError("NotSupportedService", "The specified service does not support service-specific credentials.", 404).ToException();
        }
    }

    /// <summary>The user's credential (the caller's, when the request names no user; the root has none).</summary>
    private static ServiceSpecificCredential Find(AccountState account, string? userName, string credentialId)
    {
        var owner = userName is null ? null : UserOperations.Find(account, userName).UserName;
        return account.ServiceSpecificCredentials.TryGetValue(credentialId, out var credential) && credential.UserName == owner
            ? credential
            : throw IamErrors.NoSuchEntity($"No such credential {credentialId} exists");
    }

    /// <summary>44 characters, as AWS's service passwords are (32 random bytes, base64).</summary>
    private string Password() => Convert.ToBase64String(context.Ids.Bytes(32));

    /// <summary>
    /// An API key is the alias and a secret, base64-encoded together; Bedrock's keys carry the "ABSK" prefix
    /// secret scanners know them by.
    /// </summary>
    private string ApiKeySecret(string serviceName, string alias)
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{alias}:{context.Ids.SecretAccessKey()}"));
        return serviceName == "bedrock.amazonaws.com" ? "ABSK" + encoded : encoded;
    }

    private string Hash(string secret) => PasswordHasher.Hash(secret, context.Ids.Bytes(PasswordHasher.SaltLength));
}
