namespace Emulator.Core.Iam.PasswordPolicies;

/// <summary>
/// An account's custom password policy, as UpdateAccountPasswordPolicy sets it (whole: an omitted member
/// takes its default). Null members are the ones AWS leaves out of GetAccountPasswordPolicy when not set.
/// </summary>
public sealed record PasswordPolicy(
    int MinimumPasswordLength,
    bool RequireSymbols,
    bool RequireNumbers,
    bool RequireUppercaseCharacters,
    bool RequireLowercaseCharacters,
    bool AllowUsersToChangePassword,
    int? MaxPasswordAge,
    int? PasswordReusePrevention,
    bool? HardExpiry)
{
    public const int DefaultMinimumLength = 8;

    /// <summary>AWS reports ExpirePasswords true exactly when a maximum age is set.</summary>
    public bool ExpirePasswords => MaxPasswordAge is not null;
}
