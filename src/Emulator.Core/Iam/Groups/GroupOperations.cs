using Emulator.Core.Errors;
using Emulator.Core.Iam.Paging;
using Emulator.Core.Iam.Policies;
using Emulator.Core.Iam.Users;
using Emulator.Core.Iam.Validation;
using Emulator.Core.Store;
using Emulator.Policy;

namespace Emulator.Core.Iam.Groups;

/// <summary>IAM group operations: membership, inline and attached policies.</summary>
public sealed class GroupOperations(IamContext context)
{
    public Group Create(string accountId, string? groupName, string? path)
    {
        new ParameterValidator().Name("groupName", groupName, 128).Path("path", path).ThrowIfInvalid();
        return context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            if (account.Groups.ContainsKey(groupName!))
            {
                throw IamErrors.EntityAlreadyExists($"Group with name {groupName} already exists.");
            }

            if (account.Groups.Count >= context.Quotas.GroupsPerAccount)
            {
                throw IamErrors.LimitExceeded($"Cannot exceed quota for GroupsPerAccount: {context.Quotas.GroupsPerAccount}");
            }

            var group = new Group(accountId, groupName!, path ?? "/", context.Ids.UniqueId("AGPA"), context.Now(), [], [], []) { Partition = account.Partition };
            account.Groups[group.GroupName] = group;
            return group;
        });
    }

    /// <summary>The group and one page of its members.</summary>
    public (Group Group, Page<User> Users) Get(string accountId, string? groupName, string? marker, int? maxItems)
    {
        var validator = new ParameterValidator().Name("groupName", groupName, 128);
        Paginator.Validate(validator, marker, maxItems);
        validator.ThrowIfInvalid();
        var (group, users) = context.Store.Read(state =>
        {
            var account = IamRules.Account(state, accountId);
            var found = Find(account, groupName!);
            return (found, found.UserNames.Select(name => account.Users[name]).ToList());
        });
        return (group, Paginator.Paginate(users, u => IamRules.SortKey(u.UserName), marker, maxItems));
    }

    public Page<Group> List(string accountId, string? pathPrefix, string? marker, int? maxItems)
    {
        var validator = new ParameterValidator().Length("pathPrefix", pathPrefix, 1, 512);
        Paginator.Validate(validator, marker, maxItems);
        validator.ThrowIfInvalid();
        var groups = context.Store.Read(state => IamRules.Account(state, accountId).Groups.Values.ToList());
        return Paginator.Paginate(groups.Where(g => pathPrefix is null || g.Path.StartsWith(pathPrefix, StringComparison.Ordinal)),
            g => IamRules.SortKey(g.GroupName), marker, maxItems);
    }

    public void Update(string accountId, string? groupName, string? newGroupName, string? newPath)
    {
        new ParameterValidator().Name("groupName", groupName, 128).Name("newGroupName", newGroupName, 128, required: false)
            .Path("newPath", newPath).ThrowIfInvalid();
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var group = Find(account, groupName!);
            if (newGroupName is not null && !string.Equals(newGroupName, group.GroupName, StringComparison.OrdinalIgnoreCase)
                && account.Groups.ContainsKey(newGroupName))
            {
                throw IamErrors.EntityAlreadyExists($"Group with name {newGroupName} already exists.");
            }

            var updated = group with { GroupName = newGroupName ?? group.GroupName, Path = newPath ?? group.Path };
            account.Groups.Remove(group.GroupName);
            account.Groups[updated.GroupName] = updated;
            return updated;
        });
    }

    public void Delete(string accountId, string? groupName)
    {
        new ParameterValidator().Name("groupName", groupName, 128).ThrowIfInvalid();
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var group = Find(account, groupName!);
            if (!group.UserNames.IsEmpty)
            {
                throw IamErrors.DeleteConflict("Cannot delete entity, must remove users from group first.");
            }

            if (!group.AttachedPolicyArns.IsEmpty)
            {
                throw IamErrors.DeleteConflict("Cannot delete entity, must detach all policies first.");
            }

            if (!group.InlinePolicies.IsEmpty)
            {
                throw IamErrors.DeleteConflict("Cannot delete entity, must delete policies first.");
            }

            return account.Groups.Remove(group.GroupName);
        });
    }

    public void AddUser(string accountId, string? groupName, string? userName)
    {
        new ParameterValidator().Name("groupName", groupName, 128).Name("userName", userName, 64).ThrowIfInvalid();
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var group = Find(account, groupName!);
            var user = UserOperations.Find(account, userName!);
            if (group.UserNames.Contains(user.UserName))
            {
                return group; // adding a member twice is a successful no-op
            }

            if (account.Groups.Values.Count(g => g.UserNames.Contains(user.UserName)) >= context.Quotas.GroupsPerUser)
            {
                throw IamErrors.LimitExceeded($"Cannot exceed quota for GroupsPerUser: {context.Quotas.GroupsPerUser}");
            }

            return account.Groups[group.GroupName] = group with { UserNames = group.UserNames.Add(user.UserName) };
        });
    }

    public void RemoveUser(string accountId, string? groupName, string? userName)
    {
        new ParameterValidator().Name("groupName", groupName, 128).Name("userName", userName, 64).ThrowIfInvalid();
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var group = Find(account, groupName!);
            var user = UserOperations.Find(account, userName!);
            if (!group.UserNames.Contains(user.UserName))
            {
                throw IamErrors.NoSuchEntity($"The user with name {user.UserName} cannot be found.");
            }

            return account.Groups[group.GroupName] = group with { UserNames = group.UserNames.Remove(user.UserName) };
        });
    }

    public Page<Group> ListForUser(string accountId, string? userName, string? marker, int? maxItems)
    {
        var validator = new ParameterValidator().Name("userName", userName, 128);
        Paginator.Validate(validator, marker, maxItems);
        validator.ThrowIfInvalid();
        var groups = context.Store.Read(state =>
        {
            var account = IamRules.Account(state, accountId);
            var user = UserOperations.Find(account, userName!);
            return account.Groups.Values.Where(g => g.UserNames.Contains(user.UserName)).ToList();
        });
        return Paginator.Paginate(groups, g => IamRules.SortKey(g.GroupName), marker, maxItems);
    }

    public void PutPolicy(string accountId, string? groupName, string? policyName, string? policyDocument)
    {
        var validator = new ParameterValidator().Name("groupName", groupName, 128);
        IamRules.ValidateInlinePolicy(validator, policyName, policyDocument);
        validator.ThrowIfInvalid();
        var policy = IamRules.ParsePolicy(policyDocument!, PolicyKind.Identity);
        IamRules.RequirePartition(context.Store, accountId, policy);
        Change(accountId, groupName!, group => group with
        {
            InlinePolicies = IamRules.PutInline(group.InlinePolicies, policyName!, policy, context.Quotas.GroupPolicySize, "group", group.GroupName),
        });
    }

    public InlinePolicy GetPolicy(string accountId, string? groupName, string? policyName)
    {
        new ParameterValidator().Name("groupName", groupName, 128).Name("policyName", policyName, 128).ThrowIfInvalid();
        var group = context.Store.Read(state => Find(IamRules.Account(state, accountId), groupName!));
        return IamRules.GetInline(group.InlinePolicies, policyName!, "group", group.GroupName);
    }

    public Page<string> ListPolicies(string accountId, string? groupName, string? marker, int? maxItems)
    {
        var validator = new ParameterValidator().Name("groupName", groupName, 128);
        Paginator.Validate(validator, marker, maxItems);
        validator.ThrowIfInvalid();
        var group = context.Store.Read(state => Find(IamRules.Account(state, accountId), groupName!));
        return Paginator.Paginate(group.InlinePolicies.Select(p => p.PolicyName), name => name, marker, maxItems);
    }

    public void DeletePolicy(string accountId, string? groupName, string? policyName)
    {
        new ParameterValidator().Name("groupName", groupName, 128).Name("policyName", policyName, 128).ThrowIfInvalid();
        Change(accountId, groupName!, group => group with
        {
            InlinePolicies = IamRules.DeleteInline(group.InlinePolicies, policyName!, "group", group.GroupName),
        });
    }

    public void AttachPolicy(string accountId, string? groupName, string? policyArn)
    {
        new ParameterValidator().Name("groupName", groupName, 128).Arn("policyArn", policyArn).ThrowIfInvalid();
        context.Store.Write(state =>
        {
            var policy = IamRules.AttachablePolicy(state, IamRules.Account(state, accountId), policyArn!);
            return ChangeIn(state, accountId, groupName!, group => group with
            {
                AttachedPolicyArns = IamRules.Attach(group.AttachedPolicyArns, policy, "PoliciesPerGroup", context.Quotas.PoliciesPerGroup),
            });
        });
    }

    public void DetachPolicy(string accountId, string? groupName, string? policyArn)
    {
        new ParameterValidator().Name("groupName", groupName, 128).Arn("policyArn", policyArn).ThrowIfInvalid();
        Change(accountId, groupName!, group => group with { AttachedPolicyArns = IamRules.Detach(group.AttachedPolicyArns, policyArn!) });
    }

    public Page<ManagedPolicy> ListAttachedPolicies(string accountId, string? groupName, string? pathPrefix, string? marker, int? maxItems)
    {
        var validator = new ParameterValidator().Name("groupName", groupName, 128).Path("pathPrefix", pathPrefix, ModelPattern.PolicyPath);
        Paginator.Validate(validator, marker, maxItems);
        validator.ThrowIfInvalid();
        var policies = context.Store.Read(state =>
        {
            var account = IamRules.Account(state, accountId);
            return IamRules.AttachedPolicies(state, account, Find(account, groupName!).AttachedPolicyArns, pathPrefix).ToList();
        });
        return Paginator.Paginate(policies, p => p.PolicyName, marker, maxItems);
    }

    /// <summary>
    /// The group's ARN with its real path, or null when the account or the group does not exist: authorization
    /// then names the resource with the path the request gives.
    /// </summary>
    public string? ArnOf(string accountId, string groupName) =>
        context.Store.Read(state => state.Accounts.TryGetValue(accountId, out var account) ? account.Groups.GetValueOrDefault(groupName)?.Arn : null);

    public static Group Find(AccountState account, string groupName) =>
        account.Groups.TryGetValue(groupName, out var group)
            ? group
            : throw IamErrors.NoSuchEntity($"The group with name {groupName} cannot be found.");

    private Group Change(string accountId, string groupName, Func<Group, Group> change) =>
        context.Store.Write(state => ChangeIn(state, accountId, groupName, change));

    private static Group ChangeIn(EmulatorState state, string accountId, string groupName, Func<Group, Group> change)
    {
        var account = IamRules.Account(state, accountId);
        var updated = change(Find(account, groupName));
        account.Groups[updated.GroupName] = updated;
        return updated;
    }
}
