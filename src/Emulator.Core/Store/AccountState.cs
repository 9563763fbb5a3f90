using Emulator.Core.Ec2;
using Emulator.Core.Iam.AccessKeys;
using Emulator.Core.Iam.Groups;
using Emulator.Core.Iam.InstanceProfiles;
using Emulator.Core.Iam.LoginProfiles;
using Emulator.Core.Iam.MfaDevices;
using Emulator.Core.Iam.OpenIdConnect;
using Emulator.Core.Iam.OutboundFederation;
using Emulator.Core.Iam.PasswordPolicies;
using Emulator.Core.Iam.Policies;
using Emulator.Core.Iam.Reports;
using Emulator.Core.Iam.Roles;
using Emulator.Core.Iam.Saml;
using Emulator.Core.Iam.ServerCertificates;
using Emulator.Core.Iam.ServiceSpecificCredentials;
using Emulator.Core.Iam.UserCredentials;
using Emulator.Core.Iam.Users;
using Emulator.Core.Store.Persistence;
using Emulator.Core.Store.Tracking;
using Emulator.Policy;

namespace Emulator.Core.Store;

/// <summary>
/// One account's IAM entities. Values are immutable records; the tables are only changed inside
/// <see cref="IEmulatorStore.Write{T}"/>, which tracks every change. Names are unique case-insensitively, as in IAM.
/// </summary>
public sealed class AccountState
{
    private readonly TrackedValue<string> alias;
    private readonly TrackedValue<PasswordPolicy> passwordPolicy;
    private readonly TrackedValue<OutboundWebIdentityFederation> outboundFederation;
    private readonly TrackedValue<string> globalEndpointTokenVersion;

    public AccountState(string accountId, string partition = AwsPartitions.Aws)
    {
        AccountId = accountId;
        Partition = partition;
        alias = new("account-alias", accountId, RowCodecs.Text);
        Roles = new("role", accountId, RowCodecs.Role, ignoreCase: true);
        Users = new("user", accountId, RowCodecs.User, ignoreCase: true);
        Groups = new("group", accountId, RowCodecs.Group, ignoreCase: true);
        InstanceProfiles = new("instance-profile", accountId, RowCodecs.InstanceProfile, ignoreCase: true);
        Policies = new("policy", accountId, RowCodecs.ManagedPolicy);
        OpenIdConnectProviders = new("oidc-provider", accountId, RowCodecs.OpenIdConnectProvider);
        SamlProviders = new("saml-provider", accountId, RowCodecs.SamlProvider);
        AccessKeys = new("access-key", accountId, RowCodecs.AccessKey);
        ServiceLinkedRoleDeletions = new("service-linked-role-deletion", accountId, RowCodecs.ServiceLinkedRoleDeletion);
        SshPublicKeys = new("ssh-public-key", accountId, RowCodecs.SshPublicKey);
        SigningCertificates = new("signing-certificate", accountId, RowCodecs.SigningCertificate);
        passwordPolicy = new("password-policy", accountId, RowCodecs.PasswordPolicy);
        LoginProfiles = new("login-profile", accountId, RowCodecs.LoginProfile, ignoreCase: true);
        MfaDevices = new("mfa-device", accountId, RowCodecs.VirtualMfaDevice, ignoreCase: true);
        outboundFederation = new("outbound-web-identity-federation", accountId, RowCodecs.OutboundWebIdentityFederation);
        globalEndpointTokenVersion = new("global-endpoint-token-version", accountId, RowCodecs.Text);
        CredentialReports = new("credential-report", accountId, RowCodecs.CredentialReport);
        ServiceAccesses = new("service-access", accountId, RowCodecs.ServiceAccessRecord);
        ServiceLastAccessedJobs = new("service-last-accessed-job", accountId, RowCodecs.ServiceLastAccessedJob);
        ServerCertificates = new("server-certificate", accountId, RowCodecs.ServerCertificate, ignoreCase: true);
        ServiceSpecificCredentials = new("service-specific-credential", accountId, RowCodecs.ServiceSpecificCredential);
    }

    public string AccountId { get; }

    /// <summary>
    /// The partition the account lives in (<c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>, …), fixed when it is created, as in AWS:
    /// every ARN of its entities names it, and its credentials are valid only in requests for that partition's regions.
    /// </summary>
    public string Partition { get; }

    /// <summary>An ARN of this account's IAM entities, e.g. <c>Iam("role/app")</c>.</summary>
    public Arn IamArn(string resource) => Arn.Iam(Partition, AccountId, resource);

    public string? Alias
    {
        get => alias.Value;
        set => alias.Value = value;
    }

    /// <summary>The account's custom password policy; null when AWS's default applies.</summary>
    public PasswordPolicy? PasswordPolicy
    {
        get => passwordPolicy.Value;
        set => passwordPolicy.Value = value;
    }

    /// <summary>Outbound identity federation (GetWebIdentityToken); null until first enabled.</summary>
    public OutboundWebIdentityFederation? OutboundFederation
    {
        get => outboundFederation.Value;
        set => outboundFederation.Value = value;
    }

    /// <summary>SetSecurityTokenServicePreferences' GlobalEndpointTokenVersion (v1Token or v2Token); null: AWS's default, v1Token.</summary>
    public string? GlobalEndpointTokenVersion
    {
        get => globalEndpointTokenVersion.Value;
        set => globalEndpointTokenVersion.Value = value;
    }

