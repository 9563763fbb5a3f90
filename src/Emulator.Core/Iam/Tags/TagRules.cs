using System.Collections.Immutable;
using Emulator.Core.Errors;
using Emulator.Core.Iam.Validation;

namespace Emulator.Core.Iam.Tags;

/// <summary>
/// IAM tag rules: at most 50 per entity, key 1–128, value 0–256, no "aws:" prefix. Role and user keys are
/// case-insensitive (a differently-cased key replaces the old one); the IAM User Guide lists every other
/// taggable resource (managed policies, instance profiles, OIDC providers) as case-sensitive.
/// </summary>
public static class TagRules
{
    public const int MaxTags = 50;

    public static void Validate(ParameterValidator validator, IReadOnlyList<Tag> tags, bool caseInsensitiveKeys) =>
        Validate(validator, tags, caseInsensitiveKeys, IamErrors.InvalidInput);

    /// <summary>
    /// STS session tags (AssumeRole, GetFederationToken): keys are case-insensitive, and a duplicate is
    /// InvalidParameterValue there (AWS's recorded answer), where IAM says InvalidInput.
    /// </summary>
    public static void ValidateSessionTags(ParameterValidator validator, IReadOnlyList<Tag> tags) =>
        Validate(validator, tags, caseInsensitiveKeys: true, IamErrors.InvalidParameter);

    private static void Validate(ParameterValidator validator, IReadOnlyList<Tag> tags, bool caseInsensitiveKeys, Func<string, AwsException> invalid)
    {
        validator.Check(tags.Count <= MaxTags, "tags", $"Member must have length less than or equal to {MaxTags}");
        for (var i = 0; i < tags.Count; i++)
        {
            var member = $"tags.{i + 1}.member";
            validator.Length($"{member}.key", tags[i].Key, 1, 128).Pattern($"{member}.key", tags[i].Key, ModelPattern.TagKey)
                .Length($"{member}.value", tags[i].Value, 0, 256).Pattern($"{member}.value", tags[i].Value, ModelPattern.TagValue);
        }

        validator.ThrowIfInvalid();
        var comparer = caseInsensitiveKeys ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        if (tags.Select(t => t.Key).Distinct(comparer).Count() != tags.Count)
        {
            throw invalid(caseInsensitiveKeys
                ? "Duplicate tag keys found. Please note that Tag keys are case insensitive."
                : "Duplicate tag keys found.");
        }

        if (tags.Any(t => t.Key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase)))
        {
            throw IamErrors.InvalidInput("User-defined tag keys can't start with aws:. This prefix is reserved for AWS tags.");
        }
    }

    public static ImmutableList<Tag> Apply(ImmutableList<Tag> existing, IReadOnlyList<Tag> added, bool caseInsensitiveKeys)
    {
        var comparison = caseInsensitiveKeys ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var result = existing;
        foreach (var tag in added)
        {
            var index = result.FindIndex(t => string.Equals(t.Key, tag.Key, comparison));
            result = index >= 0 ? result.SetItem(index, tag) : result.Add(tag);
        }

        return result.Count > MaxTags
            ? throw IamErrors.LimitExceeded($"The number of tags has reached the maximum limit.")
            : result;
    }

    public static ImmutableList<Tag> Remove(ImmutableList<Tag> existing, IReadOnlyList<string> keys, bool caseInsensitiveKeys)
    {
        var comparison = caseInsensitiveKeys ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return existing.RemoveAll(t => keys.Any(k => string.Equals(k, t.Key, comparison)));
    }

    public static void ValidateKeys(ParameterValidator validator, IReadOnlyList<string> keys)
    {
        validator.Check(keys.Count <= MaxTags, "tagKeys", $"Member must have length less than or equal to {MaxTags}");
        for (var i = 0; i < keys.Count; i++)
        {
            validator.Length($"tagKeys.{i + 1}.member", keys[i], 1, 128).Pattern($"tagKeys.{i + 1}.member", keys[i], ModelPattern.TagKey);
        }
    }
}
