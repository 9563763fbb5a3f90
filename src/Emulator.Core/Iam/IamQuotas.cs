using System.Globalization;

namespace Emulator.Core.Iam;

/// <summary>
/// The IAM quotas the emulator enforces, each named as AWS's LimitExceeded message names it
/// (<c>Cannot exceed quota for RolesPerAccount: 1000</c>) and defaulting to AWS's value. Like Service Quotas,
/// they can be adjusted (<c>--quota RolesPerAccount=10000</c>), beyond AWS's own ceilings too, so load tests
/// can build large accounts; GetAccountSummary reports the values in force.
/// </summary>
public sealed record IamQuotas
{
    /// <summary>AWS's defaults.</summary>
    public static IamQuotas Default { get; } = new();

    public int UsersPerAccount { get; init; } = 5000;

    public int GroupsPerAccount { get; init; } = 300;

    public int RolesPerAccount { get; init; } = 1000;

    public int InstanceProfilesPerAccount { get; init; } = 1000;

    /// <summary>Customer managed policies.</summary>
    public int PoliciesPerAccount { get; init; } = 1500;

    public int ServerCertificatesPerAccount { get; init; } = 20;

    public int OpenIdConnectProvidersPerAccount { get; init; } = 100;

    public int SAMLProvidersPerAccount { get; init; } = 100;

    public int GroupsPerUser { get; init; } = 10;

    /// <summary>Managed policies attached to one role (GetAccountSummary: AttachedPoliciesPerRoleQuota).</summary>
    public int PoliciesPerRole { get; init; } = 10;

    public int PoliciesPerUser { get; init; } = 10;

    public int PoliciesPerGroup { get; init; } = 10;

    public int AccessKeysPerUser { get; init; } = 2;

    /// <summary>SSH public keys per user.</summary>
    public int PublicKeysPerUser { get; init; } = 5;

    public int SigningCertificatesPerUser { get; init; } = 2;

    public int ServiceSpecificCredentialsPerUserPerService { get; init; } = 2;

    public int ClientIdsPerOpenIdConnectProvider { get; init; } = 100;

    public int VersionsPerPolicy { get; init; } = 5;

    /// <summary>Characters of a managed policy document, whitespace not counted.</summary>
    public int PolicySize { get; init; } = 6144;

    /// <summary>Characters of all of a role's inline policies together, whitespace not counted.</summary>
    public int RolePolicySize { get; init; } = 10240;

    public int UserPolicySize { get; init; } = 2048;

    public int GroupPolicySize { get; init; } = 5120;

    /// <summary>Characters of a role's trust policy, whitespace not counted (GetAccountSummary: AssumeRolePolicySizeQuota).</summary>
    public int ACLSizePerRole { get; init; } = 2048;

    /// <summary>Every quota by name, in the order the README lists them, with how to read and set it.</summary>
    public static IReadOnlyList<IamQuota> All { get; } =
    [
        new("UsersPerAccount", q => q.UsersPerAccount, (q, v) => q with { UsersPerAccount = v }),
        new("GroupsPerAccount", q => q.GroupsPerAccount, (q, v) => q with { GroupsPerAccount = v }),
        new("RolesPerAccount", q => q.RolesPerAccount, (q, v) => q with { RolesPerAccount = v }),
        new("InstanceProfilesPerAccount", q => q.InstanceProfilesPerAccount, (q, v) => q with { InstanceProfilesPerAccount = v }),
        new("PoliciesPerAccount", q => q.PoliciesPerAccount, (q, v) => q with { PoliciesPerAccount = v }),
        new("ServerCertificatesPerAccount", q => q.ServerCertificatesPerAccount, (q, v) => q with { ServerCertificatesPerAccount = v }),
        new("OpenIdConnectProvidersPerAccount", q => q.OpenIdConnectProvidersPerAccount, (q, v) => q with { OpenIdConnectProvidersPerAccount = v }),
        new("SAMLProvidersPerAccount", q => q.SAMLProvidersPerAccount, (q, v) => q with { SAMLProvidersPerAccount = v }),
        new("GroupsPerUser", q => q.GroupsPerUser, (q, v) => q with { GroupsPerUser = v }),
        new("PoliciesPerRole", q => q.PoliciesPerRole, (q, v) => q with { PoliciesPerRole = v }),
        new("PoliciesPerUser", q => q.PoliciesPerUser, (q, v) => q with { PoliciesPerUser = v }),
        new("PoliciesPerGroup", q => q.PoliciesPerGroup, (q, v) => q with { PoliciesPerGroup = v }),
        new("AccessKeysPerUser", q => q.AccessKeysPerUser, (q, v) => q with { AccessKeysPerUser = v }),
        new("PublicKeysPerUser", q => q.PublicKeysPerUser, (q, v) => q with { PublicKeysPerUser = v }),
        new("SigningCertificatesPerUser", q => q.SigningCertificatesPerUser, (q, v) => q with { SigningCertificatesPerUser = v }),
        new("ServiceSpecificCredentialsPerUserPerService", q => q.ServiceSpecificCredentialsPerUserPerService, (q, v) => q with { ServiceSpecificCredentialsPerUserPerService = v }),
        new("ClientIdsPerOpenIdConnectProvider", q => q.ClientIdsPerOpenIdConnectProvider, (q, v) => q with { ClientIdsPerOpenIdConnectProvider = v }),
        new("VersionsPerPolicy", q => q.VersionsPerPolicy, (q, v) => q with { VersionsPerPolicy = v }),
        new("PolicySize", q => q.PolicySize, (q, v) => q with { PolicySize = v }),
        new("RolePolicySize", q => q.RolePolicySize, (q, v) => q with { RolePolicySize = v }),
        new("UserPolicySize", q => q.UserPolicySize, (q, v) => q with { UserPolicySize = v }),
        new("GroupPolicySize", q => q.GroupPolicySize, (q, v) => q with { GroupPolicySize = v }),
        new("ACLSizePerRole", q => q.ACLSizePerRole, (q, v) => q with { ACLSizePerRole = v }),
    ];

    /// <summary>
    /// The defaults with the given <c>NAME=VALUE</c> settings applied (each entry may hold several, comma-separated).
    /// Names match case-insensitively; a value is a whole number from 1 up.
    /// </summary>
    /// <exception cref="FormatException">An entry that is not NAME=VALUE, an unknown name, a name given twice, or a bad value.</exception>
    public static IamQuotas Parse(IEnumerable<string> entries)
    {
        var quotas = Default;
        var seen = new HashSet<IamQuota>();
        foreach (var setting in entries.SelectMany(e => e.Split(',', StringSplitOptions.TrimEntries)))
        {
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"'{setting}' is not NAME=VALUE (e.g. RolesPerAccount=10000). {Names()}");
            }

            var name = setting[..equals].Trim();
            var text = setting[(equals + 1)..].Trim();
            var quota = All.FirstOrDefault(q => string.Equals(q.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new FormatException($"'{name}' is not a quota. {Names()}");
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                throw new FormatException($"{quota.Name} must be a whole number from 1 to {int.MaxValue}, not '{text}'.");
            }

            if (!seen.Add(quota))
            {
                throw new FormatException($"{quota.Name} is given more than once.");
            }

            quotas = quota.With(quotas, value);
        }

        return quotas;
    }

    private static string Names() => "Quotas (with AWS's defaults): " + string.Join(", ", All.Select(q => $"{q.Name}={q.Get(Default)}")) + ".";
}
