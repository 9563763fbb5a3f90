namespace Emulator.Core.Sts;

/// <summary>A verified web-identity token: who issued it, for whom, and the claims trust policies can test.</summary>
public sealed record WebIdentityToken(string Issuer, string Subject, IReadOnlyList<string> Audiences, string? Amr, string? SourceIdentity);
