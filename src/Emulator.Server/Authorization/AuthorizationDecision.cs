namespace Emulator.Server.Authorization;

/// <summary>The verdict and, for a denial, AWS's message; <see cref="Explanation"/> says why in either case.</summary>
public sealed record AuthorizationDecision(bool IsAllowed, string Verdict, string Explanation, string? DenialMessage);
