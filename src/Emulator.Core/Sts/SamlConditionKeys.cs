namespace Emulator.Core.Sts;

/// <summary>
/// The saml:* condition keys AWS derives from a verified assertion for the role's trust policy:
/// saml:aud (the Recipient, not the Audience), saml:iss, saml:sub, saml:sub_type,
/// saml:namequalifier, saml:doc (account/provider name), and the directory attributes AWS knows by
/// their OID names (eduPerson, eduOrg, cn, mail, uid…).
/// </summary>
public static class SamlConditionKeys
{
    public static IReadOnlyList<string> Modelled { get; } =
    [
        "saml:aud", "saml:iss", "saml:sub", "saml:sub_type", "saml:namequalifier", "saml:doc", .. AttributeKeys().Values,
    ];

    /// <summary>The keys of <paramref name="assertion"/> as received through the SAML provider <paramref name="providerArn"/>.</summary>
    public static Dictionary<string, IReadOnlyList<string>> For(SamlAssertion assertion, string providerArn)
    {
        var accountId = Emulator.Policy.Arn.Parse(providerArn)?.Account ?? string.Empty;
        var keys = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["saml:aud"] = [assertion.Recipient],
            ["saml:iss"] = [assertion.Issuer],
            ["saml:sub"] = [assertion.Subject],
            ["saml:sub_type"] = [assertion.SubjectType],
            ["saml:namequalifier"] = [assertion.NameQualifier],
            ["saml:doc"] = [$"{accountId}/{providerArn[(providerArn.LastIndexOf('/') + 1)..]}"],
        };
        foreach (var (oid, key) in AttributeKeys())
        {
            if (assertion.Attributes.TryGetValue(oid, out var values) && values.Count > 0)
            {
                keys[key] = values;
            }
        }

        return keys;
    }

    private static Dictionary<string, string> AttributeKeys() => new(StringComparer.Ordinal)
    {
        ["urn:oid:1.3.6.1.4.1.5923.1.1.1.1"] = "saml:edupersonaffiliation",
        ["urn:oid:1.3.6.1.4.1.5923.1.1.1.2"] = "saml:edupersonnickname",
        ["urn:oid:1.3.6.1.4.1.5923.1.1.1.3"] = "saml:edupersonorgdn",
        ["urn:oid:1.3.6.1.4.1.5923.1.1.1.4"] = "saml:edupersonorgunitdn",
        ["urn:oid:1.3.6.1.4.1.5923.1.1.1.5"] = "saml:edupersonprimaryaffiliation",
        ["urn:oid:1.3.6.1.4.1.5923.1.1.1.6"] = "saml:edupersonprincipalname",
        ["urn:oid:1.3.6.1.4.1.5923.1.1.1.7"] = "saml:edupersonentitlement",
        ["urn:oid:1.3.6.1.4.1.5923.1.1.1.8"] = "saml:edupersonprimaryorgunitdn",
        ["urn:oid:1.3.6.1.4.1.5923.1.1.1.9"] = "saml:edupersonscopedaffiliation",
        ["urn:oid:1.3.6.1.4.1.5923.1.1.1.10"] = "saml:edupersontargetedid",
        ["urn:oid:1.3.6.1.4.1.5923.1.1.1.11"] = "saml:edupersonassurance",
        ["urn:oid:1.3.6.1.4.1.5923.1.2.1.2"] = "saml:eduorghomepageuri",
        ["urn:oid:1.3.6.1.4.1.5923.1.2.1.3"] = "saml:eduorgidentityauthnpolicyuri",
        ["urn:oid:1.3.6.1.4.1.5923.1.2.1.4"] = "saml:eduorglegalname",
        ["urn:oid:1.3.6.1.4.1.5923.1.2.1.5"] = "saml:eduorgsuperioruri",
        ["urn:oid:1.3.6.1.4.1.5923.1.2.1.6"] = "saml:eduorgwhitepagesuri",
        ["urn:oid:2.5.4.3"] = "saml:cn",
        ["urn:oid:2.5.4.4"] = "saml:surname",
        ["urn:oid:2.5.4.41"] = "saml:name",
        ["urn:oid:2.5.4.42"] = "saml:givenName",
        ["urn:oid:2.5.4.45"] = "saml:x500UniqueIdentifier",
        ["urn:oid:0.9.2342.19200300.100.1.1"] = "saml:uid",
        ["urn:oid:0.9.2342.19200300.100.1.3"] = "saml:mail",
    };
}
