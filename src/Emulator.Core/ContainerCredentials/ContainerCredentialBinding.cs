using Emulator.Core.Iam.Tags;

namespace Emulator.Core.ContainerCredentials;

/// <summary>
/// A bearer token bound to a role, as the ECS agent binds a credentials id to a task role and EKS binds a
/// pod's service-account token to a Pod Identity association. Kept by the SHA-256 of its token, so the
/// state never holds the token itself. <see cref="RegisteredAt"/> anchors the hourly rotation;
/// <see cref="BindingId"/> tells a re-registration of the same token apart, so it never gets a set cached for the old one.
/// </summary>
public sealed record ContainerCredentialBinding(
    string BindingId,
    string TokenHash,
    string RoleArn,
    string RoleId,
    string SessionName,
    IReadOnlyList<Tag> SessionTags,
    DateTimeOffset RegisteredAt);
