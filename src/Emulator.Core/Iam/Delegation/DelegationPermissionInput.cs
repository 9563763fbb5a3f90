namespace Emulator.Core.Iam.Delegation;

/// <summary>The Permissions structure: a policy template and its parameters (name, type).</summary>
public sealed record DelegationPermissionInput(string? PolicyTemplateArn, IReadOnlyList<(string? Name, string? Type)> Parameters);
