namespace Emulator.Policy;

/// <summary>One policy type's verdict and the statement behind it (the first matching deny, else the first allow).</summary>
public readonly record struct LayerVerdict(PolicySetType Layer, LayerOutcome Outcome, DecidingStatement? Statement);
