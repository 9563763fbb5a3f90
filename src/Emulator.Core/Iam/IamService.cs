using Emulator.Core.Authorization;
using Emulator.Core.Authorization.Simulation;
using Emulator.Core.Iam.AccessKeys;
using Emulator.Core.Iam.Account;
using Emulator.Core.Iam.Groups;
using Emulator.Core.Iam.InstanceProfiles;
using Emulator.Core.Iam.LoginProfiles;
using Emulator.Core.Iam.MfaDevices;
using Emulator.Core.Iam.OpenIdConnect;
using Emulator.Core.Iam.PasswordPolicies;
using Emulator.Core.Iam.Policies;
using Emulator.Core.Iam.Reports;
using Emulator.Core.Iam.Roles;
using Emulator.Core.Iam.Saml;
using Emulator.Core.Iam.ServerCertificates;
using Emulator.Core.Iam.ServiceSpecificCredentials;
using Emulator.Core.Iam.UserCredentials;
using Emulator.Core.Iam.Users;

namespace Emulator.Core.Iam;

/// <summary>The IAM domain, one object per entity kind, all over the same store and clock.</summary>
public sealed class IamService(IamContext context)
{
    public IamContext Context { get; } = context;

    public RoleOperations Roles { get; } = new(context);

    public ServiceLinkedRoleOperations ServiceLinkedRoles { get; } = new(context);

    public SshPublicKeyOperations SshPublicKeys { get; } = new(context);

    public SigningCertificateOperations SigningCertificates { get; } = new(context);

    public UserOperations Users { get; } = new(context);

    public GroupOperations Groups { get; } = new(context);

    public ManagedPolicyOperations Policies { get; } = new(context);

    public InstanceProfileOperations InstanceProfiles { get; } = new(context);

    public AccessKeyOperations AccessKeys { get; } = new(context);

    public OpenIdConnectProviderOperations OpenIdConnectProviders { get; } = new(context);

    public SamlProviderOperations SamlProviders { get; } = new(context);

    public AccountOperations Account { get; } = new(context);

    public PasswordPolicyOperations PasswordPolicy { get; } = new(context);

    public LoginProfileOperations LoginProfiles { get; } = new(context);

    public MfaDeviceOperations MfaDevices { get; } = new(context);

    public OutboundFederation.OutboundFederationOperations OutboundFederation { get; } = new(context);

    public SecurityTokenServicePreferenceOperations SecurityTokenServicePreferences { get; } = new(context);

    public Organizations.OrganizationFeatureOperations OrganizationFeatures { get; } = new(context);

    public Delegation.DelegationRequestOperations DelegationRequests { get; } = new(context);

    public CredentialReportOperations CredentialReports { get; } = new(context);

    public AccessAdvisorOperations AccessAdvisor { get; } = new(context);

    public OrganizationsAccessReportOperations OrganizationsAccessReports { get; } = new();

    public ServerCertificateOperations ServerCertificates { get; } = new(context);

    public ServiceSpecificCredentialOperations ServiceSpecificCredentials { get; } = new(context);

    /// <summary>SimulatePrincipalPolicy, SimulateCustomPolicy and GetContextKeysForPrincipalPolicy, over the same store.</summary>
    public PolicySimulator Simulator { get; } = new(context.Store, new PolicyResolver(context.Store));
}
