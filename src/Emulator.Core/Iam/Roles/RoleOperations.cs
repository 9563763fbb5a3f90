using System.Collections.Immutable;
using Emulator.Core.Errors;
using Emulator.Core.Iam.Paging;
using Emulator.Core.Iam.Policies;
using Emulator.Core.Iam.Tags;
using Emulator.Core.Iam.Validation;
using Emulator.Core.Store;
using Emulator.Policy;

namespace Emulator.Core.Iam.Roles;

/// <summary>IAM role operations: the role itself, its trust policy, inline and attached policies, boundary and tags.</summary>
public sealed class RoleOperations(IamContext context)
{
    public Role Create(
        string accountId, string? roleName, string? path, string? assumeRolePolicyDocument, string? description,
        int? maxSessionDuration, string? permissionsBoundary, IReadOnlyList<Tag> tags)
    {
        var validator = new ParameterValidator()
            .Name("roleName", roleName, 64)
            .Path("path", path)
            .PolicyDocument("assumeRolePolicyDocument", assumeRolePolicyDocument)
            .Length("description", description, 0, 1000).Pattern("description", description, ModelPattern.Description)
            .Range("maxSessionDuration", maxSessionDuration, 3600, 43200)
            .Arn("permissionsBoundary", permissionsBoundary, required: false);
        validator.ThrowIfInvalid();
        TagRules.Validate(validator, tags, caseInsensitiveKeys: true);
        var trust = ParseTrustPolicy(assumeRolePolicyDocument!);

        return context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            ValidateTrustPrincipals(state, account.Partition, trust);
            if (account.Roles.ContainsKey(roleName!))
            {
                throw IamErrors.EntityAlreadyExists($"Role with name {roleName} already exists.");
            }

            if (account.Roles.Count >= context.Quotas.RolesPerAccount)
            {
                throw IamErrors.LimitExceeded($"Cannot exceed quota for RolesPerAccount: {context.Quotas.RolesPerAccount}");
            }

            var boundary = permissionsBoundary is null ? null : IamRules.BoundaryArn(state, account, permissionsBoundary);
            var role = new Role(accountId, roleName!, path ?? "/", context.Ids.UniqueId("AROA"), context.Now(), trust,
                description, maxSessionDuration ?? 3600, boundary, [.. tags], [], [], null) { Partition = account.Partition };
            account.Roles[role.RoleName] = role;
            return role;
        });
    }

    public Role Get(string accountId, string? roleName)
    {
        new ParameterValidator().Name("roleName", roleName, 64).ThrowIfInvalid();
        return context.Store.Read(state => Find(IamRules.Account(state, accountId), roleName!));
    }

    public Page<Role> List(string accountId, string? pathPrefix, string? marker, int? maxItems)
    {
        var validator = new ParameterValidator().Length("pathPrefix", pathPrefix, 1, 512);
        Paginator.Validate(validator, marker, maxItems);
        validator.ThrowIfInvalid();
        var roles = context.Store.Read(state => IamRules.Account(state, accountId).Roles.Values.ToList());
        return Paginator.Paginate(roles.Where(r => pathPrefix is null || r.Path.StartsWith(pathPrefix, StringComparison.Ordinal)),
            r => IamRules.SortKey(r.RoleName), marker, maxItems);
    }

    public Role Update(string accountId, string? roleName, string? description, int? maxSessionDuration)
    {
        new ParameterValidator().Name("roleName", roleName, 64)
            .Length("description", description, 0, 1000).Pattern("description", description, ModelPattern.Description)
            .Range("maxSessionDuration", maxSessionDuration, 3600, 43200)
            .ThrowIfInvalid();
        return Change(accountId, roleName!, role => role with
        {
            Description = description ?? role.Description,
            MaxSessionDuration = maxSessionDuration ?? role.MaxSessionDuration,
        });
    }

    public Role UpdateAssumeRolePolicy(string accountId, string? roleName, string? policyDocument)
    {
        new ParameterValidator().Name("roleName", roleName, 64).PolicyDocument("policyDocument", policyDocument).ThrowIfInvalid();
        var trust = ParseTrustPolicy(policyDocument!);
        return context.Store.Write(state =>
        {
            ValidateTrustPrincipals(state, IamRules.Account(state, accountId).Partition, trust);
            return ChangeIn(state, accountId, roleName!, role => Modifiable(role) with { AssumeRolePolicy = trust });
        });
    }

    public void Delete(string accountId, string? roleName)
    {
        new ParameterValidator().Name("roleName", roleName, 64).ThrowIfInvalid();
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var role = Modifiable(Find(account, roleName!));
            if (account.InstanceProfiles.Values.Any(p => string.Equals(p.RoleName, role.RoleName, StringComparison.OrdinalIgnoreCase)))
            {
                throw IamErrors.DeleteConflict("Cannot delete entity, must remove roles from instance profile first.");
            }

            if (!role.AttachedPolicyArns.IsEmpty)
            {
                throw IamErrors.DeleteConflict("Cannot delete entity, must detach all policies first.");
            }

            if (!role.InlinePolicies.IsEmpty)
            {
                throw IamErrors.DeleteConflict("Cannot delete entity, must delete policies first.");
            }

            return account.Roles.Remove(role.RoleName);
        });
    }

    public void PutPolicy(string accountId, string? roleName, string? policyName, string? policyDocument)
    {
        var validator = new ParameterValidator().Name("roleName", roleName, 64);
        IamRules.ValidateInlinePolicy(validator, policyName, policyDocument);
        validator.ThrowIfInvalid();
        var policy = IamRules.ParsePolicy(policyDocument!, PolicyKind.Identity);
        IamRules.RequirePartition(context.Store, accountId, policy);
        Change(accountId, roleName!, role => Modifiable(role) with
        {
            InlinePolicies = IamRules.PutInline(role.InlinePolicies, policyName!, policy, context.Quotas.RolePolicySize, "role", role.RoleName),
        });
    }

    public InlinePolicy GetPolicy(string accountId, string? roleName, string? policyName)
    {
        new ParameterValidator().Name("roleName", roleName, 64).Name("policyName", policyName, 128).ThrowIfInvalid();
        var role = Get(accountId, roleName);
        return IamRules.GetInline(role.InlinePolicies, policyName!, "role", role.RoleName);
    }

    public Page<string> ListPolicies(string accountId, string? roleName, string? marker, int? maxItems)
    {
        var validator = new ParameterValidator().Name("roleName", roleName, 64);
        Paginator.Validate(validator, marker, maxItems);
        validator.ThrowIfInvalid();
        var role = Get(accountId, roleName);
        return Paginator.Paginate(role.InlinePolicies.Select(p => p.PolicyName), name => name, marker, maxItems);
    }

    public void DeletePolicy(string accountId, string? roleName, string? policyName)
    {
        new ParameterValidator().Name("roleName", roleName, 64).Name("policyName", policyName, 128).ThrowIfInvalid();
        Change(accountId, roleName!, role => Modifiable(role) with
        {
            InlinePolicies = IamRules.DeleteInline(role.InlinePolicies, policyName!, "role", role.RoleName),
        });
    }

    public void AttachPolicy(string accountId, string? roleName, string? policyArn)
    {
        new ParameterValidator().Name("roleName", roleName, 64).Arn("policyArn", policyArn).ThrowIfInvalid();
        context.Store.Write(state =>
        {
            var policy = IamRules.AttachablePolicy(state, IamRules.Account(state, accountId), policyArn!);
            return ChangeIn(state, accountId, roleName!, role => Modifiable(role) with
            {
                AttachedPolicyArns = IamRules.Attach(role.AttachedPolicyArns, policy, "PoliciesPerRole", context.Quotas.PoliciesPerRole),
            });
        });
    }

    public void DetachPolicy(string accountId, string? roleName, string? policyArn)
    {
        new ParameterValidator().Name("roleName", roleName, 64).Arn("policyArn", policyArn).ThrowIfInvalid();
        Change(accountId, roleName!, role => Modifiable(role) with { AttachedPolicyArns = IamRules.Detach(role.AttachedPolicyArns, policyArn!) });
    }

    public Page<ManagedPolicy> ListAttachedPolicies(string accountId, string? roleName, string? pathPrefix, string? marker, int? maxItems)
    {
        var validator = new ParameterValidator().Name("roleName", roleName, 64).Path("pathPrefix", pathPrefix, ModelPattern.PolicyPath);
        Paginator.Validate(validator, marker, maxItems);
        validator.ThrowIfInvalid();
        var policies = context.Store.Read(state =>
        {
            var account = IamRules.Account(state, accountId);
            return IamRules.AttachedPolicies(state, account, Find(account, roleName!).AttachedPolicyArns, pathPrefix).ToList();
        });
        return Paginator.Paginate(policies, p => p.PolicyName, marker, maxItems);
    }

    public void PutPermissionsBoundary(string accountId, string? roleName, string? permissionsBoundary)
    {
        new ParameterValidator().Name("roleName", roleName, 64).Arn("permissionsBoundary", permissionsBoundary).ThrowIfInvalid();
        context.Store.Write(state =>
        {
            var boundary = IamRules.BoundaryArn(state, IamRules.Account(state, accountId), permissionsBoundary!);
            return ChangeIn(state, accountId, roleName!, role => Modifiable(role) with { PermissionsBoundaryArn = boundary });
        });
    }

    public void DeletePermissionsBoundary(string accountId, string? roleName)
    {
        new ParameterValidator().Name("roleName", roleName, 64).ThrowIfInvalid();
        Change(accountId, roleName!, role => Modifiable(role) with { PermissionsBoundaryArn = null });
    }

    public void Tag(string accountId, string? roleName, IReadOnlyList<Tag> tags)
    {
        var validator = new ParameterValidator().Name("roleName", roleName, 64);
        validator.ThrowIfInvalid();
        TagRules.Validate(validator, tags, caseInsensitiveKeys: true);
        Change(accountId, roleName!, role => role with { Tags = TagRules.Apply(role.Tags, tags, caseInsensitiveKeys: true) });
    }

    public void Untag(string accountId, string? roleName, IReadOnlyList<string> tagKeys)
    {
        var validator = new ParameterValidator().Name("roleName", roleName, 64);
        TagRules.ValidateKeys(validator, tagKeys);
        validator.ThrowIfInvalid();
        Change(accountId, roleName!, role => role with { Tags = TagRules.Remove(role.Tags, tagKeys, caseInsensitiveKeys: true) });
    }

    public Page<Tag> ListTags(string accountId, string? roleName, string? marker, int? maxItems)
    {
        var validator = new ParameterValidator().Name("roleName", roleName, 64);
        Paginator.Validate(validator, marker, maxItems);
        validator.ThrowIfInvalid();
        var role = Get(accountId, roleName);
        return Paginator.Paginate(role.Tags, t => t.Key, marker, maxItems);
    }

    /// <summary>
    /// The role's ARN with its real path, or null when the account or the role does not exist: authorization
    /// then names the resource with the path the request gives.
    /// </summary>
    public string? ArnOf(string accountId, string roleName) =>
        context.Store.Read(state => state.Accounts.TryGetValue(accountId, out var account) ? account.Roles.GetValueOrDefault(roleName)?.Arn : null);

    public static Role Find(AccountState account, string roleName) =>
        account.Roles.TryGetValue(roleName, out var role)
            ? role
            : throw IamErrors.NoSuchEntity($"The role with name {roleName} cannot be found.");

    private StoredPolicy ParseTrustPolicy(string text)
    {
        var trust = IamRules.ParsePolicy(text, PolicyKind.Trust);
        if (trust.Document.SizeWithoutWhitespace > context.Quotas.ACLSizePerRole)
        {
            throw IamErrors.LimitExceeded($"Cannot exceed quota for ACLSizePerRole: {context.Quotas.ACLSizePerRole}");
        }

        return trust;
    }

    /// <summary>
    /// IAM refuses a trust policy naming a user or role that does not exist. Only accounts this
    /// emulator holds can be checked; principals in other accounts are taken on trust. A principal ARN of
    /// another partition than the role's never exists for it (accounts and their users live in one partition).
    /// </summary>
    private static void ValidateTrustPrincipals(EmulatorState state, string partition, StoredPolicy trust)
    {
        foreach (var principal in trust.Document.Principals)
        {
            if (principal.Type != "AWS" || principal.Value == "*")
            {
                continue;
            }

            if (!PrincipalExists(state, partition, principal.Value))
            {
                throw IamErrors.MalformedPolicyDocument($"Invalid principal in policy: \"AWS\":\"{principal.Value}\"");
            }
        }
    }

    private static bool PrincipalExists(EmulatorState state, string partition, string value)
    {
        if (value.Length == 12 && value.All(char.IsAsciiDigit))
        {
            return true;
        }

        if (!Arn.TryParse(value, out var arn) || arn.Partition != partition || arn.Account.Length != 12 || !arn.Account.All(char.IsAsciiDigit))
        {
            return false;
        }

        var (service, accountId, resource) = (arn.Service, arn.Account, arn.Resource);
        if (!state.Accounts.TryGetValue(accountId, out var account) || account.Partition != partition)
        {
            return service is "iam" or "sts";
        }

        if (service == "iam")
        {
            if (resource == "root")
            {
                return true;
            }

            var name = resource[(resource.LastIndexOf('/') + 1)..];
            if (resource.StartsWith("role/", StringComparison.Ordinal))
            {
                return account.Roles.TryGetValue(name, out var role) && role.Arn == value;
            }

            if (resource.StartsWith("user/", StringComparison.Ordinal))
            {
                return account.Users.TryGetValue(name, out var user) && user.Arn == value;
            }

            return false;
        }

        if (service == "sts" && resource.StartsWith("assumed-role/", StringComparison.Ordinal))
        {
            var segments = resource.Split('/');
            return segments.Length == 3 && account.Roles.ContainsKey(segments[1]);
        }

        return service == "sts" && resource.StartsWith("federated-user/", StringComparison.Ordinal);
    }

    /// <summary>
    /// A service-linked role belongs to its service: its trust, policies, boundary and existence change only
    /// through the service (AWS answers UnmodifiableEntity; description and tags stay the user's).
    /// </summary>
    private static Role Modifiable(Role role) =>
        role.ServiceLinked
            ? throw IamErrors.UnmodifiableEntity($"Cannot perform the operation on the protected role '{role.RoleName}' - this role is only modifiable by AWS")
            : role;

    private Role Change(string accountId, string roleName, Func<Role, Role> change) =>
        context.Store.Write(state => ChangeIn(state, accountId, roleName, change));

    private static Role ChangeIn(EmulatorState state, string accountId, string roleName, Func<Role, Role> change)
    {
        var account = IamRules.Account(state, accountId);
        var updated = change(Find(account, roleName));
        account.Roles[updated.RoleName] = updated;
        return updated;
    }
}
