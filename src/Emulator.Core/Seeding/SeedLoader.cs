using System.Text.Json;
using Emulator.Core.ContainerCredentials;
using Emulator.Core.Ec2;
using Emulator.Core.Errors;
using Emulator.Core.Iam;
using Emulator.Core.Iam.AccessKeys;
using Emulator.Core.Iam.Tags;
using Emulator.Core.Store;
using Emulator.Policy;

namespace Emulator.Core.Seeding;

/// <summary>
/// Builds the emulator's starting state from a seed file. Entities are created through the same
/// domain operations as the IAM API, so a seed is validated exactly as the API would validate it;
/// the first error stops the load with a message naming the field.
/// </summary>
public sealed class SeedLoader(IamService iam)
{
    public const string DefaultAccountId = "123456789012";
    public const string DefaultRootAccessKeyId = "AKIAIOSFODNN7EXAMPLE";
    public const string DefaultRootSecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private static readonly string[] AccountFields =
        ["id", "partition", "rootAccessKeyId", "rootSecretAccessKey", "alias", "users", "groups", "policies", "roles", "instanceProfiles", "openIdConnectProviders", "instances"];

    /// <summary>The built-in default: one account with documented root credentials.</summary>
    public void LoadDefault() =>
        Load(JsonSerializer.Serialize(
            new Dictionary<string, List<Dictionary<string, string>>>
            {
                ["accounts"] = [new() { ["id"] = DefaultAccountId, ["rootAccessKeyId"] = DefaultRootAccessKeyId, ["rootSecretAccessKey"] = DefaultRootSecretAccessKey }],
            },
            SeedJsonContext.Default.DictionaryStringListDictionaryStringString));

    public void Load(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new SeedException($"seed: not valid JSON ({e.Message})");
        }

