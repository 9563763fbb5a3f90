namespace Emulator.Policy;

/// <summary>The outcome of <see cref="PolicyParser.Parse"/>: a compiled document, or IAM's MalformedPolicyDocument message.</summary>
public sealed record PolicyParseResult(PolicyDocument? Document, string? Error)
{
    public bool IsValid => Document is not null;

    internal static PolicyParseResult Failure(string error) => new(null, error);
}
