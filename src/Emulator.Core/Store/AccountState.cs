using Emulator.Core.Ec2;
using Emulator.Core.Iam.AccessKeys;
using Emulator.Core.Iam.Groups;
using Emulator.Core.Iam.InstanceProfiles;
using Emulator.Core.Iam.OpenIdConnect;
using Emulator.Core.Iam.Policies;
using Emulator.Core.Iam.Roles;
using Emulator.Core.Iam.Users;

namespace Emulator.Core.Store;

/// <summary>
/// One account's IAM entities. Values are immutable records; the dictionaries are only changed
/// inside <see cref="IEmulatorStore.Write{T}"/>. Names are unique case-insensitively, as in IAM.
/// </summary>
public sealed class AccountState(string accountId)
{
    public string AccountId { get; } = accountId;

    public string? Alias { get; set; }

    /// <summary>When the account came to be (the root user's CreateDate).</summary>
    public DateTimeOffset CreateDate { get; init; }

    public Dictionary<string, Role> Roles { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, User> Users { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, Group> Groups { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, InstanceProfile> InstanceProfiles { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Customer managed policies by ARN.</summary>
    public Dictionary<string, ManagedPolicy> Policies { get; } = new(StringComparer.Ordinal);

    /// <summary>OIDC providers by ARN.</summary>
    public Dictionary<string, OpenIdConnectProvider> OpenIdConnectProviders { get; } = new(StringComparer.Ordinal);

    /// <summary>Long-term access keys (users' and the root's) by key id.</summary>
    public Dictionary<string, AccessKey> AccessKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>EC2 state by region name.</summary>
    public Dictionary<string, Ec2RegionState> Ec2Regions { get; } = new(StringComparer.Ordinal);

    public Ec2RegionState Ec2(string region)
    {
        if (!Ec2Regions.TryGetValue(region, out var state))
        {
            state = new Ec2RegionState(AccountId, region);
            Ec2Regions[region] = state;
        }

        return state;
    }

    public AccountState Clone()
    {
        var copy = new AccountState(AccountId) { Alias = Alias, CreateDate = CreateDate };
        foreach (var (region, state) in Ec2Regions)
        {
            copy.Ec2Regions[region] = state.Clone();
        }

        CopyInto(Roles, copy.Roles);
        CopyInto(Users, copy.Users);
        CopyInto(Groups, copy.Groups);
        CopyInto(InstanceProfiles, copy.InstanceProfiles);
        CopyInto(Policies, copy.Policies);
        CopyInto(OpenIdConnectProviders, copy.OpenIdConnectProviders);
        CopyInto(AccessKeys, copy.AccessKeys);
        return copy;
    }

    private static void CopyInto<T>(Dictionary<string, T> source, Dictionary<string, T> target)
    {
        foreach (var (key, value) in source)
        {
            target[key] = value;
        }
    }
}
