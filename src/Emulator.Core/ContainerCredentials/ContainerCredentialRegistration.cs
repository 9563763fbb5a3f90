using Emulator.Core.Iam.Tags;

namespace Emulator.Core.ContainerCredentials;

/// <summary>A request to bind <see cref="Token"/> to a role (from the admin API or the seed file); null session name = derived from the token.</summary>
public sealed record ContainerCredentialRegistration(string? Token, string? RoleArn, string? SessionName, IReadOnlyList<Tag> SessionTags);
