namespace Emulator.Core.Authorization.Simulation;

/// <summary>The members SimulatePrincipalPolicy and SimulateCustomPolicy share.</summary>
public sealed record SimulationRequest
{
    /// <summary>Actions to simulate, e.g. <c>iam:GetRole</c>; required.</summary>
    public IReadOnlyList<string> ActionNames { get; init; } = [];

    /// <summary>Resources to simulate each action on; none means <c>*</c>.</summary>
    public IReadOnlyList<string> ResourceArns { get; init; } = [];

    public IReadOnlyList<ContextEntry> ContextEntries { get; init; } = [];

    /// <summary>Identity policies as JSON text: added to the entity's (principal) or the only ones (custom).</summary>
    public IReadOnlyList<string> PolicyInputList { get; init; } = [];

    /// <summary>At most one boundary as JSON text; it replaces the entity's own boundary.</summary>
    public IReadOnlyList<string> PermissionsBoundaryPolicyInputList { get; init; } = [];

    /// <summary>A resource-based policy evaluated with every resource; resource policies count only when given here.</summary>
    public string? ResourcePolicy { get; init; }

    /// <summary>Owner of resources whose ARN names no account (an account id or an ARN in that account).</summary>
    public string? ResourceOwner { get; init; }

    /// <summary>The IAM user to simulate as (its identity keys, and the principal resource policies are matched against).</summary>
    public string? CallerArn { get; init; }

    public string? Marker { get; init; }

    public int? MaxItems { get; init; }
}
