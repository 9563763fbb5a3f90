namespace Emulator.Policy;

/// <summary>A statement that decided (or took part in) a decision.</summary>
/// <param name="PolicyId">The <see cref="PolicySource.Id"/> of its policy.</param>
/// <param name="StatementIndex">Zero-based position in the policy, for statements without a Sid.</param>
public readonly record struct DecidingStatement(string PolicyId, PolicySetType Layer, string? Sid, int StatementIndex)
{
    public override string ToString() =>
        string.IsNullOrEmpty(Sid) ? $"{PolicyId} Statement[{StatementIndex}]" : $"{PolicyId} {Sid}";
}
