using Emulator.Core.ContainerCredentials;
using Emulator.Core.Ec2;
using Emulator.Core.Iam.AccessKeys;
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
using Emulator.Core.Store.Tracking;

namespace Emulator.Core.Store.Persistence;

/// <summary>One codec per stored entity type, shared by every table of that type.</summary>
public static class RowCodecs
{
    public static readonly IRowCodec<Role> Role = new JsonRowCodec<Role>(StateJsonContext.Default.Role);
    public static readonly IRowCodec<User> User = new JsonRowCodec<User>(StateJsonContext.Default.User);
    public static readonly IRowCodec<Group> Group = new JsonRowCodec<Group>(StateJsonContext.Default.Group);
    public static readonly IRowCodec<InstanceProfile> InstanceProfile = new JsonRowCodec<InstanceProfile>(StateJsonContext.Default.InstanceProfile);
    public static readonly IRowCodec<ManagedPolicy> ManagedPolicy = new JsonRowCodec<ManagedPolicy>(StateJsonContext.Default.ManagedPolicy);
    public static readonly IRowCodec<OpenIdConnectProvider> OpenIdConnectProvider = new JsonRowCodec<OpenIdConnectProvider>(StateJsonContext.Default.OpenIdConnectProvider);
    public static readonly IRowCodec<SamlProvider> SamlProvider = new JsonRowCodec<SamlProvider>(StateJsonContext.Default.SamlProvider);
    public static readonly IRowCodec<AccessKey> AccessKey = new JsonRowCodec<AccessKey>(StateJsonContext.Default.AccessKey);
    public static readonly IRowCodec<PasswordPolicy> PasswordPolicy = new JsonRowCodec<PasswordPolicy>(StateJsonContext.Default.PasswordPolicy);
    public static readonly IRowCodec<LoginProfile> LoginProfile = new JsonRowCodec<LoginProfile>(StateJsonContext.Default.LoginProfile);
    public static readonly IRowCodec<VirtualMfaDevice> VirtualMfaDevice = new JsonRowCodec<VirtualMfaDevice>(StateJsonContext.Default.VirtualMfaDevice);
    public static readonly IRowCodec<CredentialReport> CredentialReport = new JsonRowCodec<CredentialReport>(StateJsonContext.Default.CredentialReport);
    public static readonly IRowCodec<ServiceAccessRecord> ServiceAccessRecord = new JsonRowCodec<ServiceAccessRecord>(StateJsonContext.Default.ServiceAccessRecord);
    public static readonly IRowCodec<ServiceLastAccessedJob> ServiceLastAccessedJob = new JsonRowCodec<ServiceLastAccessedJob>(StateJsonContext.Default.ServiceLastAccessedJob);
    public static readonly IRowCodec<Instance> Instance = new JsonRowCodec<Instance>(StateJsonContext.Default.Instance);
    public static readonly IRowCodec<IamInstanceProfileAssociation> Association = new JsonRowCodec<IamInstanceProfileAssociation>(StateJsonContext.Default.IamInstanceProfileAssociation);
    public static readonly IRowCodec<InstanceMetadataDefaults> MetadataDefaults = new JsonRowCodec<InstanceMetadataDefaults>(StateJsonContext.Default.InstanceMetadataDefaults);
    public static readonly IRowCodec<ContainerCredentialBinding> ContainerCredential = new JsonRowCodec<ContainerCredentialBinding>(StateJsonContext.Default.ContainerCredentialBinding);
    public static readonly IRowCodec<ServiceLinkedRoleDeletion> ServiceLinkedRoleDeletion = new JsonRowCodec<ServiceLinkedRoleDeletion>(StateJsonContext.Default.ServiceLinkedRoleDeletion);
    public static readonly IRowCodec<SshPublicKey> SshPublicKey = new JsonRowCodec<SshPublicKey>(StateJsonContext.Default.SshPublicKey);
    public static readonly IRowCodec<SigningCertificate> SigningCertificate = new JsonRowCodec<SigningCertificate>(StateJsonContext.Default.SigningCertificate);
    public static readonly IRowCodec<ServerCertificate> ServerCertificate = new JsonRowCodec<ServerCertificate>(StateJsonContext.Default.ServerCertificate);
    public static readonly IRowCodec<ServiceSpecificCredential> ServiceSpecificCredential = new JsonRowCodec<ServiceSpecificCredential>(StateJsonContext.Default.ServiceSpecificCredential);
    public static readonly IRowCodec<string> Text = new TextCodec();
    public static readonly IRowCodec<int> Count = new CountCodec();
    public static readonly IRowCodec<AccountState> Account = new AccountCodec();
    public static readonly IRowCodec<Iam.OutboundFederation.OutboundWebIdentityFederation> OutboundWebIdentityFederation =
        new JsonRowCodec<Iam.OutboundFederation.OutboundWebIdentityFederation>(StateJsonContext.Default.OutboundWebIdentityFederation);

    private sealed class TextCodec : IRowCodec<string>
    {
        private static readonly JsonRowCodec<TextDocument> Json = new(StateJsonContext.Default.TextDocument);

        public string Encode(string value) => Json.Encode(new TextDocument(value));

        public string Decode(string key, string document, string? existing) => Json.Decode(key, document, null).Value;
    }

    private sealed class CountCodec : IRowCodec<int>
    {
        private static readonly JsonRowCodec<CountDocument> Json = new(StateJsonContext.Default.CountDocument);

        public string Encode(int value) => Json.Encode(new CountDocument(value));

        public int Decode(string key, string document, int existing) => Json.Decode(key, document, null).Value;
    }

    /// <summary>An account row holds its creation date; loading it keeps the account object (and its tables) already in memory.</summary>
    private sealed class AccountCodec : IRowCodec<AccountState>
    {
        private static readonly JsonRowCodec<AccountDocument> Json = new(StateJsonContext.Default.AccountDocument);

        public string Encode(AccountState value) => Json.Encode(new AccountDocument(value.CreateDate, value.Partition));

        public AccountState Decode(string key, string document, AccountState? existing)
        {
            if (existing is not null)
            {
                return existing;
            }

            var row = Json.Decode(key, document, null);
            return new AccountState(key, row.Partition ?? Emulator.Policy.AwsPartitions.Aws) { CreateDate = row.CreateDate };
        }
    }
}
