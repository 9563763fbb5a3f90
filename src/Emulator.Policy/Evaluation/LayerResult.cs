namespace Emulator.Policy;

/// <summary>
/// One policy type's verdict as the evaluator keeps it: the outcome and the statement behind it, by reference,
/// so that nothing is copied or allocated until a caller asks for the <see cref="LayerVerdict"/>.
/// </summary>
internal readonly struct LayerResult(LayerOutcome outcome, PolicySource? policy, PolicyStatement? statement)
{
    public LayerOutcome Outcome { get; } = outcome;

    public PolicySource? Policy { get; } = policy;

    public PolicyStatement? Statement { get; } = statement;

    public LayerVerdict ToVerdict(PolicySetType layer) =>
        new(layer, Outcome, Statement is null ? null : new DecidingStatement(Policy!.Id, layer, Statement.Sid, Statement.Index));
}
