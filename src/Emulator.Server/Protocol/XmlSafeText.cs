using System.Globalization;
using System.Text;

namespace Emulator.Server.Protocol;

/// <summary>
/// Makes any string writable as XML 1.0 text. Client input echoed into a message (a date header,
/// an algorithm, a validator's quoted value) may hold control characters or lone surrogates, which
/// XmlWriter refuses by throwing; each such character is written as a visible <c>\uXXXX</c> instead.
/// </summary>
public static class XmlSafeText
{
    public static string Make(string text)
    {
        var first = FirstInvalid(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (IsValid(c))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!IsValid(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>XML 1.0's Char production for one UTF-16 unit (surrogate pairs are handled by the caller).</summary>
    private static bool IsValid(char c) =>
        c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
}
