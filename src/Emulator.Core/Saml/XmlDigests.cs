using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Security.Cryptography.Xml;

namespace Emulator.Core.Saml;

/// <summary>
/// The SHA digests an XML signature may name, registered with CryptoConfig under their XML-DSig URIs,
/// and the RSA PKCS#1 signature formatters under the names SignedXml asks for.
/// SignedXml creates a reference's digest by name through CryptoConfig, whose built-in name table
/// resolves types by reflection; a trimmed (Native AOT) binary has no such types left, and every
/// signature then fails with "Could not create hash algorithm object" (or a null formatter). Registering types
/// keeps them, so signing and verification behave the same under JIT and AOT (CryptoConfig only takes
/// public types, hence public here).
/// </summary>
public static class XmlDigests
{
    private static readonly bool Registered = Register();

    /// <summary>Makes sure the digests are registered (idempotent; the registration runs once per process).</summary>
    public static void EnsureRegistered() => _ = Registered;

    /// <summary>CryptoConfig finds the constructor by reflection; the dependencies keep it in a trimmed binary.</summary>
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(Sha1))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(Sha256))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(Sha384))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(Sha512))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(RSAPKCS1SignatureFormatter))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(RSAPKCS1SignatureDeformatter))]
    private static bool Register()
    {
        // The RSA signature descriptions ask CryptoConfig for their formatter by assembly-qualified type name.
        CryptoConfig.AddAlgorithm(typeof(RSAPKCS1SignatureFormatter), typeof(RSAPKCS1SignatureFormatter).AssemblyQualifiedName!);
        CryptoConfig.AddAlgorithm(typeof(RSAPKCS1SignatureDeformatter), typeof(RSAPKCS1SignatureDeformatter).AssemblyQualifiedName!);
        CryptoConfig.AddAlgorithm(typeof(Sha1), SignedXml.XmlDsigSHA1Url);
        CryptoConfig.AddAlgorithm(typeof(Sha256), SignedXml.XmlDsigSHA256Url);
        CryptoConfig.AddAlgorithm(typeof(Sha384), SignedXml.XmlDsigSHA384Url);
        CryptoConfig.AddAlgorithm(typeof(Sha512), SignedXml.XmlDsigSHA512Url);
        return true;
    }

    /// <summary>A HashAlgorithm over IncrementalHash, so no obsolete *Managed type is needed.</summary>
    public abstract class Digest(HashAlgorithmName name, int bits) : HashAlgorithm
    {
        private IncrementalHash hash = IncrementalHash.CreateHash(name);

        public override int HashSize => bits;

        public override void Initialize()
        {
            hash.Dispose();
            hash = IncrementalHash.CreateHash(name);
        }

        protected override void HashCore(byte[] array, int ibStart, int cbSize) => hash.AppendData(array, ibStart, cbSize);

        protected override void HashCore(ReadOnlySpan<byte> source) => hash.AppendData(source);

        protected override byte[] HashFinal() => hash.GetHashAndReset();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    public sealed class Sha1() : Digest(HashAlgorithmName.SHA1, 160);

    public sealed class Sha256() : Digest(HashAlgorithmName.SHA256, 256);

    public sealed class Sha384() : Digest(HashAlgorithmName.SHA384, 384);

    public sealed class Sha512() : Digest(HashAlgorithmName.SHA512, 512);
}
