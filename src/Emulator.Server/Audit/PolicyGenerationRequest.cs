namespace Emulator.Server.Audit;

/// <summary>The body of <c>POST /_emulator/policy-generation</c>: a role or user ARN and an optional time range.</summary>
public sealed record PolicyGenerationRequest(string? PrincipalArn, DateTimeOffset? StartTime, DateTimeOffset? EndTime);
