using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Emulator.Core.Errors;

namespace Emulator.Core.Iam.ServerCertificates;

/// <summary>
/// What UploadServerCertificate checks of its PEM inputs, in IAM's order: the certificate parses and has not expired,
/// the private key parses and is the certificate's, and the chain starts with the certificate's issuer, each
/// certificate followed by the one that issued it.
/// </summary>
public static class ServerCertificatePem
{
    /// <summary>The certificate's NotAfter, once every check passed.</summary>
    public static DateTimeOffset Validate(string body, string privateKey, string? chain, DateTimeOffset now)
    {
        using var certificate = ParseCertificate(body);
        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        if (notAfter < now)
        {
            throw Malformed("Certificate is no longer valid. The 'Not After' date restriction on the certificate has passed.");
        }

        var keyInfo = PublicKeyOf(privateKey);
        if (!keyInfo.AsSpan().SequenceEqual(certificate.PublicKey.ExportSubjectPublicKeyInfo()))
        {
            throw new AwsError("KeyPairMismatch", "The public key certificate and the private key do not match.", 400).ToException();
        }

        if (chain is not null)
        {
            ValidateChain(certificate, chain);
        }

        return notAfter;
    }

    private static X509Certificate2 ParseCertificate(string body)
    {
        try
        {
            return X509Certificate2.CreateFromPem(body);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw Malformed("Unable to parse certificate. Please ensure the certificate is in PEM format.");
        }
    }

    /// <summary>The SubjectPublicKeyInfo of an unencrypted RSA or EC private key (PKCS#1, SEC 1 or PKCS#8 PEM).</summary>
    private static byte[] PublicKeyOf(string privateKey)
    {
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(privateKey);
            return rsa.ExportSubjectPublicKeyInfo();
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            // not an RSA key: try EC below
        }

        try
        {
            using var ec = ECDsa.Create();
            ec.ImportFromPem(privateKey);
            return ec.ExportSubjectPublicKeyInfo();
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw Malformed("Unable to parse private key. Please ensure the private key is in PEM format and is not encrypted.");
        }
    }

    private static void ValidateChain(X509Certificate2 certificate, string chain)
    {
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPem(chain);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw Malformed("Unable to parse certificate chain. Please ensure the certificate chain is in PEM format.");
        }

        try
        {
            if (certificates.Count == 0)
            {
                throw Malformed("Unable to parse certificate chain. Please ensure the certificate chain is in PEM format.");
            }

            var issued = certificate;
            for (var i = 0; i < certificates.Count; i++)
            {
                if (!issued.IssuerName.RawData.AsSpan().SequenceEqual(certificates[i].SubjectName.RawData))
                {
                    throw Malformed("Unable to validate certificate chain. The certificate chain must start with the immediate signing certificate, "
                        + $"followed by any intermediaries in order. The index within the chain of the invalid certificate is: {i}");
                }

                issued = certificates[i];
            }
        }
        finally
        {
            foreach (var member in certificates)
            {
                member.Dispose();
            }
        }
    }

    private static AwsException Malformed(string message) => new AwsError("MalformedCertificate", message, 400).ToException();
}
