using Emulator.Core.Errors;
using Emulator.Core.Iam.Paging;
using Emulator.Core.Iam.Policies;
using Emulator.Core.Iam.Tags;
using Emulator.Core.Iam.Validation;
using Emulator.Core.Store;
using Emulator.Policy;

namespace Emulator.Core.Iam.Users;

/// <summary>IAM user operations: the user, inline and attached policies, boundary and tags.</summary>
public sealed class UserOperations(IamContext context)
{
    public User Create(string accountId, string? userName, string? path, string? permissionsBoundary, IReadOnlyList<Tag> tags)
    {
        var validator = new ParameterValidator().Name("userName", userName, 64).Path("path", path)
            .Arn("permissionsBoundary", permissionsBoundary, required: false);
        validator.ThrowIfInvalid();
        TagRules.Validate(validator, tags, caseInsensitiveKeys: true);
        return context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            if (account.Users.ContainsKey(userName!))
            {
                throw IamErrors.EntityAlreadyExists($"User with name {userName} already exists.");
            }

            if (account.Users.Count >= context.Quotas.UsersPerAccount)
            {
                throw IamErrors.LimitExceeded($"Cannot exceed quota for UsersPerAccount: {context.Quotas.UsersPerAccount}");
            }

            var boundary = permissionsBoundary is null ? null : IamRules.BoundaryArn(state, account, permissionsBoundary);
            var user = new User(accountId, userName!, path ?? "/", context.Ids.UniqueId("AIDA"), context.Now(), boundary, [.. tags], [], []) { Partition = account.Partition };
            account.Users[user.UserName] = user;
            return user;
        });
    }

    public User Get(string accountId, string? userName)
    {
        new ParameterValidator().Name("userName", userName, 128).ThrowIfInvalid();
        return context.Store.Read(state => Find(IamRules.Account(state, accountId), userName!));
    }

    public Page<User> List(string accountId, string? pathPrefix, string? marker, int? maxItems)
    {
        var validator = new ParameterValidator().Length("pathPrefix", pathPrefix, 1, 512);
        Paginator.Validate(validator, marker, maxItems);
        validator.ThrowIfInvalid();
        var users = context.Store.Read(state => IamRules.Account(state, accountId).Users.Values.ToList());
        return Paginator.Paginate(users.Where(u => pathPrefix is null || u.Path.StartsWith(pathPrefix, StringComparison.Ordinal)),
            u => IamRules.SortKey(u.UserName), marker, maxItems);
    }

    /// <summary>Renames and/or moves a user; group memberships, keys, certificates and other credentials follow the new name.</summary>
    public void Update(string accountId, string? userName, string? newUserName, string? newPath)
    {
        new ParameterValidator().Name("userName", userName, 128).Name("newUserName", newUserName, 64, required: false)
            .Path("newPath", newPath).ThrowIfInvalid();
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var user = Find(account, userName!);
            var renamed = newUserName is not null && !string.Equals(newUserName, user.UserName, StringComparison.Ordinal);
            if (renamed && !string.Equals(newUserName, user.UserName, StringComparison.OrdinalIgnoreCase) && account.Users.ContainsKey(newUserName!))
            {
                throw IamErrors.EntityAlreadyExists($"User with name {newUserName} already exists.");
            }

            var updated = user with { UserName = newUserName ?? user.UserName, Path = newPath ?? user.Path };
            account.Users.Remove(user.UserName);
            account.Users[updated.UserName] = updated;
            if (renamed)
            {
                foreach (var group in account.Groups.Values.Where(g => g.UserNames.Contains(user.UserName)).ToList())
                {
                    account.Groups[group.GroupName] = group with { UserNames = group.UserNames.Replace(user.UserName, updated.UserName) };
                }

                foreach (var key in account.AccessKeys.Values.Where(k => k.UserName == user.UserName).ToList())
                {
                    account.AccessKeys[key.AccessKeyId] = key with { UserName = updated.UserName };
                }

                if (account.LoginProfiles.TryGetValue(user.UserName, out var profile))
                {
                    account.LoginProfiles.Remove(user.UserName);
                    account.LoginProfiles[updated.UserName] = profile with { UserName = updated.UserName };
                }

                foreach (var device in account.MfaDevices.Values.Where(d => d.UserName == user.UserName).ToList())
                {
                    account.MfaDevices[device.Key] = device with { UserName = updated.UserName };
                }

                foreach (var credential in account.ServiceSpecificCredentials.Values.Where(c => c.UserName == user.UserName).ToList())
                {
                    account.ServiceSpecificCredentials[credential.ServiceSpecificCredentialId] = credential with { UserName = updated.UserName };
                }

                foreach (var certificate in account.SigningCertificates.Values.Where(c => c.UserName == user.UserName).ToList())
                {
                    account.SigningCertificates[certificate.CertificateId] = certificate with { UserName = updated.UserName };
                }

                foreach (var key in account.SshPublicKeys.Values.Where(k => k.UserName == user.UserName).ToList())
                {
                    account.SshPublicKeys[key.SshPublicKeyId] = key with { UserName = updated.UserName };
                }
            }

            return updated;
        });
    }

    public void Delete(string accountId, string? userName)
    {
        new ParameterValidator().Name("userName", userName, 128).ThrowIfInvalid();
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var user = Find(account, userName!);
            if (account.AccessKeys.Values.Any(k => k.UserName == user.UserName))
            {
                throw IamErrors.DeleteConflict("Cannot delete entity, must delete access keys first.");
            }

            if (account.LoginProfiles.ContainsKey(user.UserName))
            {
                throw IamErrors.DeleteConflict("Cannot delete entity, must delete login profile first.");
            }

            if (account.MfaDevices.Values.Any(d => d.UserName == user.UserName))
            {
                throw IamErrors.DeleteConflict("Cannot delete entity, must delete MFA device first.");
            }

            if (!user.AttachedPolicyArns.IsEmpty)
            {
                throw IamErrors.DeleteConflict("Cannot delete entity, must detach all policies first.");
            }

            if (!user.InlinePolicies.IsEmpty)
            {
                throw IamErrors.DeleteConflict("Cannot delete entity, must delete policies first.");
            }

            if (account.Groups.Values.Any(g => g.UserNames.Contains(user.UserName)))
            {
                throw IamErrors.DeleteConflict("Cannot delete entity, must remove users from group first.");
            }

            if (account.ServiceSpecificCredentials.Values.Any(c => c.UserName == user.UserName))
            {
                throw IamErrors.DeleteConflict("Cannot delete entity, must delete service specific credentials first.");
            }

            if (account.SigningCertificates.Values.Any(c => c.UserName == user.UserName))
            {
                throw IamErrors.DeleteConflict("Cannot delete entity, must delete signing certificates first.");
            }

            if (account.SshPublicKeys.Values.Any(k => k.UserName == user.UserName))
            {
                throw IamErrors.DeleteConflict("Cannot delete entity, must delete SSH public keys first.");
            }

            return account.Users.Remove(user.UserName);
        });
    }

    public void PutPolicy(string accountId, string? userName, string? policyName, string? policyDocument)
    {
        var validator = new ParameterValidator().Name("userName", userName, 128);
        IamRules.ValidateInlinePolicy(validator, policyName, policyDocument);
        validator.ThrowIfInvalid();
        var policy = IamRules.ParsePolicy(policyDocument!, PolicyKind.Identity);
        IamRules.RequirePartition(context.Store, accountId, policy);
        Change(accountId, userName!, user => user with
        {
            InlinePolicies = IamRules.PutInline(user.InlinePolicies, policyName!, policy, context.Quotas.UserPolicySize, "user", user.UserName),
        });
    }

    public InlinePolicy GetPolicy(string accountId, string? userName, string? policyName)
    {
        new ParameterValidator().Name("userName", userName, 128).Name("policyName", policyName, 128).ThrowIfInvalid();
        var user = Get(accountId, userName);
        return IamRules.GetInline(user.InlinePolicies, policyName!, "user", user.UserName);
    }

    public Page<string> ListPolicies(string accountId, string? userName, string? marker, int? maxItems)
    {
        var validator = new ParameterValidator().Name("userName", userName, 128);
        Paginator.Validate(validator, marker, maxItems);
        validator.ThrowIfInvalid();
        return Paginator.Paginate(Get(accountId, userName).InlinePolicies.Select(p => p.PolicyName), name => name, marker, maxItems);
    }

    public void DeletePolicy(string accountId, string? userName, string? policyName)
    {
        new ParameterValidator().Name("userName", userName, 128).Name("policyName", policyName, 128).ThrowIfInvalid();
        Change(accountId, userName!, user => user with
        {
            InlinePolicies = IamRules.DeleteInline(user.InlinePolicies, policyName!, "user", user.UserName),
        });
    }

    public void AttachPolicy(string accountId, string? userName, string? policyArn)
    {
        new ParameterValidator().Name("userName", userName, 128).Arn("policyArn", policyArn).ThrowIfInvalid();
        context.Store.Write(state =>
        {
            var policy = IamRules.AttachablePolicy(state, IamRules.Account(state, accountId), policyArn!);
            return ChangeIn(state, accountId, userName!, user => user with
            {
                AttachedPolicyArns = IamRules.Attach(user.AttachedPolicyArns, policy, "PoliciesPerUser", context.Quotas.PoliciesPerUser),
            });
        });
    }

    public void DetachPolicy(string accountId, string? userName, string? policyArn)
    {
        new ParameterValidator().Name("userName", userName, 128).Arn("policyArn", policyArn).ThrowIfInvalid();
        Change(accountId, userName!, user => user with { AttachedPolicyArns = IamRules.Detach(user.AttachedPolicyArns, policyArn!) });
    }

    public Page<ManagedPolicy> ListAttachedPolicies(string accountId, string? userName, string? pathPrefix, string? marker, int? maxItems)
    {
        var validator = new ParameterValidator().Name("userName", userName, 128).Path("pathPrefix", pathPrefix, ModelPattern.PolicyPath);
        Paginator.Validate(validator, marker, maxItems);
        validator.ThrowIfInvalid();
        var policies = context.Store.Read(state =>
        {
            var account = IamRules.Account(state, accountId);
            return IamRules.AttachedPolicies(state, account, Find(account, userName!).AttachedPolicyArns, pathPrefix).ToList();
        });
        return Paginator.Paginate(policies, p => p.PolicyName, marker, maxItems);
    }

    public void PutPermissionsBoundary(string accountId, string? userName, string? permissionsBoundary)
    {
        new ParameterValidator().Name("userName", userName, 128).Arn("permissionsBoundary", permissionsBoundary).ThrowIfInvalid();
        context.Store.Write(state =>
        {
            var boundary = IamRules.BoundaryArn(state, IamRules.Account(state, accountId), permissionsBoundary!);
            return ChangeIn(state, accountId, userName!, user => user with { PermissionsBoundaryArn = boundary });
        });
    }

    public void DeletePermissionsBoundary(string accountId, string? userName)
    {
        new ParameterValidator().Name("userName", userName, 128).ThrowIfInvalid();
        Change(accountId, userName!, user => user with { PermissionsBoundaryArn = null });
    }

    public void Tag(string accountId, string? userName, IReadOnlyList<Tag> tags)
    {
        var validator = new ParameterValidator().Name("userName", userName, 128);
        validator.ThrowIfInvalid();
        TagRules.Validate(validator, tags, caseInsensitiveKeys: true);
        Change(accountId, userName!, user => user with { Tags = TagRules.Apply(user.Tags, tags, caseInsensitiveKeys: true) });
    }

    public void Untag(string accountId, string? userName, IReadOnlyList<string> tagKeys)
    {
        var validator = new ParameterValidator().Name("userName", userName, 128);
        TagRules.ValidateKeys(validator, tagKeys);
        validator.ThrowIfInvalid();
        Change(accountId, userName!, user => user with { Tags = TagRules.Remove(user.Tags, tagKeys, caseInsensitiveKeys: true) });
    }

    public Page<Tag> ListTags(string accountId, string? userName, string? marker, int? maxItems)
    {
        var validator = new ParameterValidator().Name("userName", userName, 128);
        Paginator.Validate(validator, marker, maxItems);
        validator.ThrowIfInvalid();
        return Paginator.Paginate(Get(accountId, userName).Tags, t => t.Key, marker, maxItems);
    }

    /// <summary>
    /// The user's ARN with its real path, or null when the account or the user does not exist: authorization
    /// then names the resource with the path the request gives.
    /// </summary>
    public string? ArnOf(string accountId, string userName) =>
        context.Store.Read(state => state.Accounts.TryGetValue(accountId, out var account) ? account.Users.GetValueOrDefault(userName)?.Arn : null);

    public static User Find(AccountState account, string userName) =>
        account.Users.TryGetValue(userName, out var user)
            ? user
            : throw IamErrors.NoSuchEntity($"The user with name {userName} cannot be found.");

    private User Change(string accountId, string userName, Func<User, User> change) =>
        context.Store.Write(state => ChangeIn(state, accountId, userName, change));

    private static User ChangeIn(EmulatorState state, string accountId, string userName, Func<User, User> change)
    {
        var account = IamRules.Account(state, accountId);
        var updated = change(Find(account, userName));
        account.Users[updated.UserName] = updated;
        return updated;
    }
}
