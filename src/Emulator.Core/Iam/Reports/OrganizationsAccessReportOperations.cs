using Emulator.Core.Errors;
using Emulator.Core.Iam.Paging;
using Emulator.Core.Iam.Validation;

namespace Emulator.Core.Iam.Reports;

/// <summary>
/// GenerateOrganizationsAccessReport and GetOrganizationsAccessReport, for an account that belongs to no AWS Organization
/// (the emulator serves no Organizations API, so every account is such an account).
/// </summary>
/// <remarks>
/// What the behaviour rests on: the IAM API reference says these reports need the caller to be signed in to the
/// organization's management account, and IAM builds them from Organizations (ListRoots, ListChildren, DescribePolicy…
/// are required permissions). For an account outside any organization Organizations answers
/// AWSOrganizationsNotInUseException, "Your account is not a member of an organization." (Organizations API reference),
/// which is what the emulator returns, after the model's validation of the input. No public source shows IAM's own
/// wording for this case; should one turn up, this is the one place to change. With no report ever generated, every job
/// id is unknown to GetOrganizationsAccessReport: NoSuchEntity, as for an unknown service last accessed job.
/// </remarks>
public sealed class OrganizationsAccessReportOperations
{
    public static readonly ModelPattern EntityPathPattern = new(@"^o-[0-9a-z]{10,32}\/r-[0-9a-z]{4,32}[0-9a-z-\/]*");

    public static readonly ModelPattern PolicyIdPattern = new(@"^p-[0-9a-zA-Z_]{8,128}$");

    public string Generate(string? entityPath, string? organizationsPolicyId)
    {
        new ParameterValidator().Required("entityPath", entityPath).Length("entityPath", entityPath, 19, 427).Pattern("entityPath", entityPath, EntityPathPattern)
            .Pattern("organizationsPolicyId", organizationsPolicyId, PolicyIdPattern).ThrowIfInvalid();
        throw new AwsError("AWSOrganizationsNotInUseException", "Your account is not a member of an organization.", 400).ToException();
    }

    public void Get(string? jobId, string? marker, int? maxItems, string? sortKey)
    {
        var validator = new ParameterValidator().Required("jobId", jobId).Length("jobId", jobId, 36, 36)
            .OneOf("sortKey", sortKey, "SERVICE_NAMESPACE_ASCENDING", "SERVICE_NAMESPACE_DESCENDING", "LAST_AUTHENTICATED_TIME_ASCENDING", "LAST_AUTHENTICATED_TIME_DESCENDING");
        Paginator.Validate(validator, marker, maxItems);
        validator.ThrowIfInvalid();
        throw IamErrors.NoSuchEntity($"The job with ID {jobId} cannot be found.");
    }
}
