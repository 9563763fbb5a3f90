using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace Emulator.Core.Saml;

/// <summary>
/// Enveloped XML signatures over one SAML element (an Assertion or a Response), made and checked
/// so that what is verified is exactly the element that is then read: the signature must sit in
/// that element, its single reference must name that element's ID, and the ID must be unique in
/// the document. Anything else (a signature over some other copy, the classic wrapping attack) fails.
/// </summary>
public static class SamlSignature
{
    private static readonly HashSet<string> AllowedTransforms = new(
        [SignedXml.XmlDsigEnvelopedSignatureTransformUrl, SignedXml.XmlDsigExcC14NTransformUrl, SignedXml.XmlDsigExcC14NWithCommentsTransformUrl,
            SignedXml.XmlDsigC14NTransformUrl, SignedXml.XmlDsigC14NWithCommentsTransformUrl], StringComparer.Ordinal);

    /// <summary>
    /// Every algorithm a signature may name: canonicalizations and the enveloped transform, RSA
    /// PKCS#1 signatures and SHA digests (what SAML identity providers use; AWS accepts SHA-1 and SHA-256).
    /// </summary>
    private static readonly HashSet<string> AllowedAlgorithms = new(
        [.. AllowedTransforms, SignedXml.XmlDsigRSASHA1Url, SignedXml.XmlDsigRSASHA256Url, SignedXml.XmlDsigRSASHA384Url, SignedXml.XmlDsigRSASHA512Url,
            SignedXml.XmlDsigSHA1Url, SignedXml.XmlDsigSHA256Url, SignedXml.XmlDsigSHA384Url, SignedXml.XmlDsigSHA512Url], StringComparer.Ordinal);

    /// <summary>Signs <paramref name="element"/> (which must have an ID and be in its document) with RSA-SHA256, the signature placed after <paramref name="after"/>.</summary>
    public static void Sign(XmlElement element, XmlElement after, RSA key, X509Certificate2 certificate)
    {
        var signed = NewSignedXml(element);
        signed.SigningKey = key;
        signed.SignedInfo!.CanonicalizationMethod = SignedXml.XmlDsigExcC14NTransformUrl;
        signed.SignedInfo.SignatureMethod = SignedXml.XmlDsigRSASHA256Url;
        var reference = new Reference("#" + element.GetAttribute("ID")) { DigestMethod = SignedXml.XmlDsigSHA256Url };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigExcC14NTransform());
        signed.AddReference(reference);
        var keyInfo = new KeyInfo();
        keyInfo.AddClause(new KeyInfoX509Data(certificate));
        signed.KeyInfo = keyInfo;
        signed.ComputeSignature();
        element.InsertAfter(element.OwnerDocument.ImportNode(signed.GetXml(), true), after);
    }

    /// <summary>Whether <paramref name="element"/> carries its own signature, in any form.</summary>
    public static bool IsSigned(XmlElement element) => SamlXml.Children(element, SamlXml.Signature, "Signature").Any();

    /// <summary>
    /// True when <paramref name="element"/> holds exactly one signature, whose one reference is the
    /// element itself (by an ID no other element shares) with only canonicalization and enveloped
    /// transforms, and which verifies with the RSA key of one of <paramref name="certificates"/> (base64 DER).
    /// </summary>
    public static bool Verifies(XmlElement element, IReadOnlyList<string> certificates)
    {
        if (SamlXml.Single(element, SamlXml.Signature, "Signature") is not { } signature)
        {
            return false;
        }

        var id = element.GetAttribute("ID");
        if (id.Length == 0 || CountIds(element.OwnerDocument.DocumentElement!, id) != 1)
        {
            return false;
        }

        if (!NamesOnlyAllowedAlgorithms(signature))
        {
            return false;
        }

        var signed = NewSignedXml(element);
        try
        {
            signed.LoadXml(signature);
        }
        catch (CryptographicException)
        {
            return false;
        }

        if (signed.SignedInfo!.References.Count != 1 || signed.SignedInfo.References[0] is not Reference reference
            || reference.Uri != "#" + id
            || reference.TransformChain.Count > 2
            || Enumerable.Range(0, reference.TransformChain.Count).Any(i => !AllowedTransforms.Contains(reference.TransformChain[i].Algorithm!)))
        {
            return false;
        }

        foreach (var certificate in certificates)
        {
            using var parsed = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(certificate));
            using var key = parsed.GetRSAPublicKey();
            try
            {
                if (key is not null && signed.CheckSignature(key))
                {
                    return true;
                }
            }
            catch (CryptographicException)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Whether every Algorithm attribute inside the signature (canonicalization, signature method, transforms, digests) is one of ours.</summary>
    private static bool NamesOnlyAllowedAlgorithms(XmlElement signature) =>
        signature.SelectNodes("descendant-or-self::*[@Algorithm]")!.OfType<XmlElement>().All(e => AllowedAlgorithms.Contains(e.GetAttribute("Algorithm")));

    /// <summary>
    /// SignedXml is marked as unsafe for trimming and Native AOT because a signature names its
    /// algorithms by URI and the library creates them by name: the well-known ones with <c>new</c>,
    /// unknown ones through CryptoConfig (reflection), and XSLT transforms with dynamic code. Here it
    /// only ever meets algorithms from <see cref="AllowedAlgorithms"/>: signing uses fixed ones, and
    /// <see cref="Verifies"/> refuses a signature naming any other before SignedXml reads it. So no
    /// XSLT transform is ever created, and a name trimming could break fails verification (closed).
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026:RequiresUnreferencedCode",
        Justification = "Only allow-listed algorithm URIs reach SignedXml (checked before LoadXml); an unresolvable one fails verification.")]
    [UnconditionalSuppressMessage("AOT", "IL3050:RequiresDynamicCode",
        Justification = "The XSLT transform, the only dynamic-code path, is not in the allow-list checked before LoadXml.")]
    private static SignedXml NewSignedXml(XmlElement element)
    {
        XmlDigests.EnsureRegistered();
        return new(element);
    }

    /// <summary>How many elements of the document carry this value as an ID (the attribute names SignedXml resolves references by).</summary>
    private static int CountIds(XmlElement root, string id)
    {
        var count = 0;
        foreach (var element in root.SelectNodes("descendant-or-self::*")!.OfType<XmlElement>())
        {
            if (element.GetAttribute("ID") == id || element.GetAttribute("Id") == id || element.GetAttribute("id") == id)
            {
                count++;
            }
        }

        return count;
    }
}
