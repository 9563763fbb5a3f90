namespace Emulator.Core.Saml;

/// <summary>What the built-in identity provider puts into a SAML response it signs.</summary>
/// <param name="Roles">Values of the AWS Role attribute, each "role ARN,provider ARN".</param>
/// <param name="RoleSessionName">The AWS RoleSessionName attribute; null leaves it out (AWS then refuses the assertion).</param>
/// <param name="Attributes">Other attributes by name (e.g. urn:oid:0.9.2342.19200300.100.1.3 for mail), each with its values.</param>
/// <param name="SessionDuration">The AWS SessionDuration attribute (console sessions), when set.</param>
public sealed record SamlAssertionRequest(
    string Subject,
    string NameIdFormat,
    IReadOnlyList<string> Roles,
    string? RoleSessionName,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Attributes,
    int? SessionDuration,
    string Audience,
    string Recipient,
    TimeSpan Lifetime);
