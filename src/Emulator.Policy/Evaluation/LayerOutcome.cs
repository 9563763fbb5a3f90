namespace Emulator.Policy;

/// <summary>What one policy type said about a request.</summary>
public enum LayerOutcome
{
    /// <summary>The request has no policies of this type (no boundary, no session policies, no resource policy).</summary>
    NotApplicable,

    /// <summary>Not looked at: an explicit deny in an earlier type already decided.</summary>
    NotEvaluated,

    Allowed,
    ImplicitDeny,
    ExplicitDeny,
}