    /// <summary>When the account came to be (the root user's CreateDate).</summary>
    public DateTimeOffset CreateDate { get; init; }

    public EntityTable<Role> Roles { get; }

    public EntityTable<User> Users { get; }

    public EntityTable<Group> Groups { get; }

    public EntityTable<InstanceProfile> InstanceProfiles { get; }

    /// <summary>Customer managed policies by ARN.</summary>
    public EntityTable<ManagedPolicy> Policies { get; }

    /// <summary>OIDC providers by ARN.</summary>
    public EntityTable<OpenIdConnectProvider> OpenIdConnectProviders { get; }

    /// <summary>SAML providers by ARN.</summary>
    public EntityTable<SamlProvider> SamlProviders { get; }

    /// <summary>Long-term access keys (users' and the root's) by key id.</summary>
    public EntityTable<AccessKey> AccessKeys { get; }

    /// <summary>DeleteServiceLinkedRole tasks by id, for GetServiceLinkedRoleDeletionStatus.</summary>
    public EntityTable<ServiceLinkedRoleDeletion> ServiceLinkedRoleDeletions { get; }

    /// <summary>Users' SSH public keys by SSHPublicKeyId.</summary>
    public EntityTable<SshPublicKey> SshPublicKeys { get; }

    /// <summary>Users' (and the root's) signing certificates by CertificateId.</summary>
    public EntityTable<SigningCertificate> SigningCertificates { get; }
    /// <summary>Users' console passwords (hashed) by user name.</summary>
    public EntityTable<LoginProfile> LoginProfiles { get; }

    /// <summary>Virtual MFA devices by path and name (the part of the serial number after <c>:mfa</c>).</summary>
    public EntityTable<VirtualMfaDevice> MfaDevices { get; }

    /// <summary>The account's latest credential report, under <see cref="CredentialReport.Key"/>.</summary>
    public EntityTable<CredentialReport> CredentialReports { get; }

    /// <summary>Users' and roles' last allowed request per action, by <see cref="ServiceAccessRecord.KeyOf"/>.</summary>
    public EntityTable<ServiceAccessRecord> ServiceAccesses { get; }

    /// <summary>GenerateServiceLastAccessedDetails jobs by JobId.</summary>
    public EntityTable<ServiceLastAccessedJob> ServiceLastAccessedJobs { get; }

    /// <summary>Server certificates by name (unique case-insensitively).</summary>
    public EntityTable<ServerCertificate> ServerCertificates { get; }

    /// <summary>Users' service-specific credentials by ServiceSpecificCredentialId.</summary>
    public EntityTable<ServiceSpecificCredential> ServiceSpecificCredentials { get; }

    /// <summary>EC2 state by region name (a region's state exists once something is kept there).</summary>
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

    /// <summary>The account's own tables (its regions' tables are theirs).</summary>
    public IEnumerable<ITrackedRows> Tables() => [alias, Roles, Users, Groups, InstanceProfiles, Policies, OpenIdConnectProviders, SamlProviders, AccessKeys,
        ServiceLinkedRoleDeletions, SshPublicKeys, SigningCertificates, passwordPolicy, LoginProfiles, MfaDevices, outboundFederation, globalEndpointTokenVersion,
        CredentialReports, ServiceAccesses, ServiceLastAccessedJobs,
        ServerCertificates, ServiceSpecificCredentials];

    public ITrackedRows? Table(string kind) => Tables().FirstOrDefault(t => t.Kind == kind);

    public AccountState Clone()
    {
        var copy = new AccountState(AccountId, Partition) { CreateDate = CreateDate };
        copy.alias.Load("", alias.RowOf("").Document);
        copy.passwordPolicy.Load("", passwordPolicy.RowOf("").Document);
        copy.outboundFederation.Load("", outboundFederation.RowOf("").Document);
        copy.globalEndpointTokenVersion.Load("", globalEndpointTokenVersion.RowOf("").Document);
        foreach (var (region, state) in Ec2Regions)
        {
            copy.Ec2Regions[region] = state.Clone();
        }

        Roles.CopyInto(copy.Roles);
        Users.CopyInto(copy.Users);
        Groups.CopyInto(copy.Groups);
        InstanceProfiles.CopyInto(copy.InstanceProfiles);
        Policies.CopyInto(copy.Policies);
        OpenIdConnectProviders.CopyInto(copy.OpenIdConnectProviders);
        SamlProviders.CopyInto(copy.SamlProviders);
        AccessKeys.CopyInto(copy.AccessKeys);
        ServiceLinkedRoleDeletions.CopyInto(copy.ServiceLinkedRoleDeletions);
        SshPublicKeys.CopyInto(copy.SshPublicKeys);
        SigningCertificates.CopyInto(copy.SigningCertificates);
        LoginProfiles.CopyInto(copy.LoginProfiles);
        MfaDevices.CopyInto(copy.MfaDevices);
        CredentialReports.CopyInto(copy.CredentialReports);
        ServiceAccesses.CopyInto(copy.ServiceAccesses);
        ServiceLastAccessedJobs.CopyInto(copy.ServiceLastAccessedJobs);
        ServerCertificates.CopyInto(copy.ServerCertificates);
        ServiceSpecificCredentials.CopyInto(copy.ServiceSpecificCredentials);
        return copy;
    }
}
