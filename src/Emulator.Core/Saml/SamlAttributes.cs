namespace Emulator.Core.Saml;

/// <summary>The attribute names AWS reads from a SAML assertion, and the endpoint it is presented to.</summary>
public static class SamlAttributes
{
    public const string Role = "https://aws.amazon.com/SAML/Attributes/Role";
    public const string RoleSessionName = "https://aws.amazon.com/SAML/Attributes/RoleSessionName";
    public const string SessionDuration = "https://aws.amazon.com/SAML/Attributes/SessionDuration";
    public const string SourceIdentity = "https://aws.amazon.com/SAML/Attributes/SourceIdentity";

    /// <summary>Session tags: one attribute per tag, named with this prefix and the tag key.</summary>
    public const string PrincipalTagPrefix = "https://aws.amazon.com/SAML/Attributes/PrincipalTag:";

    public const string TransitiveTagKeys = "https://aws.amazon.com/SAML/Attributes/TransitiveTagKeys";

    /// <summary>AWS's sign-in endpoint: the audience and recipient AWS documents for SAML assertions.</summary>
    public const string SignInEndpoint = "https://signin.aws.amazon.com/saml";

    public const string PersistentFormat = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
}
