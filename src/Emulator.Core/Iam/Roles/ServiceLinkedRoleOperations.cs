using Emulator.Core.Errors;
using Emulator.Core.Iam.Validation;

namespace Emulator.Core.Iam.Roles;

/// <summary>CreateServiceLinkedRole, DeleteServiceLinkedRole and GetServiceLinkedRoleDeletionStatus.</summary>
public sealed class ServiceLinkedRoleOperations(IamContext context)
{
    public Role Create(string accountId, string? awsServiceName, string? description, string? customSuffix)
    {
        new ParameterValidator()
            .Name("aWSServiceName", awsServiceName, 128)
            .Length("description", description, 0, 1000).Pattern("description", description, ModelPattern.Description)
            .Name("customSuffix", customSuffix, 64, required: false)
            .ThrowIfInvalid();
        var service = LinkedServices.Find(awsServiceName!)
            ?? throw IamErrors.InvalidInput($"Invalid service name: {awsServiceName} does not have a service-linked role.");
        if (customSuffix is not null && !service.TakesCustomSuffix)
        {
            throw IamErrors.InvalidInput($"Custom suffix is not allowed for {service.Principal}");
        }

        var roleName = customSuffix is null ? service.RoleName : $"{service.RoleName}_{customSuffix}";
        var trust = IamRules.ParsePolicy(
            $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"{{service.Principal}}"},"Action":"sts:AssumeRole"}]}""",
            Emulator.Policy.PolicyKind.Trust);
        return context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            if (account.Roles.ContainsKey(roleName))
            {
                throw IamErrors.InvalidInput($"Service role name {roleName} has been taken in this account, please try a different suffix.");
            }

            if (account.Roles.Count >= context.Quotas.RolesPerAccount)
            {
                throw IamErrors.LimitExceeded($"Cannot exceed quota for RolesPerAccount: {context.Quotas.RolesPerAccount}");
            }

            var role = new Role(accountId, roleName, $"/aws-service-role/{service.Principal}/", context.Ids.UniqueId("AROA"), context.Now(), trust,
                description ?? service.Description, 3600, null, [], [], [], null) { ServiceLinked = true, Partition = account.Partition };
            account.Roles[role.RoleName] = role;
            return role;
        });
    }

    /// <summary>Deletes the role at once (it has no resources in other services here) and returns the finished task's id.</summary>
    public string Delete(string accountId, string? roleName)
    {
        new ParameterValidator().Name("roleName", roleName, 64).ThrowIfInvalid();
        return context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var role = RoleOperations.Find(account, roleName!);
            if (!role.ServiceLinked)
            {
                throw IamErrors.InvalidInput($"Role {role.RoleName} is not a service-linked role; delete it with DeleteRole.");
            }

            var service = role.Path["/aws-service-role/".Length..].TrimEnd('/');
            var taskId = $"task/aws-service-role/{service}/{role.RoleName}/{Guid.NewGuid()}";
            account.Roles.Remove(role.RoleName);
            account.ServiceLinkedRoleDeletions[taskId] = new ServiceLinkedRoleDeletion(taskId, "SUCCEEDED", context.Now());
            return taskId;
        });
    }

    public ServiceLinkedRoleDeletion DeletionStatus(string accountId, string? deletionTaskId)
    {
        new ParameterValidator().Required("deletionTaskId", deletionTaskId).Length("deletionTaskId", deletionTaskId, 1, 1000).ThrowIfInvalid();
        if (!deletionTaskId!.StartsWith("task/aws-service-role/", StringComparison.Ordinal))
        {
            throw IamErrors.InvalidInput($"Invalid deletion task id: {deletionTaskId}");
        }

        return context.Store.Read(state => IamRules.Account(state, accountId).ServiceLinkedRoleDeletions.GetValueOrDefault(deletionTaskId))
            ?? throw IamErrors.NoSuchEntity($"Deletion task {deletionTaskId} not found.");
    }
}
