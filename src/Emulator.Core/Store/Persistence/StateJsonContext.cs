using System.Text.Json.Serialization;
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

namespace Emulator.Core.Store.Persistence;

/// <summary>
/// The stored documents of the state's entities: their own properties only (computed ones such as
/// <c>Arn</c> are derived again on load), enums by name, policies as their text (compiled again on load).
/// </summary>
[JsonSourceGenerationOptions(IgnoreReadOnlyProperties = true, UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = [typeof(StoredPolicyConverter)])]
[JsonSerializable(typeof(Role))]
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(Group))]
[JsonSerializable(typeof(InstanceProfile))]
[JsonSerializable(typeof(ManagedPolicy))]
[JsonSerializable(typeof(OpenIdConnectProvider))]
[JsonSerializable(typeof(SamlProvider))]
[JsonSerializable(typeof(AccessKey))]
[JsonSerializable(typeof(PasswordPolicy))]
[JsonSerializable(typeof(LoginProfile))]
[JsonSerializable(typeof(VirtualMfaDevice))]
[JsonSerializable(typeof(CredentialReport))]
[JsonSerializable(typeof(ServiceAccessRecord))]
[JsonSerializable(typeof(ServiceLastAccessedJob))]
[JsonSerializable(typeof(Instance))]
[JsonSerializable(typeof(IamInstanceProfileAssociation))]
[JsonSerializable(typeof(InstanceMetadataDefaults))]
[JsonSerializable(typeof(ContainerCredentialBinding))]
[JsonSerializable(typeof(ServiceLinkedRoleDeletion))]
[JsonSerializable(typeof(SshPublicKey))]
[JsonSerializable(typeof(SigningCertificate))]
[JsonSerializable(typeof(ServerCertificate))]
[JsonSerializable(typeof(ServiceSpecificCredential))]
[JsonSerializable(typeof(AccountDocument))]
[JsonSerializable(typeof(TextDocument))]
[JsonSerializable(typeof(CountDocument))]
[JsonSerializable(typeof(Emulator.Core.Iam.OutboundFederation.OutboundWebIdentityFederation))]
public sealed partial class StateJsonContext : JsonSerializerContext;
