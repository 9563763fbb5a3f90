using System.Collections.Immutable;

namespace Emulator.Core.Iam.Reports;

/// <summary>One service of a last accessed report; the Last* members are null for a granted service nobody used.</summary>
public sealed record ServiceLastAccessed(
    string ServiceName,
    string ServiceNamespace,
    DateTimeOffset? LastAuthenticated,
    string? LastAuthenticatedEntity,
    string? LastAuthenticatedRegion,
    int TotalAuthenticatedEntities,
    ImmutableList<TrackedActionLastAccessed>? TrackedActionsLastAccessed);
