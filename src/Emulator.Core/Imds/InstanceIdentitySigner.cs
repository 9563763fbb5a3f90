using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Emulator.Core.Imds;

/// <summary>
/// Signs instance identity documents as AWS does (<c>signature</c>: a bare RSA signature; <c>pkcs7</c> and
/// <c>rsa2048</c>: PKCS#7 SignedData with the document inside and no certificate, verified against the
/// published one). The key and its self-signed certificate are made per process: the emulator is not
/// AWS, so nothing should verify against AWS's regional certificates.
/// </summary>
public sealed class InstanceIdentitySigner : IDisposable
{
    private readonly RSA key;
    private readonly X509Certificate2 certificate;

    /// <param name="privateKey">PKCS#8 (<see cref="NewKey"/>), kept by the store: identity documents verify across restarts and replicas.</param>
    public InstanceIdentitySigner(TimeProvider clock, byte[] privateKey)
    {
        key = RSA.Create();
        key.ImportPkcs8PrivateKey(privateKey, out _);
        var request = new CertificateRequest("CN=Emulator EC2 instance identity, O=Local AWS emulator", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = clock.GetUtcNow();
        // Wide validity: users move the emulator clock by years in expiry tests.
        certificate = request.CreateSelfSigned(now.AddYears(-30), now.AddYears(30));
        CertificatePem = certificate.ExportCertificatePem();
    }

    /// <summary>A new 2048-bit RSA key as PKCS#8.</summary>
    public static byte[] NewKey()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKey();
    }

    /// <summary>The certificate (PEM) that verifies every signature this process makes.</summary>
    public string CertificatePem { get; }

    /// <summary><c>signature</c>: base64 RSA-SHA256 (PKCS#1 v1.5) over the document's bytes.</summary>
    public string Signature(string document) =>
        Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(document), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    /// <summary><c>pkcs7</c>/<c>rsa2048</c>: base64 DER of a SignedData over the document, in 64-character lines without a PEM header.</summary>
    public string Pkcs7(string document)
    {
        var cms = new SignedCms(new ContentInfo(Encoding.UTF8.GetBytes(document)));
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate, key)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
            IncludeOption = X509IncludeOption.None,
        };
        cms.ComputeSignature(signer);
        var base64 = Convert.ToBase64String(cms.Encode());
        return string.Join('\n', base64.Chunk(64).Select(chunk => new string(chunk)));
    }

    public void Dispose()
    {
        certificate.Dispose();
        key.Dispose();
    }
}
