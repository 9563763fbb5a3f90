namespace Emulator.Core.Authorization.Simulation;

/// <summary>A statement that decided a simulated request, named as IAM names it.</summary>
/// <param name="SourcePolicyId">
/// The policy's name (inline or managed), or <c>PolicyInputList.N</c>, <c>PermissionsBoundaryPolicyInputList.N</c> or
/// <c>ResourcePolicy</c> for policies given with the request.
/// </param>
/// <param name="SourcePolicyType"><c>IAM Policy</c> for the principal's own policies (inline or managed), <c>resource</c> or <c>none</c> for policies given with the request.</param>
public sealed record MatchedStatement(string SourcePolicyId, string SourcePolicyType, Position StartPosition, Position EndPosition);
