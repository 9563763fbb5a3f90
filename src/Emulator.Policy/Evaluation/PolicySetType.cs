namespace Emulator.Policy;

/// <summary>The policy types the evaluator combines (policy-evaluation §1); SCPs are not modelled.</summary>
public enum PolicySetType
{
    Identity,
    PermissionsBoundary,
    Session,

    /// <summary>A resource-based policy; in this emulator, a role trust policy.</summary>
    Resource,
}
