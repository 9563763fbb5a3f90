using Emulator.Core.Errors;
using Emulator.Core.Iam.Paging;
using Emulator.Core.Iam.Users;
using Emulator.Core.Iam.Validation;

namespace Emulator.Core.Iam.UserCredentials;

/// <summary>UploadSSHPublicKey, GetSSHPublicKey, ListSSHPublicKeys, UpdateSSHPublicKey, DeleteSSHPublicKey.</summary>
public sealed class SshPublicKeyOperations(IamContext context)
{
    public SshPublicKey Upload(string accountId, string? userName, string? body)
    {
        new ParameterValidator().Name("userName", userName, 64).Required("sSHPublicKeyBody", body).Length("sSHPublicKeyBody", body, 1, 16384)
            .Pattern("sSHPublicKeyBody", body, ModelPattern.PolicyDocument).ThrowIfInvalid();
        var (openSsh, fingerprint) = SshKeyFormat.Parse(body!);
        return context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var user = UserOperations.Find(account, userName!);
            var own = account.SshPublicKeys.Values.Where(k => k.UserName == user.UserName).ToList();
            if (own.Any(k => k.Fingerprint == fingerprint))
            {
                throw new AwsError("DuplicateSSHPublicKey", "The SSH public key is already associated with the specified IAM user.", 400).ToException();
            }

            if (own.Count >= context.Quotas.PublicKeysPerUser)
            {
                throw IamErrors.LimitExceeded($"Cannot exceed quota for PublicKeysPerUser: {context.Quotas.PublicKeysPerUser}");
            }

            var key = new SshPublicKey(accountId, user.UserName, context.Ids.UniqueId("APKA"), openSsh, fingerprint, true, context.Now());
            account.SshPublicKeys[key.SshPublicKeyId] = key;
            return key;
        });
    }

    /// <summary>The key with its body in the requested encoding (SSH or PEM).</summary>
    public (SshPublicKey Key, string Body) Get(string accountId, string? userName, string? keyId, string? encoding)
    {
        new ParameterValidator().Name("userName", userName, 64).Required("sSHPublicKeyId", keyId).Length("sSHPublicKeyId", keyId, 20, 128)
            .Pattern("sSHPublicKeyId", keyId, ModelPattern.Word).Required("encoding", encoding).OneOf("encoding", encoding, "SSH", "PEM").ThrowIfInvalid();
        var key = context.Store.Read(state => Find(IamRules.Account(state, accountId), userName!, keyId!));
        return (key, encoding == "PEM" ? SshKeyFormat.ToPem(key.OpenSshBody) : key.OpenSshBody);
    }

    public Page<SshPublicKey> List(string accountId, string? userName, string? marker, int? maxItems)
    {
        var validator = new ParameterValidator().Name("userName", userName, 64, required: false);
        Paginator.Validate(validator, marker, maxItems);
        validator.ThrowIfInvalid();
        var keys = context.Store.Read(state =>
        {
            var account = IamRules.Account(state, accountId);
            var owner = userName is null ? null : UserOperations.Find(account, userName).UserName;
            return account.SshPublicKeys.Values.Where(k => k.UserName == owner).ToList();
        });
        return Paginator.Paginate(keys, k => k.SshPublicKeyId, marker, maxItems);
    }

    public void Update(string accountId, string? userName, string? keyId, string? status)
    {
        new ParameterValidator().Name("userName", userName, 64).Required("sSHPublicKeyId", keyId).Required("status", status)
            .OneOf("status", status, "Active", "Inactive").ThrowIfInvalid();
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var key = Find(account, userName!, keyId!);
            account.SshPublicKeys[key.SshPublicKeyId] = key with { IsActive = status == "Active" };
            return true;
        });
    }

    public void Delete(string accountId, string? userName, string? keyId)
    {
        new ParameterValidator().Name("userName", userName, 64).Required("sSHPublicKeyId", keyId).ThrowIfInvalid();
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            return account.SshPublicKeys.Remove(Find(account, userName!, keyId!).SshPublicKeyId);
        });
    }

    private static SshPublicKey Find(Store.AccountState account, string userName, string keyId)
    {
        var user = UserOperations.Find(account, userName);
        return account.SshPublicKeys.TryGetValue(keyId, out var key) && key.UserName == user.UserName
            ? key
            : throw IamErrors.NoSuchEntity($"The Public Key with id {keyId} cannot be found.");
    }
}
