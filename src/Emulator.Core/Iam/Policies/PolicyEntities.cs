namespace Emulator.Core.Iam.Policies;

/// <summary>One page of ListEntitiesForPolicy: MaxItems entities counted across groups, users and roles, in that order.</summary>
public sealed record PolicyEntities(
    IReadOnlyList<Roles.Role> Roles, IReadOnlyList<Users.User> Users, IReadOnlyList<Groups.Group> Groups, bool IsTruncated = false, string? Marker = null);
