using Emulator.Core.Errors;
using Emulator.Core.Iam.Paging;
using Emulator.Core.Iam.Roles;
using Emulator.Core.Iam.Tags;
using Emulator.Core.Iam.Validation;
using Emulator.Core.Store;

namespace Emulator.Core.Iam.InstanceProfiles;

/// <summary>Instance profiles: containers for at most one role, handed to EC2 instances.</summary>
public sealed class InstanceProfileOperations(IamContext context)
{
    public InstanceProfile Create(string accountId, string? name, string? path, IReadOnlyList<Tag> tags)
    {
        var validator = new ParameterValidator().Name("instanceProfileName", name, 128).Path("path", path);
        validator.ThrowIfInvalid();
        TagRules.Validate(validator, tags, caseInsensitiveKeys: false);
        return context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            if (account.InstanceProfiles.ContainsKey(name!))
            {
                throw IamErrors.EntityAlreadyExists($"Instance Profile {name} already exists.");
            }

            if (account.InstanceProfiles.Count >= context.Quotas.InstanceProfilesPerAccount)
            {
                throw IamErrors.LimitExceeded($"Cannot exceed quota for InstanceProfilesPerAccount: {context.Quotas.InstanceProfilesPerAccount}");
            }

            var profile = new InstanceProfile(accountId, name!, path ?? "/", context.Ids.UniqueId("AIPA"), context.Now(), null, [.. tags]) { Partition = account.Partition };
            account.InstanceProfiles[profile.InstanceProfileName] = profile;
            return profile;
        });
    }

    /// <summary>The profile with its role resolved (null when empty).</summary>
    public (InstanceProfile Profile, Role? Role) Get(string accountId, string? name)
    {
        new ParameterValidator().Name("instanceProfileName", name, 128).ThrowIfInvalid();
        return context.Store.Read(state =>
        {
            var account = IamRules.Account(state, accountId);
            var profile = Find(account, name!);
            return (profile, RoleOf(account, profile));
        });
    }

    public Page<(InstanceProfile Profile, Role? Role)> List(string accountId, string? pathPrefix, string? marker, int? maxItems)
    {
        var validator = new ParameterValidator().Length("pathPrefix", pathPrefix, 1, 512);
        Paginator.Validate(validator, marker, maxItems);
        validator.ThrowIfInvalid();
        var profiles = context.Store.Read(state =>
        {
            var account = IamRules.Account(state, accountId);
            return account.InstanceProfiles.Values
                .Where(p => pathPrefix is null || p.Path.StartsWith(pathPrefix, StringComparison.Ordinal))
                .Select(p => (p, RoleOf(account, p))).ToList();
        });
        return Paginator.Paginate(profiles, p => IamRules.SortKey(p.Item1.InstanceProfileName), marker, maxItems);
    }

    public Page<(InstanceProfile Profile, Role? Role)> ListForRole(string accountId, string? roleName, string? marker, int? maxItems)
    {
        var validator = new ParameterValidator().Name("roleName", roleName, 64);
        Paginator.Validate(validator, marker, maxItems);
        validator.ThrowIfInvalid();
        var profiles = context.Store.Read(state =>
        {
            var account = IamRules.Account(state, accountId);
            var role = RoleOperations.Find(account, roleName!);
            return account.InstanceProfiles.Values
                .Where(p => string.Equals(p.RoleName, role.RoleName, StringComparison.OrdinalIgnoreCase))
                .Select(p => (p, (Role?)role)).ToList();
        });
        return Paginator.Paginate(profiles, p => IamRules.SortKey(p.Item1.InstanceProfileName), marker, maxItems);
    }

    public void AddRole(string accountId, string? name, string? roleName)
    {
        new ParameterValidator().Name("instanceProfileName", name, 128).Name("roleName", roleName, 64).ThrowIfInvalid();
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var profile = Find(account, name!);
            var role = RoleOperations.Find(account, roleName!);
            if (profile.RoleName is not null)
            {
                // Also for the same role again: a profile has exactly one role slot.
                throw IamErrors.LimitExceeded("Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1");
            }

            return account.InstanceProfiles[profile.InstanceProfileName] = profile with { RoleName = role.RoleName };
        });
    }

    public void RemoveRole(string accountId, string? name, string? roleName)
    {
        new ParameterValidator().Name("instanceProfileName", name, 128).Name("roleName", roleName, 64).ThrowIfInvalid();
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var profile = Find(account, name!);
            var role = RoleOperations.Find(account, roleName!);
            if (!string.Equals(profile.RoleName, role.RoleName, StringComparison.OrdinalIgnoreCase))
            {
                throw IamErrors.NoSuchEntity($"Role {roleName} in Instance Profile {profile.InstanceProfileName} cannot be found.");
            }

            return account.InstanceProfiles[profile.InstanceProfileName] = profile with { RoleName = null };
        });
    }

    public void Delete(string accountId, string? name)
    {
        new ParameterValidator().Name("instanceProfileName", name, 128).ThrowIfInvalid();
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var profile = Find(account, name!);
            if (profile.RoleName is not null)
            {
                throw IamErrors.DeleteConflict("Cannot delete entity, must remove roles from instance profile first.");
            }

            return account.InstanceProfiles.Remove(profile.InstanceProfileName);
        });
    }

    public void Tag(string accountId, string? name, IReadOnlyList<Tag> tags)
    {
        var validator = new ParameterValidator().Name("instanceProfileName", name, 128);
        validator.ThrowIfInvalid();
        TagRules.Validate(validator, tags, caseInsensitiveKeys: false);
        Change(accountId, name!, p => p with { Tags = TagRules.Apply(p.Tags, tags, caseInsensitiveKeys: false) });
    }

    public void Untag(string accountId, string? name, IReadOnlyList<string> tagKeys)
    {
        var validator = new ParameterValidator().Name("instanceProfileName", name, 128);
        TagRules.ValidateKeys(validator, tagKeys);
        validator.ThrowIfInvalid();
        Change(accountId, name!, p => p with { Tags = TagRules.Remove(p.Tags, tagKeys, caseInsensitiveKeys: false) });
    }

    public Page<Tag> ListTags(string accountId, string? name, string? marker, int? maxItems)
    {
        var validator = new ParameterValidator().Name("instanceProfileName", name, 128);
        Paginator.Validate(validator, marker, maxItems);
        validator.ThrowIfInvalid();
        return Paginator.Paginate(Get(accountId, name).Profile.Tags, t => t.Key, marker, maxItems);
    }

    /// <summary>
    /// The instance profile's ARN with its real path, or null when the account or the instance profile does not exist: authorization
    /// then names the resource with the path the request gives.
    /// </summary>
    public string? ArnOf(string accountId, string name) =>
        context.Store.Read(state => state.Accounts.TryGetValue(accountId, out var account) ? account.InstanceProfiles.GetValueOrDefault(name)?.Arn : null);

    public static InstanceProfile Find(AccountState account, string name) =>
        account.InstanceProfiles.TryGetValue(name, out var profile)
            ? profile
            : throw IamErrors.NoSuchEntity($"Instance Profile {name} cannot be found.");

    private static Role? RoleOf(AccountState account, InstanceProfile profile) =>
        profile.RoleName is null ? null : account.Roles.GetValueOrDefault(profile.RoleName);

    private void Change(string accountId, string name, Func<InstanceProfile, InstanceProfile> change) =>
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var updated = change(Find(account, name));
            return account.InstanceProfiles[updated.InstanceProfileName] = updated;
        });
}
