namespace Emulator.Policy;

/// <summary>
/// A validated policy, compiled once when it is written; evaluation never sees its JSON again.
/// Instances are immutable and safe to share between threads.
/// </summary>
public sealed class PolicyDocument
{
    /// <summary>The version that turns on policy variables; the older one leaves <c>${…}</c> as literal text.</summary>
    public const string CurrentVersion = "2012-10-17";

    /// <summary>The original policy language version, still accepted for inline and trust policies.</summary>
    public const string LegacyVersion = "2008-10-17";

    internal PolicyDocument(string text, PolicyKind kind, string version, string? id, PolicyStatement[] statements, PolicyPrincipal[] principals, ServiceTable services)
    {
        Text = text;
        Kind = kind;
        Version = version;
        Id = id;
        CompiledStatements = statements;
        Services = services;
        Principals = principals;
        SizeWithoutWhitespace = CountNonWhitespace(text);
    }

    /// <summary>The document exactly as submitted (IAM returns it as written).</summary>
    public string Text { get; }

    /// <summary>The grammar the document was validated against.</summary>
    public PolicyKind Kind { get; }

    /// <summary><c>2012-10-17</c>, <c>2008-10-17</c>, or empty when the document has no Version.</summary>
    public string Version { get; }

    /// <summary>The optional top-level <c>Id</c>.</summary>
    public string? Id { get; }

    public IReadOnlyList<PolicyStatement> Statements => CompiledStatements;

    /// <summary>Every principal under <c>Principal</c>/<c>NotPrincipal</c> of every statement, in document order.</summary>
    /// <remarks>The caller checks these exist (IAM refuses a trust policy naming a missing user or role).</remarks>
    public IReadOnlyList<PolicyPrincipal> Principals { get; }

    /// <summary>The size IAM counts for its quotas: every character except whitespace, inside strings or not.</summary>
    public int SizeWithoutWhitespace { get; }

    /// <summary>True when <c>${…}</c> policy variables are substituted (Version 2012-10-17).</summary>
    public bool SubstitutesVariables => Version == CurrentVersion;

    /// <summary>The statements as an array, so the evaluator's loop is a plain indexed walk.</summary>
    internal PolicyStatement[] CompiledStatements { get; }

    /// <summary>The services the statements' actions name, numbered for the evaluator.</summary>
    internal ServiceTable Services { get; }

    private static int CountNonWhitespace(string text)
    {
        var count = 0;
        foreach (var character in text)
        {
            if (!char.IsWhiteSpace(character))
            {
                count++;
            }
        }

        return count;
    }
}
