namespace Emulator.Policy;

/// <summary>A compiled policy and where it came from, so decisions can name it.</summary>
/// <param name="Id">A policy ARN, or a label such as <c>role/web/inline-name</c> for inline policies.</param>
/// <param name="Type">The policy type; the evaluator uses the <see cref="EvaluationInput"/> slot it is given in.</param>
public sealed record PolicySource(string Id, PolicySetType Type, PolicyDocument Document);
