namespace Emulator.Server.Authorization;

/// <summary>The verdict and, for a denial, AWS's message; <see cref="Explanation"/> says why in either case.</summary>
/// <remarks><see cref="Failure"/> is what an encoded authorization message tells about a denial (EC2 appends it).</remarks>
public sealed record AuthorizationDecision(bool IsAllowed, string Verdict, string Explanation, string? DenialMessage, Emulator.Core.Sts.AuthorizationFailure? Failure = null);