        using (document)
        {
            var root = new SeedObject(document.RootElement, "", "accounts", "containerCredentials");
            var accounts = root.Array("accounts").Select(a => (Object: new SeedObject(a.Element, a.Location, AccountFields), a.Location)).ToList();
            if (accounts.Count == 0)
            {
                throw new SeedException("accounts: at least one account is required.");
            }

            var ids = accounts.Select(a => CreateAccount(a.Object)).ToList();

            // Users and policies of every account first, so trust policies may name principals in any account.
            for (var i = 0; i < accounts.Count; i++)
            {
                LoadPolicies(ids[i], accounts[i].Object);
                LoadGroups(ids[i], accounts[i].Object);
                LoadUsers(ids[i], accounts[i].Object);
            }

            for (var i = 0; i < accounts.Count; i++)
            {
                LoadRoles(ids[i], accounts[i].Object);
                LoadInstanceProfiles(ids[i], accounts[i].Object);
                LoadOpenIdConnectProviders(ids[i], accounts[i].Object);
                LoadInstances(ids[i], accounts[i].Object);
                if (accounts[i].Object.String("alias") is { } alias)
                {
                    Step(accounts[i].Object.Field("alias"), () => iam.Account.CreateAlias(ids[i], alias));
                }
            }

            LoadContainerCredentials(root);
        }
    }

    private string CreateAccount(SeedObject account)
    {
        var id = account.String("id", required: true)!;
        if (id.Length != 12 || !id.All(char.IsAsciiDigit))
        {
            throw new SeedException($"{account.Field("id")}: an account id is 12 digits, not '{id}'.");
        }

        var keyId = account.String("rootAccessKeyId", required: true)!;
        var secret = account.String("rootSecretAccessKey", required: true)!;
        if (keyId.Length is < 16 or > 128 || !keyId.All(char.IsAsciiLetterOrDigit))
        {
            throw new SeedException($"{account.Field("rootAccessKeyId")}: an access key id is 16 to 128 letters and digits.");
        }

        if (secret.Length == 0)
        {
            throw new SeedException($"{account.Field("rootSecretAccessKey")}: the secret must not be empty.");
        }

        var partition = account.String("partition") ?? AwsPartitions.Aws;
        if (!AwsPartitions.IsKnown(partition))
        {
            throw new SeedException($"{account.Field("partition")}: '{partition}' is not an AWS partition; use one of {string.Join(", ", AwsPartitions.All)}.");
        }

        iam.Context.Store.Write(state =>
        {
            if (state.Accounts.ContainsKey(id))
            {
                throw new SeedException($"{account.Field("id")}: account {id} is declared twice.");
            }

            state.Accounts[id] = new AccountState(id, partition) { CreateDate = iam.Context.Now() };
            Step(account.Field("rootAccessKeyId"), () =>
                AccessKeyOperations.Add(state, new AccessKey(id, null, keyId, secret, true, iam.Context.Now(), null)));
            return id;
        });
        return id;
    }

    private void LoadPolicies(string accountId, SeedObject account)
    {
        foreach (var (element, location) in account.Array("policies"))
        {
            var policy = new SeedObject(element, location, "PolicyName", "Path", "PolicyDocument", "Description", "Tags");
            Step(location, () => iam.Policies.Create(accountId, policy.String("PolicyName", true), policy.String("Path"),
                policy.PolicyDocument("PolicyDocument", true), policy.String("Description"), Tags(policy)), policy.Field("PolicyDocument"));
        }
    }

    private void LoadGroups(string accountId, SeedObject account)
    {
        foreach (var (element, location) in account.Array("groups"))
        {
            var group = new SeedObject(element, location, "GroupName", "Path", "Policies", "AttachedPolicies");
            var name = group.String("GroupName", true);
            Step(location, () => iam.Groups.Create(accountId, name, group.String("Path")));
            LoadInlinePolicies(group, (policyName, document) => iam.Groups.PutPolicy(accountId, name, policyName, document));
            LoadAttachedPolicies(group, arn => iam.Groups.AttachPolicy(accountId, name, arn));
        }
    }

    private void LoadUsers(string accountId, SeedObject account)
    {
        foreach (var (element, location) in account.Array("users"))
        {
            var user = new SeedObject(element, location, "UserName", "Path", "PermissionsBoundary", "Tags", "AccessKeys", "Policies", "AttachedPolicies", "Groups");
            var name = user.String("UserName", true);
            Step(location, () => iam.Users.Create(accountId, name, user.String("Path"), user.String("PermissionsBoundary"), Tags(user)));
            LoadInlinePolicies(user, (policyName, document) => iam.Users.PutPolicy(accountId, name, policyName, document));
            LoadAttachedPolicies(user, arn => iam.Users.AttachPolicy(accountId, name, arn));
            foreach (var (groupName, index) in user.Strings("Groups").Select((g, i) => (g, i)))
            {
                Step($"{user.Field("Groups")}[{index}]", () => iam.Groups.AddUser(accountId, groupName, name));
            }

            foreach (var (keyElement, keyLocation) in user.Array("AccessKeys"))
            {
                var key = new SeedObject(keyElement, keyLocation, "AccessKeyId", "SecretAccessKey", "Status");
                var keyId = key.String("AccessKeyId", true)!;
                var secret = key.String("SecretAccessKey", true)!;
                var status = key.String("Status") ?? "Active";
                if (status is not ("Active" or "Inactive"))
                {
                    throw new SeedException($"{key.Field("Status")}: must be Active or Inactive, not '{status}'.");
                }

                Step(keyLocation, () => iam.Context.Store.Write(state =>
                {
                    var owner = Iam.Users.UserOperations.Find(IamRules.Account(state, accountId), name!).UserName;
                    if (state.Accounts[accountId].AccessKeys.Values.Count(k => k.UserName == owner) >= iam.Context.Quotas.AccessKeysPerUser)
                    {
                        throw IamErrors.LimitExceeded($"Cannot exceed quota for AccessKeysPerUser: {iam.Context.Quotas.AccessKeysPerUser}");
                    }

                    AccessKeyOperations.Add(state, new AccessKey(accountId, owner, keyId, secret, status == "Active", iam.Context.Now(), null));
                    return true;
                }));
            }
        }
    }

    private void LoadRoles(string accountId, SeedObject account)
    {
        foreach (var (element, location) in account.Array("roles"))
        {
            var role = new SeedObject(element, location, "RoleName", "Path", "AssumeRolePolicyDocument", "Description", "MaxSessionDuration",
                "PermissionsBoundary", "Tags", "Policies", "AttachedPolicies");
            var name = role.String("RoleName", true);
            Step(location, () => iam.Roles.Create(accountId, name, role.String("Path"), role.PolicyDocument("AssumeRolePolicyDocument", true),
                role.String("Description"), role.Int("MaxSessionDuration"), role.String("PermissionsBoundary"), Tags(role)),
                role.Field("AssumeRolePolicyDocument"));
            LoadInlinePolicies(role, (policyName, document) => iam.Roles.PutPolicy(accountId, name, policyName, document));
            LoadAttachedPolicies(role, arn => iam.Roles.AttachPolicy(accountId, name, arn));
        }
    }

    private void LoadInstanceProfiles(string accountId, SeedObject account)
    {
        foreach (var (element, location) in account.Array("instanceProfiles"))
        {
            var profile = new SeedObject(element, location, "InstanceProfileName", "Path", "Roles", "Tags");
            var name = profile.String("InstanceProfileName", true);
            Step(location, () => iam.InstanceProfiles.Create(accountId, name, profile.String("Path"), Tags(profile)));
            foreach (var (roleName, index) in profile.Strings("Roles").Select((r, i) => (r, i)))
            {
                Step($"{profile.Field("Roles")}[{index}]", () => iam.InstanceProfiles.AddRole(accountId, name, roleName));
            }
        }
    }

    private void LoadOpenIdConnectProviders(string accountId, SeedObject account)
    {
        foreach (var (element, location) in account.Array("openIdConnectProviders"))
        {
            var provider = new SeedObject(element, location, "Url", "ClientIDList", "ThumbprintList", "Tags");
            Step(location, () => iam.OpenIdConnectProviders.Create(accountId, provider.String("Url", true),
                provider.Strings("ClientIDList"), provider.Strings("ThumbprintList"), Tags(provider)));
        }
    }

    /// <summary>Token-to-role bindings for the container credential endpoint, checked as the admin API checks them.</summary>
    private void LoadContainerCredentials(SeedObject root)
    {
        var registry = new ContainerCredentialRegistry(iam.Context);
        foreach (var (element, location) in root.Array("containerCredentials"))
        {
            var binding = new SeedObject(element, location, "token", "roleArn", "sessionName", "sessionTags");
            var tags = binding.StringMap("sessionTags").Select(t => new Tag(t.Key, t.Value)).ToList();
            try
            {
                var (_, replaced) = registry.Register(new ContainerCredentialRegistration(binding.String("token", true), binding.String("roleArn", true), binding.String("sessionName"), tags));
                if (replaced)
                {
                    throw new SeedException($"{binding.Field("token")}: this token is bound twice; each token names one role.");
                }
            }
            catch (InvalidContainerCredentialException e)
            {
                throw new SeedException($"{location}: {e.Message}");
            }
        }
    }

    private void LoadInlinePolicies(SeedObject owner, Action<string?, string?> put)
    {
        foreach (var (element, location) in owner.Array("Policies"))
        {
            var policy = new SeedObject(element, location, "PolicyName", "PolicyDocument");
            Step(location, () => put(policy.String("PolicyName", true), policy.PolicyDocument("PolicyDocument", true)), policy.Field("PolicyDocument"));
        }
    }

    private void LoadAttachedPolicies(SeedObject owner, Action<string> attach)
    {
        foreach (var (arn, index) in owner.Strings("AttachedPolicies").Select((a, i) => (a, i)))
        {
            Step($"{owner.Field("AttachedPolicies")}[{index}]", () => attach(arn));
        }
    }

    /// <summary>
    /// EC2 instances, launched through RunInstances as a caller would (so every EC2 rule applies), with an
    /// optional fixed InstanceId so CI configuration can name the instance (AWS_EC2_METADATA_SERVICE_ENDPOINT).
    /// UserData is plain text here; the seed encodes it as RunInstances expects.
    /// </summary>
    private void LoadInstances(string accountId, SeedObject account)
    {
        var ec2 = new Ec2Service(iam.Context);
        foreach (var (element, location) in account.Array("instances"))
        {
            var instance = new SeedObject(element, location, "InstanceId", "Region", "ImageId", "InstanceType", "IamInstanceProfile",
                "PrivateIpAddress", "SubnetId", "KeyName", "MetadataOptions", "Tags", "UserData");
            var options = instance.Child("MetadataOptions", "HttpTokens", "HttpPutResponseHopLimit", "HttpEndpoint", "HttpProtocolIpv6", "InstanceMetadataTags");
            var userData = instance.String("UserData");
            var request = new RunInstancesRequest
            {
                InstanceId = instance.String("InstanceId"),
                ImageId = instance.String("ImageId") ?? "ami-0123456789abcdef0",
                InstanceType = instance.String("InstanceType") ?? "t3.micro",
                MinCount = 1,
                MaxCount = 1,
                IamInstanceProfile = instance.String("IamInstanceProfile") is { } profile ? new InstanceProfileReference(profile, null) : null,
                PrivateIpAddress = instance.String("PrivateIpAddress"),
                SubnetId = instance.String("SubnetId"),
                KeyName = instance.String("KeyName"),
                MetadataOptions = options is null ? new MetadataOptionsRequest() : new MetadataOptionsRequest(
                    options.String("HttpTokens"), options.Int("HttpPutResponseHopLimit"), options.String("HttpEndpoint"),
                    options.String("HttpProtocolIpv6"), options.String("InstanceMetadataTags")),
                Tags = Tags(instance),
                UserData = userData is null ? null : Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(userData)),
            };
            Step(location, () => ec2.Instances.RunInstances(accountId, instance.String("Region") ?? "us-east-1", request));
        }
    }

    private static List<Tag> Tags(SeedObject owner) =>
        owner.Array("Tags").Select(t =>
        {
            var tag = new SeedObject(t.Element, t.Location, "Key", "Value");
            return new Tag(tag.String("Key", true)!, tag.String("Value") ?? "");
        }).ToList();

    /// <summary>Runs one seeding step, turning an AWS error into a seed error at <paramref name="location"/>.</summary>
    private static void Step(string location, Action step, string? policyField = null)
    {
        try
        {
            step();
        }
        catch (AwsException e)
        {
            var where = e.Error.Code == "MalformedPolicyDocument" && policyField is not null ? policyField : location;
            throw new SeedException($"{where}: {e.Error.Code}: {e.Error.Message}");
        }
    }

    private static void Step<T>(string location, Func<T> step, string? policyField = null) => Step(location, () => { step(); }, policyField);
}
