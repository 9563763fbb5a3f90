using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Emulator.Core.Saml;

/// <summary>
/// What IAM reads from an identity provider's SAML 2.0 metadata: its entity id (the issuer of its
/// assertions), the certificates it signs with, and how long the metadata is valid.
/// </summary>
public sealed record SamlMetadata(string EntityId, IReadOnlyList<string> SigningCertificates, DateTimeOffset? ValidUntil)
{
    /// <summary>
    /// The metadata of an EntityDescriptor with an IDPSSODescriptor holding at least one signing
    /// X.509 certificate (a KeyDescriptor with use="signing" or no use); null for anything else,
    /// which IAM refuses with "Could not parse metadata".
    /// </summary>
    public static SamlMetadata? Parse(string text)
    {
        var document = SamlXml.Load(text);
        var root = document?.DocumentElement;
        if (root is null || root.LocalName != "EntityDescriptor" || root.NamespaceURI != SamlXml.Metadata
            || root.GetAttribute("entityID") is not { Length: > 0 } entityId)
        {
            return null;
        }

        var certificates = new List<string>();
        foreach (var descriptor in SamlXml.Children(root, SamlXml.Metadata, "IDPSSODescriptor"))
        {
            foreach (var key in SamlXml.Children(descriptor, SamlXml.Metadata, "KeyDescriptor"))
            {
                if (key.GetAttribute("use") is not ("" or "signing"))
                {
                    continue;
                }

                foreach (var keyInfo in SamlXml.Children(key, SamlXml.Signature, "KeyInfo"))
                {
                    foreach (var data in SamlXml.Children(keyInfo, SamlXml.Signature, "X509Data"))
                    {
                        foreach (var certificate in SamlXml.Children(data, SamlXml.Signature, "X509Certificate"))
                        {
                            certificates.Add(Certificate(certificate.InnerText) ?? "");
                        }
                    }
                }
            }
        }

        if (certificates.Count == 0 || certificates.Contains(""))
        {
            return null;
        }

        var validUntil = root.HasAttribute("validUntil") ? SamlXml.Time(root, "validUntil") : null;
        if (root.HasAttribute("validUntil") && validUntil is null)
        {
            return null;
        }

        return new SamlMetadata(entityId, certificates.Distinct(StringComparer.Ordinal).ToList(), validUntil);
    }

    /// <summary>The certificate's base64 DER without whitespace, or null when it is not a certificate with an RSA key.</summary>
    private static string? Certificate(string base64)
    {
        var compact = string.Concat(base64.Where(c => !char.IsWhiteSpace(c)));
        try
        {
            using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(compact));
            using var key = certificate.GetRSAPublicKey();
            return key is null ? null : compact;
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return null;
        }
    }
}
