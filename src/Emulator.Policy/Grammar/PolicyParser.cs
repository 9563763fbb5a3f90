namespace Emulator.Policy;

/// <summary>Validates a policy document with IAM's grammar and compiles it for evaluation.</summary>
public static class PolicyParser
{
    /// <summary>
    /// Parses <paramref name="document"/> as a policy of the given kind. Never throws: on failure the result's
    /// <see cref="PolicyParseResult.Error"/> is IAM's MalformedPolicyDocument message for the first failing stage.
    /// </summary>
    public static PolicyParseResult Parse(string document, PolicyKind kind)
    {
        if (document is null)
        {
            return PolicyParseResult.Failure(PolicyGrammarMessages.SyntaxErrors);
        }

        if (PolicyJsonReader.Read(document, out var invalidJson) is not { } raw)
        {
            return PolicyParseResult.Failure(invalidJson ? PolicyGrammarMessages.InvalidJson : PolicyGrammarMessages.SyntaxErrors);
        }

        if (GrammarValidator.Validate(raw, kind) is { } error)
        {
            return PolicyParseResult.Failure(error);
        }

        return new PolicyParseResult(PolicyCompiler.Compile(raw, kind, document), null);
    }

    /// <summary>
    /// IAM's message for the first resource of a parsed policy whose partition is not <paramref name="partition"/>
    /// (<c>Partition "aws" is not valid for resource "arn:aws:s3:::bucket".</c> in <c>aws-cn</c>), or null.
    /// </summary>
    public static string? PartitionError(PolicyDocument document, string partition)
    {
        foreach (var statement in document.Statements)
        {
            foreach (var resource in statement.Resources)
            {
                if (ResourceFormat.PartitionError(resource, partition) is { } error)
                {
                    return error;
                }
            }
        }

        return null;
    }
}
