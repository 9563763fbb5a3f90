using Emulator.Core.Errors;

namespace Emulator.Core.Iam.Organizations;

/// <summary>
/// ListOrganizationsFeatures and Enable/DisableOrganizationsRootCredentialsManagement and
/// …RootSessions (centralized root access). They act on the caller's organization, and the emulator
/// has no AWS Organizations: every account is outside any organization, so each call answers what
/// AWS answers such an account, OrganizationNotFoundException (the first of the modelled prerequisites
/// IAM checks: an organization, then trusted access, then the management account). The code is the
/// model's error shape name (it declares no other code) with the default status 400; the message is
/// the shape's documentation in the API reference.
/// </summary>
public sealed class OrganizationFeatureOperations(IamContext context)
{
    public const string RootCredentialsManagement = "RootCredentialsManagement";
    public const string RootSessions = "RootSessions";

    public static AwsException OrganizationNotFound() => new AwsError("OrganizationNotFoundException",
        "The request was rejected because no organization is associated with your account.", 400).ToException();

    /// <summary>The organization's id and its enabled features; throws for an account outside any organization.</summary>
    public (string OrganizationId, IReadOnlyList<string> EnabledFeatures) List(string accountId) => Require(accountId);

    public (string OrganizationId, IReadOnlyList<string> EnabledFeatures) Enable(string accountId, string feature) => Require(accountId);

    public (string OrganizationId, IReadOnlyList<string> EnabledFeatures) Disable(string accountId, string feature) => Require(accountId);

    /// <summary>The account exists (an unknown one is refused as everywhere else) but belongs to no organization.</summary>
    private (string, IReadOnlyList<string>) Require(string accountId)
    {
        context.Store.Read(state => IamRules.Account(state, accountId));
        throw OrganizationNotFound();
    }
}
