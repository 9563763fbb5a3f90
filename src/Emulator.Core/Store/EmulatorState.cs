using Emulator.Core.ContainerCredentials;
using Emulator.Core.Iam.Policies;
using Emulator.Core.Store.Persistence;
using Emulator.Core.Store.Tracking;

namespace Emulator.Core.Store;

/// <summary>Everything the emulator holds: the accounts, and AWS managed policies shared by all of them.</summary>
public sealed class EmulatorState(AwsManagedPolicyCatalog awsManagedPolicies)
{
    private const string Global = "";

    public EntityTable<AccountState> Accounts { get; } = new("account", Global, RowCodecs.Account);

    /// <summary>Which account owns each long-term access key id, across all accounts.</summary>
    public EntityTable<string> AccessKeyOwners { get; } = new("access-key-owner", Global, RowCodecs.Text);

    /// <summary>AWS managed policies by ARN, in every partition (see <see cref="AwsManagedPoliciesIn"/>).</summary>
    public AwsManagedPolicyCatalog AwsManagedPolicies { get; } = awsManagedPolicies;

    /// <summary>The AWS managed policies as an account of this partition sees them.</summary>
    public IEnumerable<ManagedPolicy> AwsManagedPoliciesIn(string partition) =>
        AwsManagedPolicies.InPartition(partition);

    /// <summary>Container credential bindings by the SHA-256 of their token (state, so a reset returns to the seeded ones).</summary>
    public EntityTable<ContainerCredentialBinding> ContainerCredentials { get; } = new("container-credential", Global, RowCodecs.ContainerCredential);

    /// <summary>JWKS documents registered for outside OIDC issuers (admin <c>/_emulator/oidc/jwks</c>), by issuer URL.</summary>
    public EntityTable<string> OidcKeySets { get; } = new("oidc-key-set", Global, RowCodecs.Text);

    /// <summary>Every table of the state, accounts first (their rows must load before the rows inside them).</summary>
    public IEnumerable<ITrackedRows> Tables()
    {
        yield return Accounts;
        yield return AccessKeyOwners;
        yield return ContainerCredentials;
        yield return OidcKeySets;
        foreach (var account in Accounts.Values)
        {
            foreach (var table in account.Tables())
            {
                yield return table;
            }

            foreach (var region in account.Ec2Regions.Values)
            {
                foreach (var table in region.Tables())
                {
                    yield return table;
                }
            }
        }
    }

    /// <summary>Every row of the state, in load order.</summary>
    public IEnumerable<StateRow> Rows() => Tables().SelectMany(t => t.AllRows());

    /// <summary>
    /// The table a stored row belongs to: global kinds have no scope, account kinds the account id,
    /// EC2 kinds <c>account/region</c>. Null for a row this version does not know.
    /// </summary>
    public ITrackedRows? Table(string kind, string scope)
    {
        if (scope.Length == 0)
        {
            return new ITrackedRows[] { Accounts, AccessKeyOwners, ContainerCredentials, OidcKeySets }.FirstOrDefault(t => t.Kind == kind);
        }

        var slash = scope.IndexOf('/');
        var accountId = slash < 0 ? scope : scope[..slash];
        if (!Accounts.TryGetValue(accountId, out var account))
        {
            return null;
        }

        return slash < 0 ? account.Table(kind) : account.Ec2(scope[(slash + 1)..]).Table(kind);
    }

    /// <summary>Applies stored rows (loading, or catching up with another replica's writes) without tracking them.</summary>
    public void Load(IEnumerable<StateRow> rows)
    {
        // Accounts first: the rows inside an account need it to exist.
        foreach (var row in rows.OrderBy(r => r.Kind == "account" ? 0 : 1))
        {
            var table = Table(row.Kind, row.Scope)
                ?? throw new InvalidDataException($"stored row {row.Kind} '{row.Key}' in '{row.Scope}' belongs to no table this version knows.");
            table.Load(row.Key, row.Document);
        }
    }

    public EmulatorState Clone()
    {
        var copy = new EmulatorState(AwsManagedPolicies);
        Accounts.CopyInto(copy.Accounts, account => account.Clone());
        AccessKeyOwners.CopyInto(copy.AccessKeyOwners);
        ContainerCredentials.CopyInto(copy.ContainerCredentials);
        OidcKeySets.CopyInto(copy.OidcKeySets);

        return copy;
    }
}
