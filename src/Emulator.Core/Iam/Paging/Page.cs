using System.Text;
using Emulator.Core.Errors;
using Emulator.Core.Iam.Validation;

namespace Emulator.Core.Iam.Paging;

/// <summary>One page of a list call: the items, and the opaque marker for the next page when truncated.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, bool IsTruncated, string? Marker);

/// <summary>
/// IAM pagination (Marker + MaxItems in, IsTruncated + Marker out). The marker encodes the sort key
/// of the next item, so deleting items between pages never skips or repeats one.
/// </summary>
public static class Paginator
{
    public const int DefaultMaxItems = 100;

    public static void Validate(ParameterValidator validator, string? marker, int? maxItems)
    {
        validator.Length("marker", marker, 1, 320).Range("maxItems", maxItems, 1, 1000);
    }

    public static Page<T> Paginate<T>(IEnumerable<T> items, Func<T, string> sortKey, string? marker, int? maxItems)
    {
        var sorted = items.OrderBy(sortKey, StringComparer.Ordinal).ToList();
        var start = 0;
        if (marker is not null)
        {
            var from = DecodeMarker(marker);
            start = sorted.FindIndex(item => string.CompareOrdinal(sortKey(item), from) >= 0);
            if (start < 0)
            {
                start = sorted.Count;
            }
        }

        var size = maxItems ?? DefaultMaxItems;
        var page = sorted.Skip(start).Take(size).ToList();
        var truncated = start + size < sorted.Count;
        return new Page<T>(page, truncated, truncated ? EncodeMarker(sortKey(sorted[start + size])) : null);
    }

    /// <summary>
    /// A sort key for calls that page several lists as one (GetAccountAuthorizationDetails, ListEntitiesForPolicy):
    /// the list's place first, then the name as IAM orders names (case-insensitively), the exact name breaking ties.
    /// </summary>
    public static string CombinedKey(int list, string name) =>
        $"{list.ToString(System.Globalization.CultureInfo.InvariantCulture)} {name.ToUpperInvariant()}\u0000{name}";

    /// <summary>Pages several lists as one sequence: each list keeps the members whose key falls on this page.</summary>
    public static Page<string> PageOfKeys(IEnumerable<string> keys, string? marker, int? maxItems) =>
        Paginate(keys, key => key, marker, maxItems);

    private static string EncodeMarker(string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes("m1:" + key));

    private static string DecodeMarker(string marker)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(marker));
            if (text.StartsWith("m1:", StringComparison.Ordinal))
            {
                return text[3..];
            }
        }
        catch (FormatException)
        {
            // falls through to IAM's answer for any marker it did not issue
        }

        throw IamErrors.ValidationError("Invalid Marker.");
    }
}
