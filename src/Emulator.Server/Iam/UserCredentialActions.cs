using Emulator.Core.Iam;
using Emulator.Server.Pipeline;
using static Emulator.Server.Iam.IamActions;

namespace Emulator.Server.Iam;

/// <summary>Action-table entries for a user's SSH public keys and signing certificates.</summary>
public static class UserCredentialActions
{
    public static IEnumerable<AwsOperation> All(IamService iam, IamResources resources)
    {
        var ssh = iam.SshPublicKeys;
        yield return Op("UploadSSHPublicKey", c => resources.User(c), (c, w) =>
        {
            var key = ssh.Upload(c.AccountId, c["UserName"], c["SSHPublicKeyBody"]);
            w.Object("SSHPublicKey", k => k.Value("UserName", key.UserName).Value("SSHPublicKeyId", key.SshPublicKeyId)
                .Value("Fingerprint", key.Fingerprint).Value("SSHPublicKeyBody", key.OpenSshBody).Value("Status", key.Status).Value("UploadDate", key.UploadDate));
        });
        yield return Op("GetSSHPublicKey", c => resources.User(c), (c, w) =>
        {
            var (key, body) = ssh.Get(c.AccountId, c["UserName"], c["SSHPublicKeyId"], c["Encoding"]);
            w.Object("SSHPublicKey", k => k.Value("UserName", key.UserName).Value("SSHPublicKeyId", key.SshPublicKeyId)
                .Value("Fingerprint", key.Fingerprint).Value("SSHPublicKeyBody", body).Value("Status", key.Status).Value("UploadDate", key.UploadDate));
        });
        yield return Op("ListSSHPublicKeys", c => resources.User(c), (c, w) =>
        {
            var page = ssh.List(c.AccountId, c.UserNameOrCaller, c["Marker"], MaxItems(c));
            w.List("SSHPublicKeys", page.Items, (k, key) => k.Value("UserName", key.UserName).Value("SSHPublicKeyId", key.SshPublicKeyId)
                .Value("Status", key.Status).Value("UploadDate", key.UploadDate));
            IamXml.Paging(w, page);
        });
        yield return Op("UpdateSSHPublicKey", c => resources.User(c), (c, w) =>
            ssh.Update(c.AccountId, c["UserName"], c["SSHPublicKeyId"], c["Status"]));
        yield return Op("DeleteSSHPublicKey", c => resources.User(c), (c, w) =>
            ssh.Delete(c.AccountId, c["UserName"], c["SSHPublicKeyId"]));

        var certificates = iam.SigningCertificates;
        yield return Op("UploadSigningCertificate", c => resources.User(c), (c, w) =>
        {
            var certificate = certificates.Upload(c.AccountId, c.UserNameOrCaller, c["CertificateBody"]);
            w.Object("Certificate", x => Certificate(x, certificate));
        });
        yield return Op("ListSigningCertificates", c => resources.User(c), (c, w) =>
        {
            var page = certificates.List(c.AccountId, c.UserNameOrCaller, c["Marker"], MaxItems(c));
            w.List("Certificates", page.Items, Certificate);
            IamXml.Paging(w, page);
        });
        yield return Op("UpdateSigningCertificate", c => resources.User(c), (c, w) =>
            certificates.Update(c.AccountId, c.UserNameOrCaller, c["CertificateId"], c["Status"]));
        yield return Op("DeleteSigningCertificate", c => resources.User(c), (c, w) =>
            certificates.Delete(c.AccountId, c.UserNameOrCaller, c["CertificateId"]));
    }

    private static void Certificate(Protocol.QueryXmlWriter x, Core.Iam.UserCredentials.SigningCertificate certificate)
    {
        if (certificate.UserName is not null)
        {
            x.Value("UserName", certificate.UserName);
        }

        x.Value("CertificateId", certificate.CertificateId).Value("CertificateBody", certificate.CertificateBody)
            .Value("Status", certificate.Status).Value("UploadDate", certificate.UploadDate);
    }
}
