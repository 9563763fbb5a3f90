using System.Text.RegularExpressions;
using Emulator.Core.Errors;

namespace Emulator.Core.Iam.Validation;

/// <summary>
/// Checks request members against the IAM service model's constraints and reports every failure
/// in one ValidationError, worded as IAM words it ("1 validation error detected: Value at 'roleName'
/// failed to satisfy constraint: Member must …"; IAM no longer echoes the value).
/// </summary>
public sealed class ParameterValidator(bool echoValues = false)
{
    private readonly List<string> failures = [];

    /// <summary>STS still quotes the offending value ("Value '43201' at 'durationSeconds' …"); IAM no longer does.</summary>
    public static ParameterValidator ForSts() => new(echoValues: true);

    public ParameterValidator Required(string member, string? value)
    {
        if (value is null)
        {
            failures.Add($"Value null at '{member}' failed to satisfy constraint: Member must not be null");
        }

        return this;
    }

    public ParameterValidator Length(string member, string? value, int min, int max)
    {
        if (value is null)
        {
            return this;
        }

        if (value.Length < min)
        {
            Fail(member, value, $"Member must have length greater than or equal to {min}");
        }
        else if (value.Length > max)
        {
            Fail(member, value, $"Member must have length less than or equal to {max}");
        }

        return this;
    }

    public ParameterValidator Pattern(string member, string? value, ModelPattern pattern)
    {
        if (value is not null && value.Length > 0 && !pattern.IsMatch(value))
        {
            Fail(member, value, $"Member must satisfy regular expression pattern: {pattern.Text}");
        }

        return this;
    }

    /// <summary>Required, length-bounded and patterned: the common shape of IAM names.</summary>
    public ParameterValidator Name(string member, string? value, int max, bool required = true)
    {
        if (required)
        {
            Required(member, value);
        }

        return Length(member, value, 1, max).Pattern(member, value, ModelPattern.Name);
    }

    public ParameterValidator Path(string member, string? value, ModelPattern? pattern = null) =>
        Length(member, value, 1, 512).Pattern(member, value, pattern ?? ModelPattern.Path);

    public ParameterValidator PolicyDocument(string member, string? value, bool required = true)
    {
        if (required)
        {
            Required(member, value);
        }

        return Length(member, value, 1, 131072).Pattern(member, value, ModelPattern.PolicyDocument);
    }

    public ParameterValidator Arn(string member, string? value, bool required = true)
    {
        if (required)
        {
            Required(member, value);
        }

        return Length(member, value, 20, 2048);
    }

    public ParameterValidator Range(string member, long? value, long min, long max)
    {
        if (value is null)
        {
            return this;
        }

        if (value < min)
        {
            Fail(member, value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Member must have value greater than or equal to {min}");
        }
        else if (value > max)
        {
            Fail(member, value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Member must have value less than or equal to {max}");
        }

        return this;
    }

    public ParameterValidator OneOf(string member, string? value, params string[] allowed)
    {
        if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
        {
            Fail(member, value, $"Member must satisfy enum value set: [{string.Join(", ", allowed)}]");
        }

        return this;
    }

    public ParameterValidator Check(bool condition, string member, string constraint)
    {
        if (!condition)
        {
            Fail(member, null, constraint);
        }

        return this;
    }

    public void ThrowIfInvalid()
    {
        if (failures.Count == 0)
        {
            return;
        }

        var count = failures.Count == 1 ? "1 validation error detected: " : $"{failures.Count} validation errors detected: ";
        throw IamErrors.ValidationError(count + string.Join("; ", failures));
    }

    private void Fail(string member, string? value, string constraint) =>
        failures.Add(echoValues && value is not null
            ? $"Value '{value}' at '{member}' failed to satisfy constraint: {constraint}"
            : $"Value at '{member}' failed to satisfy constraint: {constraint}");
}

/// <summary>A service-model regular expression, anchored, with the text IAM quotes in its message.</summary>
public sealed class ModelPattern(string text)
{
    private readonly Regex regex = new($"^(?:{text})$", RegexOptions.CultureInvariant);

    public static ModelPattern Name { get; } = new(@"[\w+=,.@-]+");

    public static ModelPattern Path { get; } = new(@"(\u002F)|(\u002F[\u0021-\u007E]+\u002F)");

    public static ModelPattern PolicyPath { get; } = new(@"((/[A-Za-z0-9\.,\+@=_-]+)*)/");

    public static ModelPattern PolicyDocument { get; } = new(@"[\u0009\u000A\u000D\u0020-\u00FF]+");

    /// <summary>Identifiers such as SSHPublicKeyId and CertificateId.</summary>
    public static ModelPattern Word { get; } = new(@"[\w]+");

    public static ModelPattern Description { get; } = new(@"[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*");

    public static ModelPattern TagKey { get; } = new(@"[\p{L}\p{Z}\p{N}_.:/=+\-@]+");

    public static ModelPattern TagValue { get; } = new(@"[\p{L}\p{Z}\p{N}_.:/=+\-@]*");

    public static ModelPattern AccountAlias { get; } = new(@"^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$");

    public string Text { get; } = text;

    public bool IsMatch(string value) => regex.IsMatch(value);
}
