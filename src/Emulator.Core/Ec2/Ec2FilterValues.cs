using System.Globalization;

namespace Emulator.Core.Ec2;

/// <summary>How filter values spell non-string fields: booleans as <c>true</c>/<c>false</c>, numbers in invariant digits.</summary>
internal static class Ec2FilterValues
{
    public static IEnumerable<string?> Of(bool value) => [value ? "true" : "false"];

    public static IEnumerable<string?> Of(long value) => [value.ToString(CultureInfo.InvariantCulture)];

    public static IEnumerable<string?> Of(string? value) => [value];
}
