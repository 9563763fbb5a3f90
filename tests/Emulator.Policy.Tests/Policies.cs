namespace Emulator.Policy.Tests;

/// <summary>Builds policy documents and sources for tests.</summary>
internal static class Policies
{
    public static PolicyDocument Parse(string json, PolicyKind kind = PolicyKind.Identity)
    {
        var result = PolicyParser.Parse(json, kind);
        result.Error.Should().BeNull(because: "the test policy should be valid: {0}", json);
        return result.Document!;
    }

    public static string? ErrorOf(string json, PolicyKind kind = PolicyKind.Managed) => PolicyParser.Parse(json, kind).Error;

    /// <summary>A policy with one statement (given as a JSON object) or several (comma-separated objects).</summary>
    public static string WithStatement(string statements, string version = "2012-10-17") =>
        $$"""{"Version":"{{version}}","Statement":[{{statements}}]}""";

    public static string Allow(string action, string resource = "*") =>
        WithStatement($$"""{"Effect":"Allow","Action":"{{action}}","Resource":"{{resource}}"}""");

    public static string Deny(string action, string resource = "*") =>
        WithStatement($$"""{"Effect":"Deny","Action":"{{action}}","Resource":"{{resource}}"}""");

    public static PolicySource Identity(string json, string id = "arn:aws:iam::111122223333:policy/identity") =>
        new(id, PolicySetType.Identity, Parse(json));

    public static PolicySource Boundary(string json, string id = "arn:aws:iam::111122223333:policy/boundary") =>
        new(id, PolicySetType.PermissionsBoundary, Parse(json, PolicyKind.Managed));

    public static PolicySource Session(string json, string id = "session-policy") =>
        new(id, PolicySetType.Session, Parse(json, PolicyKind.Session));

    public static PolicySource Trust(string json, string id = "role/trust-policy") =>
        new(id, PolicySetType.Resource, Parse(json, PolicyKind.Trust));

    /// <summary>A trust policy allowing <c>sts:AssumeRole</c> to one principal, e.g. <c>"AWS":"111122223333"</c>.</summary>
    public static string TrustAllowing(string principal) =>
        WithStatement($$"""{"Effect":"Allow","Principal":{{{principal}}},"Action":"sts:AssumeRole"}""");
}
