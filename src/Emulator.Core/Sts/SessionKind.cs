namespace Emulator.Core.Sts;

/// <summary>What issued a set of temporary credentials.</summary>
public enum SessionKind
{
    /// <summary>AssumeRole, AssumeRoleWithWebIdentity or instance-profile (IMDS) credentials.</summary>
    AssumedRole,

    /// <summary>GetSessionToken: the same identity as the long-term key that asked for it.</summary>
    SessionToken,

    /// <summary>GetFederationToken.</summary>
    FederatedUser,
}
