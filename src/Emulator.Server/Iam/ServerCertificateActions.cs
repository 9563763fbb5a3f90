using Emulator.Core.Iam;
using Emulator.Core.Iam.ServerCertificates;
using Emulator.Server.Pipeline;
using Emulator.Server.Protocol;
using static Emulator.Server.Iam.IamActions;

namespace Emulator.Server.Iam;

/// <summary>Action-table entries for IAM server certificates. The private key goes in and never comes out.</summary>
public static class ServerCertificateActions
{
    public static IEnumerable<AwsOperation> All(IamService iam)
    {
        var certificates = iam.ServerCertificates;
        string Resource(OperationContext c) => c["ServerCertificateName"] is { } name
            ? certificates.ArnOf(c.AccountId, name) ?? c.Arn("server-certificate", c["Path"], name)
            : "*";

        yield return Op("UploadServerCertificate", Resource, (c, w) =>
        {
            var certificate = certificates.Upload(c.AccountId, c["Path"], c["ServerCertificateName"], c["CertificateBody"], c["PrivateKey"],
                c["CertificateChain"], c.Parameters.Tags());
            w.Object("ServerCertificateMetadata", m => Metadata(m, certificate));
            IamXml.Tags(w, certificate.Tags, omitWhenEmpty: true);
        });
        yield return Op("GetServerCertificate", Resource, (c, w) =>
        {
            var certificate = certificates.Get(c.AccountId, c["ServerCertificateName"]);
            w.Object("ServerCertificate", s =>
            {
                s.Object("ServerCertificateMetadata", m => Metadata(m, certificate)).Value("CertificateBody", certificate.CertificateBody);
                if (certificate.CertificateChain is not null)
                {
                    s.Value("CertificateChain", certificate.CertificateChain);
                }

                IamXml.Tags(s, certificate.Tags);
            });
        });
        yield return Op("ListServerCertificates", c => IamResources.PathPrefix(c, "server-certificate"), (c, w) =>
        {
            var page = certificates.List(c.AccountId, c["PathPrefix"], c["Marker"], MaxItems(c));
            w.List("ServerCertificateMetadataList", page.Items, Metadata);
            IamXml.Paging(w, page);
        });
        yield return Op("UpdateServerCertificate", Resource, (c, w) =>
            certificates.Update(c.AccountId, c["ServerCertificateName"], c["NewPath"], c["NewServerCertificateName"]));
        yield return Op("DeleteServerCertificate", Resource, (c, w) =>
            certificates.Delete(c.AccountId, c["ServerCertificateName"]));
        yield return Op("TagServerCertificate", Resource, (c, w) =>
            certificates.Tag(c.AccountId, c["ServerCertificateName"], c.Parameters.Tags()));
        yield return Op("UntagServerCertificate", Resource, (c, w) =>
            certificates.Untag(c.AccountId, c["ServerCertificateName"], c.Parameters.List("TagKeys")));
        yield return Op("ListServerCertificateTags", Resource, (c, w) =>
        {
            var page = certificates.ListTags(c.AccountId, c["ServerCertificateName"], c["Marker"], MaxItems(c));
            IamXml.Tags(w, page.Items);
            IamXml.Paging(w, page);
        });
    }

    private static void Metadata(QueryXmlWriter m, ServerCertificate certificate) =>
        m.Value("Path", certificate.Path).Value("ServerCertificateName", certificate.ServerCertificateName)
            .Value("ServerCertificateId", certificate.ServerCertificateId).Value("Arn", certificate.Arn)
            .Value("UploadDate", certificate.UploadDate).Value("Expiration", certificate.Expiration);
}
