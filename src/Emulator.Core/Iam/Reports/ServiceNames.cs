using System.Collections.Frozen;

namespace Emulator.Core.Iam.Reports;

/// <summary>
/// AWS's service names by IAM namespace (<c>iam</c> → "AWS Identity and Access Management"), as service last accessed
/// reports name every service a policy grants, served by the emulator or not. The table is generated from botocore's
/// service models (each model's <c>metadata.serviceFullName</c>) by <c>generate-service-names.py</c> beside this file.
/// </summary>
public static partial class ServiceNames
{
    private static readonly FrozenDictionary<string, string> Names = Table
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(line => line.Split('=', 2))
        .ToFrozenDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);

    /// <summary>Every namespace of the table, sorted.</summary>
    public static IReadOnlyList<string> Namespaces { get; } = [.. Names.Keys.Order(StringComparer.Ordinal)];

    public static bool IsKnown(string serviceNamespace) => Names.ContainsKey(serviceNamespace);

    /// <summary>The service's name; an unknown namespace names itself.</summary>
    public static string NameOf(string serviceNamespace) => Names.GetValueOrDefault(serviceNamespace) ?? serviceNamespace;
}
