using System.Text;
using Emulator.Core.Iam;
using Emulator.Core.Iam.Reports;
using Emulator.Server.Pipeline;
using Emulator.Server.Protocol;
using static Emulator.Server.Iam.IamActions;

namespace Emulator.Server.Iam;

/// <summary>
/// Action-table entries for IAM's reports: the credential report, service last accessed details (computed from the
/// requests authorization allowed), the policies granting a service, and Organizations access reports.
/// </summary>
public static class ReportActions
{
    public static IEnumerable<AwsOperation> All(IamService iam)
    {
        yield return Op("GenerateCredentialReport", AwsOperation.Everything, (c, w) =>
        {
            var state = iam.CredentialReports.Generate(c.AccountId);
            w.Value("State", state.State).Value("Description", state.Description);
        });
        yield return Op("GetCredentialReport", AwsOperation.Everything, (c, w) =>
        {
            var report = iam.CredentialReports.Get(c.AccountId);
            w.Value("Content", Convert.ToBase64String(Encoding.UTF8.GetBytes(report.Content)))
                .Value("ReportFormat", "text/csv").Value("GeneratedTime", report.GeneratedTime);
        });

        var advisor = iam.AccessAdvisor;
        yield return Op("GenerateServiceLastAccessedDetails", AwsOperation.Everything, (c, w) =>
            w.Value("JobId", advisor.Generate(c.AccountId, c["Arn"], c["Granularity"])));
        yield return Op("GetServiceLastAccessedDetails", AwsOperation.Everything, (c, w) =>
        {
            var (job, page) = advisor.Get(c.AccountId, c["JobId"], c["Marker"], MaxItems(c));
            w.Value("JobStatus", "COMPLETED").Value("JobType", job.Granularity).Value("JobCreationDate", job.JobCreationDate)
                .List("ServicesLastAccessed", page.Items, Service).Value("JobCompletionDate", job.JobCompletionDate);
            IamXml.Paging(w, page);
        });
        yield return Op("GetServiceLastAccessedDetailsWithEntities", AwsOperation.Everything, (c, w) =>
        {
            var (job, page) = advisor.GetWithEntities(c.AccountId, c["JobId"], c["ServiceNamespace"], c["Marker"], MaxItems(c));
            w.Value("JobStatus", "COMPLETED").Value("JobCreationDate", job.JobCreationDate).Value("JobCompletionDate", job.JobCompletionDate)
                .List("EntityDetailsList", page.Items, (x, e) => x
                    .Object("EntityInfo", i => i.Value("Arn", e.Arn).Value("Name", e.Name).Value("Type", e.Type).Value("Id", e.Id).Value("Path", e.Path))
                    .Value("LastAuthenticated", e.LastAuthenticated));
            IamXml.Paging(w, page);
        });
        yield return Op("ListPoliciesGrantingServiceAccess", c => c["Arn"] ?? "*", (c, w) =>
        {
            var services = advisor.ListPoliciesGrantingServiceAccess(c.AccountId, c["Arn"], c.Parameters.List("ServiceNamespaces"), c["Marker"]);
            w.List("PoliciesGrantingServiceAccess", services, (x, s) => x.Value("ServiceNamespace", s.ServiceNamespace)
                .List("Policies", s.Policies, (p, policy) => p.Value("PolicyName", policy.PolicyName).Value("PolicyType", policy.PolicyType)
                    .Value("PolicyArn", policy.PolicyArn).Value("EntityType", policy.EntityType).Value("EntityName", policy.EntityName)))
                .Value("IsTruncated", false);
        });

        var organizations = iam.OrganizationsAccessReports;
        yield return Op("GenerateOrganizationsAccessReport", c => c.IamArn($"access-report/{c["EntityPath"]}"), (c, w) =>
            w.Value("JobId", organizations.Generate(c["EntityPath"], c["OrganizationsPolicyId"])));
        yield return Op("GetOrganizationsAccessReport", AwsOperation.Everything, (c, w) =>
            organizations.Get(c["JobId"], c["Marker"], MaxItems(c), c["SortKey"]));
    }

    private static void Service(QueryXmlWriter x, ServiceLastAccessed service)
    {
        x.Value("ServiceName", service.ServiceName).Value("LastAuthenticated", service.LastAuthenticated).Value("ServiceNamespace", service.ServiceNamespace)
            .Value("LastAuthenticatedEntity", service.LastAuthenticatedEntity).Value("LastAuthenticatedRegion", service.LastAuthenticatedRegion)
            .Value("TotalAuthenticatedEntities", service.TotalAuthenticatedEntities);
        if (service.TrackedActionsLastAccessed is { } actions)
        {
            x.List("TrackedActionsLastAccessed", actions, (a, action) => a.Value("ActionName", action.ActionName)
                .Value("LastAccessedEntity", action.LastAccessedEntity).Value("LastAccessedTime", action.LastAccessedTime)
                .Value("LastAccessedRegion", action.LastAccessedRegion));
        }
    }
}
