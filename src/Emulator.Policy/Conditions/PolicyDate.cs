using System.Globalization;

namespace Emulator.Policy;

/// <summary>
/// Date values of <c>Date*</c> conditions: ISO-8601 (date-only allowed) or epoch seconds, as 100 ns ticks
/// since the Unix epoch.
/// </summary>
internal static class PolicyDate
{
    private const long MaximumEpochSeconds = long.MaxValue / TimeSpan.TicksPerSecond;
    private const int MinimumLegacyYear = -292275054;
    private const int MaximumLegacyYear = 292278993;

    /// <summary>
    /// IAM's legacy parser check for a date condition value (a failure is "The policy failed legacy parsing").
    /// </summary>
    /// <remarks>
    /// Mirrors the rules recorded from IAM (moto's AWS-verified validator): a value with <c>t</c> or <c>-</c> is an
    /// ISO date whose fields are range-checked (years up to ±292 million, as Java's epoch millis); anything else
    /// must be an epoch integer from 0 to 2^63-1. One deliberate widening: a negative zone offset
    /// (<c>-05:00</c>) is accepted like a positive one, as ISO-8601 allows.
    /// </remarks>
    public static bool IsLegacyValid(string value)
    {
        var lower = value.ToLowerInvariant();
        if (lower.Contains('t', StringComparison.Ordinal) || lower.Contains('-', StringComparison.Ordinal))
        {
            return IsLegacyValidIsoDate(lower);
        }

        return TryParseWholeNumber(lower, out var epoch) && epoch >= 0;
    }

    /// <summary>Parses a policy or request date; false when unparsable or outside years 1–9999.</summary>
    public static bool TryParse(ReadOnlySpan<char> value, out long unixTicks)
    {
        unixTicks = 0;
        value = value.Trim();
        if (value.IndexOfAny('T', 't') < 0 && value.IndexOf('-') < 0)
        {
            if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds)
                || seconds > MaximumEpochSeconds
                || seconds < -MaximumEpochSeconds)
            {
                return false;
            }

