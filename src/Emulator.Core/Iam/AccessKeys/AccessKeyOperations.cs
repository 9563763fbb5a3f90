using Emulator.Core.Errors;
using Emulator.Core.Iam.Paging;
using Emulator.Core.Iam.Users;
using Emulator.Core.Iam.Validation;
using Emulator.Core.Store;

namespace Emulator.Core.Iam.AccessKeys;

/// <summary>Long-term access keys: at most two per user; an inactive key signs nothing.</summary>
public sealed class AccessKeyOperations(IamContext context)
{
    /// <summary>Creates a key for <paramref name="userName"/>, or for the account root when it is null.</summary>
    public AccessKey Create(string accountId, string? userName)
    {
        new ParameterValidator().Name("userName", userName, 128, required: false).ThrowIfInvalid();
        return context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var owner = userName is null ? null : UserOperations.Find(account, userName).UserName;
            if (account.AccessKeys.Values.Count(k => k.UserName == owner) >= context.Quotas.AccessKeysPerUser)
            {
                throw IamErrors.LimitExceeded($"Cannot exceed quota for AccessKeysPerUser: {context.Quotas.AccessKeysPerUser}");
            }

            var key = new AccessKey(accountId, owner, context.Ids.AccessKeyId("AKIA", accountId), context.Ids.SecretAccessKey(), true, context.Now(), null);
            Add(state, key);
            return key;
        });
    }

    /// <summary>Adds a key with a caller-chosen id and secret (seed files); ids are unique across accounts.</summary>
    public static void Add(EmulatorState state, AccessKey key)
    {
        if (state.AccessKeyOwners.ContainsKey(key.AccessKeyId))
        {
            throw IamErrors.EntityAlreadyExists($"Access key {key.AccessKeyId} already exists.");
        }

        IamRules.Account(state, key.AccountId).AccessKeys[key.AccessKeyId] = key;
        state.AccessKeyOwners[key.AccessKeyId] = key.AccountId;
    }

    public Page<AccessKey> List(string accountId, string? userName, string? marker, int? maxItems)
    {
        var validator = new ParameterValidator().Name("userName", userName, 128, required: false);
        Paginator.Validate(validator, marker, maxItems);
        validator.ThrowIfInvalid();
        var keys = context.Store.Read(state =>
        {
            var account = IamRules.Account(state, accountId);
            var owner = userName is null ? null : UserOperations.Find(account, userName).UserName;
            return account.AccessKeys.Values.Where(k => k.UserName == owner).ToList();
        });
        return Paginator.Paginate(keys, k => k.AccessKeyId, marker, maxItems);
    }

    public void Update(string accountId, string? userName, string? accessKeyId, string? status)
    {
        new ParameterValidator().Name("userName", userName, 128, required: false)
            .Required("accessKeyId", accessKeyId).Length("accessKeyId", accessKeyId, 16, 128)
            .Required("status", status).OneOf("status", status, "Active", "Inactive").ThrowIfInvalid();
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var key = Find(account, userName, accessKeyId!);
            account.AccessKeys[key.AccessKeyId] = key with { IsActive = status == "Active" };
            return key;
        });
    }

    public void Delete(string accountId, string? userName, string? accessKeyId)
    {
        new ParameterValidator().Name("userName", userName, 128, required: false)
            .Required("accessKeyId", accessKeyId).Length("accessKeyId", accessKeyId, 16, 128).ThrowIfInvalid();
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var key = Find(account, userName, accessKeyId!);
            account.AccessKeys.Remove(key.AccessKeyId);
            return state.AccessKeyOwners.Remove(key.AccessKeyId);
        });
    }

    public AccessKey GetLastUsed(string accountId, string? accessKeyId)
    {
        new ParameterValidator().Required("accessKeyId", accessKeyId).Length("accessKeyId", accessKeyId, 16, 128).ThrowIfInvalid();
        return context.Store.Read(state =>
            IamRules.Account(state, accountId).AccessKeys.GetValueOrDefault(accessKeyId!)
            ?? throw AccessDeniedForUnknownKey());
    }

    private static AwsException AccessDeniedForUnknownKey() =>
        IamErrors.AccessDenied("The specified access key does not belong to this account or does not exist.");

    /// <summary>Finds a key of the named user (or of the root, when no user is named).</summary>
    private static AccessKey Find(AccountState account, string? userName, string accessKeyId)
    {
        var owner = userName is null ? null : UserOperations.Find(account, userName).UserName;
        return account.AccessKeys.TryGetValue(accessKeyId, out var key) && key.UserName == owner
            ? key
            : throw IamErrors.NoSuchEntity($"The Access Key with id {accessKeyId} cannot be found.");
    }
}
