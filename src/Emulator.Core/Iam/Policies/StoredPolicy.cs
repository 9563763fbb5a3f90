using Emulator.Policy;

namespace Emulator.Core.Iam.Policies;

/// <summary>
/// A policy document kept twice: the text exactly as submitted (IAM returns it verbatim) and its compiled form.
/// AWS managed policies compile on first use (<see cref="Deferred"/>), so listing the catalogue compiles nothing.
/// </summary>
public sealed record StoredPolicy
{
    private readonly PolicyDocument? document;
    private readonly Lazy<PolicyDocument>? deferred;

    public StoredPolicy(string text, PolicyDocument document)
    {
        Text = text;
        this.document = document;
    }

    private StoredPolicy(string text, Lazy<PolicyDocument> deferred)
    {
        Text = text;
        this.deferred = deferred;
    }

    public string Text { get; }

    public PolicyDocument Document => document ?? deferred!.Value;

    /// <summary>A document known to be valid whose compilation waits for its first use.</summary>
    public static StoredPolicy Deferred(string text, Func<PolicyDocument> compile) =>
        new(text, new Lazy<PolicyDocument>(compile, LazyThreadSafetyMode.ExecutionAndPublication));
}
