using System.Globalization;

namespace Emulator.Policy;

/// <summary>One policy value of a condition, pre-parsed for its operator family when the policy is written.</summary>
internal sealed class ConditionValue
{
    private ConditionValue(string text)
    {
        Text = text;
    }

    /// <summary>The value as written (JSON numbers as their text, JSON booleans as <c>true</c>/<c>false</c>).</summary>
    public string Text { get; }

    /// <summary>Set when the value holds policy variables (String, Bool and ARN operators, Version 2012-10-17).</summary>
    public PolicyTemplate? Template { get; private init; }

    /// <summary><c>StringLike</c>/<c>StringNotLike</c> pattern without variables.</summary>
    public GlobPattern? LikePattern { get; private init; }

    public ArnPattern? ArnPattern { get; private init; }

    public decimal? Number { get; private init; }

    public long? DateTicks { get; private init; }

    public IpAddressRange? Network { get; private init; }

    public byte[]? Bytes { get; private init; }

    /// <summary><c>Null</c> operator: true tests for absence, false for presence.</summary>
    public bool? Boolean { get; private init; }

    public static ConditionValue Compile(string text, ConditionOperator positiveOperator, bool variablesEnabled)
    {
        switch (ConditionOperatorName.FamilyOf(positiveOperator))
        {
            case ConditionFamily.String:
                var template = variablesEnabled ? PolicyTemplate.TryCreate(text) : null;
                return new ConditionValue(text)
                {
                    Template = template,
                    LikePattern = positiveOperator == ConditionOperator.StringLike && template is null
                        ? GlobPattern.CaseSensitive(text)
                        : null,
                };
            case ConditionFamily.Bool:
                return new ConditionValue(text) { Template = variablesEnabled ? PolicyTemplate.TryCreate(text) : null };
            case ConditionFamily.Arn:
                return new ConditionValue(text) { ArnPattern = ArnPattern.Create(text, variablesEnabled) };
            case ConditionFamily.Numeric:
                return new ConditionValue(text) { Number = ParseNumber(text) };
            case ConditionFamily.Date:
                return new ConditionValue(text) { DateTicks = PolicyDate.TryParse(text, out var ticks) ? ticks : null };
            case ConditionFamily.IpAddress:
                return new ConditionValue(text) { Network = IpAddressRange.TryCreate(text) };
            case ConditionFamily.Binary:
                return new ConditionValue(text) { Bytes = ParseBase64(text) };
            default:
                return new ConditionValue(text) { Boolean = ParseBoolean(text) };
        }
    }

    public static decimal? ParseNumber(ReadOnlySpan<char> text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static bool? ParseBoolean(string text) =>
        string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) ? true
        : string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) ? false
        : null;

    private static byte[]? ParseBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }
}
