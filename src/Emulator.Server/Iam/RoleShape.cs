namespace Emulator.Server.Iam;

/// <summary>
/// Which Role members a call returns: CreateRole omits MaxSessionDuration and RoleLastUsed,
/// ListRoles omits Tags, PermissionsBoundary and RoleLastUsed, GetRole has everything.
/// </summary>
public enum RoleShape
{
    Created,
    Full,
    Listed,
    InProfile,
}
