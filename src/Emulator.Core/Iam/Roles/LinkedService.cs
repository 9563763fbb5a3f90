namespace Emulator.Core.Iam.Roles;

/// <summary>
/// An AWS service that has a service-linked role: its principal, the role name AWS gives the role, whether the
/// service takes a <c>CustomSuffix</c> (most do not), and the role's description as AWS writes it.
/// </summary>
public sealed record LinkedService(string Principal, string RoleName, bool TakesCustomSuffix, string Description);
