using Emulator.Core.Iam;
using Emulator.Server.Pipeline;
using Emulator.Server.Protocol;

namespace Emulator.Server.Iam;

/// <summary>IAM's action table: every operation the emulator serves, each named by its IAM action.</summary>
public static class IamActions
{
    public const string Version = "2010-05-08";

    public static AwsService Service(IamService iam)
    {
        var resources = new IamResources(iam);
        return new AwsService("iam", new QueryProtocol(IamXml.Namespace), Version,
            RoleActions.All(iam, resources)
                .Concat(UserActions.All(iam, resources))
                .Concat(LoginProfileActions.All(iam, resources))
                .Concat(MfaDeviceActions.All(iam, resources))
                .Concat(GroupActions.All(iam, resources))
                .Concat(PolicyActions.All(iam))
                .Concat(InstanceProfileActions.All(iam, resources))
                .Concat(OpenIdConnectProviderActions.All(iam))
                .Concat(ServiceLinkedRoleActions.All(iam))
                .Concat(UserCredentialActions.All(iam, resources))
                .Concat(SamlProviderActions.All(iam))
                .Concat(AccountActions.All(iam))
                .Concat(SimulationActions.All(iam))
                .Concat(OutboundFederationActions.All(iam))
                .Concat(OrganizationActions.All(iam))
                .Concat(ReportActions.All(iam))
                .Concat(ServerCertificateActions.All(iam))
                .Concat(ServiceSpecificCredentialActions.All(iam, resources)))
        {
            RestrictSession = SessionCredentialRules.Iam,
        };
    }

    /// <summary>An IAM table entry: the operation name is also the IAM action name (iam:&lt;Name&gt;).</summary>
    internal static AwsOperation Op(string name, Func<OperationContext, string> resource, Action<OperationContext, QueryXmlWriter> handler) =>
        new(name, $"iam:{name}", resource, handler);

    internal static int? MaxItems(OperationContext context) => context.Parameters.Int("MaxItems", "maxItems");
}
