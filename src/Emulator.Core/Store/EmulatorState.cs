using Emulator.Core.ContainerCredentials;
using Emulator.Core.Iam.Policies;

namespace Emulator.Core.Store;

/// <summary>Everything the emulator holds: the accounts, and AWS managed policies shared by all of them.</summary>
public sealed class EmulatorState(IReadOnlyDictionary<string, ManagedPolicy> awsManagedPolicies)
{
    public Dictionary<string, AccountState> Accounts { get; } = new(StringComparer.Ordinal);

    /// <summary>Which account owns each long-term access key id, across all accounts.</summary>
    public Dictionary<string, string> AccessKeyOwners { get; } = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, ManagedPolicy> AwsManagedPolicies { get; } = awsManagedPolicies;

    /// <summary>Container credential bindings by the SHA-256 of their token (state, so a reset returns to the seeded ones).</summary>
    public Dictionary<string, ContainerCredentialBinding> ContainerCredentials { get; } = new(StringComparer.Ordinal);

    public EmulatorState Clone()
    {
        var copy = new EmulatorState(AwsManagedPolicies);
        foreach (var (id, account) in Accounts)
        {
            copy.Accounts[id] = account.Clone();
        }

        foreach (var (keyId, accountId) in AccessKeyOwners)
        {
            copy.AccessKeyOwners[keyId] = accountId;
        }

        foreach (var (tokenHash, binding) in ContainerCredentials)
        {
            copy.ContainerCredentials[tokenHash] = binding;
        }

        return copy;
    }
}
