namespace Emulator.Core.Iam.Policies;

public sealed record PolicyEntities(
    IReadOnlyList<Roles.Role> Roles, IReadOnlyList<Users.User> Users, IReadOnlyList<Groups.Group> Groups);
