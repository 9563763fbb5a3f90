namespace Emulator.Core.Iam.Policies;

/// <summary>A managed policy with its usage counts, read in the same snapshot (GetPolicy, ListPolicies, GetAccountAuthorizationDetails).</summary>
public sealed record ManagedPolicyDetail(ManagedPolicy Policy, PolicyUsage Usage);
