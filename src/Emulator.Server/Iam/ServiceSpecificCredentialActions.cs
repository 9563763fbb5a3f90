using Emulator.Core.Iam;
using Emulator.Core.Iam.ServiceSpecificCredentials;
using Emulator.Server.Pipeline;
using Emulator.Server.Protocol;
using static Emulator.Server.Iam.IamActions;

namespace Emulator.Server.Iam;

/// <summary>Action-table entries for users' service-specific credentials (CodeCommit, Keyspaces, Bedrock and CloudWatch Logs).</summary>
public static class ServiceSpecificCredentialActions
{
    public static IEnumerable<AwsOperation> All(IamService iam, IamResources resources)
    {
        var credentials = iam.ServiceSpecificCredentials;
        var clock = iam.Context;
        yield return Op("CreateServiceSpecificCredential", c => resources.User(c), (c, w) =>
        {
            var issued = credentials.Create(c.AccountId, c["UserName"], c["ServiceName"], c.Parameters.Int("CredentialAgeDays", "credentialAgeDays"));
            w.Object("ServiceSpecificCredential", s => Issued(s, issued, clock.Now()));
        });
        yield return Op("ListServiceSpecificCredentials", c => resources.User(c), (c, w) =>
        {
            var page = credentials.List(c.AccountId, c.UserNameOrCaller, c["ServiceName"], c.Parameters.Bool("AllUsers") ?? false,
                c["Marker"], MaxItems(c));
            var now = clock.Now();
            w.List("ServiceSpecificCredentials", page.Items, (s, credential) => Metadata(s, credential, now));
            IamXml.Paging(w, page);
        });
        yield return Op("ResetServiceSpecificCredential", c => resources.User(c), (c, w) =>
        {
            var issued = credentials.Reset(c.AccountId, c.UserNameOrCaller, c["ServiceSpecificCredentialId"]);
            w.Object("ServiceSpecificCredential", s => Issued(s, issued, clock.Now()));
        });
        yield return Op("UpdateServiceSpecificCredential", c => resources.User(c), (c, w) =>
            credentials.Update(c.AccountId, c.UserNameOrCaller, c["ServiceSpecificCredentialId"], c["Status"]));
        yield return Op("DeleteServiceSpecificCredential", c => resources.User(c), (c, w) =>
            credentials.Delete(c.AccountId, c.UserNameOrCaller, c["ServiceSpecificCredentialId"]));
    }

    private static void Issued(QueryXmlWriter s, IssuedServiceSpecificCredential issued, DateTimeOffset now)
    {
        var credential = issued.Credential;
        s.Value("CreateDate", credential.CreateDate).Value("ExpirationDate", credential.ExpirationDate).Value("ServiceName", credential.ServiceName)
            .Value("ServiceUserName", credential.ServiceUserName).Value("ServicePassword", issued.ServicePassword)
            .Value("ServiceCredentialAlias", credential.ServiceCredentialAlias).Value("ServiceCredentialSecret", issued.ServiceCredentialSecret)
            .Value("ServiceSpecificCredentialId", credential.ServiceSpecificCredentialId).Value("UserName", credential.UserName)
            .Value("Status", credential.StatusAt(now));
    }

    private static void Metadata(QueryXmlWriter s, ServiceSpecificCredential credential, DateTimeOffset now) =>
        s.Value("UserName", credential.UserName).Value("Status", credential.StatusAt(now)).Value("ServiceUserName", credential.ServiceUserName)
            .Value("ServiceCredentialAlias", credential.ServiceCredentialAlias).Value("CreateDate", credential.CreateDate)
            .Value("ExpirationDate", credential.ExpirationDate).Value("ServiceSpecificCredentialId", credential.ServiceSpecificCredentialId)
            .Value("ServiceName", credential.ServiceName);
}
