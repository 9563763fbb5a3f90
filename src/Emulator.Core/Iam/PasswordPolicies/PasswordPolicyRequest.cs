namespace Emulator.Core.Iam.PasswordPolicies;

/// <summary>UpdateAccountPasswordPolicy's request members, each null when the request leaves it out.</summary>
public sealed record PasswordPolicyRequest(
    int? MinimumPasswordLength,
    bool? RequireSymbols,
    bool? RequireNumbers,
    bool? RequireUppercaseCharacters,
    bool? RequireLowercaseCharacters,
    bool? AllowUsersToChangePassword,
    int? MaxPasswordAge,
    int? PasswordReusePrevention,
    bool? HardExpiry);