            unixTicks = seconds * TimeSpan.TicksPerSecond;
            return true;
        }

        return TryParseIso(value, out unixTicks);
    }

    private static bool TryParseIso(ReadOnlySpan<char> text, out long unixTicks)
    {
        unixTicks = 0;
        var position = 0;
        if (!TryReadDigits(text, ref position, out var year) || year is < 1 or > 9999)
        {
            return false;
        }

        long month = 1;
        long day = 1;
        if (Peek(text, position) == '-')
        {
            position++;
            if (!TryReadDigits(text, ref position, out month))
            {
                return false;
            }

            if (Peek(text, position) == '-')
            {
                position++;
                if (!TryReadDigits(text, ref position, out day))
                {
                    return false;
                }
            }
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth((int)year, (int)month))
        {
            return false;
        }

        long hour = 0;
        long minute = 0;
        long second = 0;
        long fractionTicks = 0;
        long offsetMinutes = 0;
        if (Peek(text, position) is 'T' or 't')
        {
            position++;
            if (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                TryReadDigits(text, ref position, out hour);
                if (Peek(text, position) == ':')
                {
                    position++;
                    if (!TryReadDigits(text, ref position, out minute))
                    {
                        return false;
                    }

                    if (Peek(text, position) == ':')
                    {
                        position++;
                        if (!TryReadDigits(text, ref position, out second))
                        {
                            return false;
                        }

                        if (Peek(text, position) == '.')
                        {
                            position++;
                            var fractionStart = position;
                            if (!TryReadDigits(text, ref position, out _))
                            {
                                return false;
                            }

                            fractionTicks = FractionToTicks(text[fractionStart..position]);
                        }
                    }
                }
            }

            if (!TryReadZone(text, ref position, out offsetMinutes))
            {
                return false;
            }
        }

        if (position != text.Length || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var local = new DateTime((int)year, (int)month, (int)day, (int)hour, (int)minute, (int)second, DateTimeKind.Unspecified);
        var utcTicks = local.Ticks + fractionTicks - (offsetMinutes * TimeSpan.TicksPerMinute);
        unixTicks = utcTicks - DateTime.UnixEpoch.Ticks;
        return true;
    }

    private static bool TryReadZone(ReadOnlySpan<char> text, ref int position, out long offsetMinutes)
    {
        offsetMinutes = 0;
        var marker = Peek(text, position);
        if (marker is 'Z' or 'z')
        {
            position++;
            return true;
        }

        if (marker is not ('+' or '-'))
        {
            return true;
        }

        position++;
        var hoursStart = position;
        if (!TryReadDigits(text, ref position, out var hours) || position - hoursStart != 2 || hours > 23)
        {
            return false;
        }

        long minutes = 0;
        if (Peek(text, position) == ':')
        {
            position++;
            var minutesStart = position;
            if (!TryReadDigits(text, ref position, out minutes) || position - minutesStart != 2 || minutes > 59)
            {
                return false;
            }
        }

        offsetMinutes = (hours * 60) + minutes;
        if (marker == '-')
        {
            offsetMinutes = -offsetMinutes;
        }

        return true;
    }

    private static long FractionToTicks(ReadOnlySpan<char> digits)
    {
        long ticks = 0;
        for (var index = 0; index < 7; index++)
        {
            ticks = (ticks * 10) + (index < digits.Length ? digits[index] - '0' : 0);
        }

        return ticks;
    }

    private static char Peek(ReadOnlySpan<char> text, int position) => position < text.Length ? text[position] : '\0';

    private static bool TryReadDigits(ReadOnlySpan<char> text, ref int position, out long value)
    {
        value = 0;
        var start = position;
        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            if (value < long.MaxValue / 100)
            {
                value = (value * 10) + (text[position] - '0');
            }

            position++;
        }

        return position > start;
    }

    private static bool IsLegacyValidIsoDate(string lower)
    {
        var separator = lower.IndexOf('t', StringComparison.Ordinal);
        var datePart = separator < 0 ? lower : lower[..separator];
        var timePart = separator < 0 ? string.Empty : lower[(separator + 1)..];

        var negativeYear = datePart.StartsWith('-');
        var dateFields = (negativeYear ? datePart[1..] : datePart).Split('-');
        var yearText = negativeYear ? "-" + dateFields[0] : dateFields[0];
        if (!TryParseWholeNumber(yearText, out var year) || year is < MinimumLegacyYear or > MaximumLegacyYear)
        {
            return false;
        }

        if (dateFields.Length > 1 && !IsWholeNumberInRange(dateFields[1], 1, 12))
        {
            return false;
        }

        if (dateFields.Length > 2 && !IsWholeNumberInRange(dateFields[2], 1, 31))
        {
            return false;
        }

        if (dateFields.Length > 3)
        {
            return false;
        }

        var timeFields = timePart.Split(':');
        if (timeFields[0].Length > 0 && !IsWholeNumberInRange(timeFields[0], 0, 23))
        {
            return false;
        }

        if (timeFields.Length > 1 && !IsWholeNumberInRange(timeFields[1], 0, 59))
        {
            return false;
        }

        if (timeFields.Length <= 2)
        {
            return true;
        }

        var secondsField = timeFields[2];
        string secondsWithFraction;
        var zoneStart = secondsField.IndexOfAny(['z', '+', '-']);
        if (zoneStart < 0)
        {
            secondsWithFraction = secondsField;
        }
        else if (secondsField[zoneStart] == 'z')
        {
            secondsWithFraction = secondsField[..zoneStart];
            if (zoneStart != secondsField.Length - 1)
            {
                return false;
            }
        }
        else
        {
            secondsWithFraction = secondsField[..zoneStart];
            var zoneHours = secondsField[(zoneStart + 1)..];
            if (zoneHours.Length != 2 || !IsWholeNumberInRange(zoneHours, 0, 23))
            {
                return false;
            }

            if (timeFields.Length > 3 && (timeFields[3].Length != 2 || !IsWholeNumberInRange(timeFields[3], 0, 59)))
            {
                return false;
            }
        }

        var dot = secondsWithFraction.IndexOf('.', StringComparison.Ordinal);
        var seconds = dot < 0 ? secondsWithFraction : secondsWithFraction[..dot];
        if (!IsWholeNumberInRange(seconds, 0, 59))
        {
            return false;
        }

        return dot < 0 || IsWholeNumberInRange(secondsWithFraction[(dot + 1)..], 0, 999_999_999);
    }

    private static bool IsWholeNumberInRange(string text, long minimum, long maximum) =>
        TryParseWholeNumber(text, out var value) && value >= minimum && value <= maximum;

    /// <summary>An integer as IAM's parser reads one: optional sign and surrounding blanks, ASCII digits only.</summary>
    private static bool TryParseWholeNumber(string text, out long value) =>
        long.TryParse(
            text,
            NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite,
            CultureInfo.InvariantCulture,
            out value);
}
