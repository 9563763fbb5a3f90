using Emulator.Core.Iam;
using Emulator.Core.Iam.Delegation;
using Emulator.Core.Iam.Organizations;
using Emulator.Server.Pipeline;
using Emulator.Server.Protocol;
using static Emulator.Server.Iam.IamActions;

namespace Emulator.Server.Iam;

/// <summary>
/// Action-table entries for what needs AWS Organizations or partner onboarding, neither of which the
/// emulator has. Sources: the IAM service model (members, constraints, error shapes) and the IAM API
/// reference. Centralized root access (ListOrganizationsFeatures, Enable/DisableOrganizationsRoot…):
/// OrganizationNotFoundException, the modelled error for an account without an organization.
/// Delegation requests: input validated against the model first; CreateDelegationRequest is for onboarded
/// partners only ("not available for general use"), so it is AccessDenied; with no request ever created,
/// Get/Accept/Reject/Associate/Update/SendDelegationToken and GetHumanReadableSummary answer NoSuchEntity
/// (the modelled 404) and ListDelegationRequests an empty list.
/// </summary>
public static class OrganizationActions
{
    public static IEnumerable<AwsOperation> All(IamService iam)
    {
        var features = iam.OrganizationFeatures;
        yield return Op("ListOrganizationsFeatures", AwsOperation.Everything, (c, w) => Features(w, features.List(c.AccountId)));
        yield return Op("EnableOrganizationsRootCredentialsManagement", AwsOperation.Everything, (c, w) =>
            Features(w, features.Enable(c.AccountId, OrganizationFeatureOperations.RootCredentialsManagement)));
        yield return Op("DisableOrganizationsRootCredentialsManagement", AwsOperation.Everything, (c, w) =>
            Features(w, features.Disable(c.AccountId, OrganizationFeatureOperations.RootCredentialsManagement)));
        yield return Op("EnableOrganizationsRootSessions", AwsOperation.Everything, (c, w) =>
            Features(w, features.Enable(c.AccountId, OrganizationFeatureOperations.RootSessions)));
        yield return Op("DisableOrganizationsRootSessions", AwsOperation.Everything, (c, w) =>
            Features(w, features.Disable(c.AccountId, OrganizationFeatureOperations.RootSessions)));

        var delegation = iam.DelegationRequests;
        yield return Op("CreateDelegationRequest", AwsOperation.Everything, (c, w) => delegation.Create(c.AccountId, CreateInput(c)));
        yield return Op("GetDelegationRequest", c => DelegationRequestArn(c), (c, w) =>
        {
            c.Parameters.Bool("DelegationPermissionCheck");
            delegation.Find(c.AccountId, c["DelegationRequestId"]);
        });
        yield return Op("ListDelegationRequests", AwsOperation.Everything, (c, w) =>
        {
            var requests = delegation.List(c.AccountId, c["OwnerId"], c["Marker"], MaxItems(c));
            w.StringList("DelegationRequests", requests);
            w.Value("isTruncated", false);
        });
        yield return Op("AcceptDelegationRequest", c => DelegationRequestArn(c), (c, w) => delegation.Find(c.AccountId, c["DelegationRequestId"]));
        yield return Op("RejectDelegationRequest", c => DelegationRequestArn(c), (c, w) => delegation.Find(c.AccountId, c["DelegationRequestId"], c["Notes"]));
        yield return Op("AssociateDelegationRequest", c => DelegationRequestArn(c), (c, w) => delegation.Find(c.AccountId, c["DelegationRequestId"]));
        yield return Op("UpdateDelegationRequest", c => DelegationRequestArn(c), (c, w) => delegation.Find(c.AccountId, c["DelegationRequestId"], c["Notes"]));
        yield return Op("SendDelegationToken", c => DelegationRequestArn(c), (c, w) => delegation.Find(c.AccountId, c["DelegationRequestId"]));
        yield return Op("GetHumanReadableSummary", c => c["EntityArn"] ?? "*", (c, w) => delegation.Summary(c.AccountId, c["EntityArn"], c["Locale"]));
    }

    private static void Features(QueryXmlWriter w, (string OrganizationId, IReadOnlyList<string> EnabledFeatures) result) =>
        w.Value("OrganizationId", result.OrganizationId).StringList("EnabledFeatures", result.EnabledFeatures);

    private static string DelegationRequestArn(OperationContext c) => c.IamArn($"delegation-request/{c["DelegationRequestId"]}");

    private static CreateDelegationRequestInput CreateInput(OperationContext c)
    {
        var p = c.Parameters;
        var permissionsPresent = p.All.Any(pair => pair.Key.StartsWith("Permissions.", StringComparison.Ordinal));
        var permissions = permissionsPresent
            ? new DelegationPermissionInput(p["Permissions.PolicyTemplateArn"],
                p.Structures("Permissions.Parameters").Select(s => (s("Name"), s("Type"))).ToList())
            : null;
        return new CreateDelegationRequestInput(p["OwnerAccountId"], p["Description"], permissions, p["RequestMessage"], p["RequestorWorkflowId"],
            p["RedirectUrl"], p["NotificationChannel"], p.Int("SessionDuration", "sessionDuration"), p.Bool("OnlySendByOwner"));
    }
}
