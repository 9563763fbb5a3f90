using Emulator.Core.Iam.Tags;

namespace Emulator.Core.Sts;

/// <summary>GetWebIdentityToken's members as sent.</summary>
public sealed record WebIdentityTokenRequest(IReadOnlyList<string> Audience, int? DurationSeconds, string? SigningAlgorithm, IReadOnlyList<Tag> Tags);
