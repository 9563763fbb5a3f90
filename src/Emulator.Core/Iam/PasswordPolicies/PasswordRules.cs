using Emulator.Core.Errors;

namespace Emulator.Core.Iam.PasswordPolicies;

/// <summary>Whether a new password is acceptable: the account's custom policy, or AWS's default one when there is none.</summary>
public static class PasswordRules
{
    /// <summary>The characters IAM's password policy counts as symbols.</summary>
    public const string Symbols = "!@#$%^&*()_+-=[]{}|'";

    private const string CustomViolation = "Password does not conform to the account password policy.";

    public static void Check(PasswordPolicy? policy, string password)
    {
        if (policy is null)
        {
            CheckDefault(password);
            return;
        }

        var conforms = password.Length >= policy.MinimumPasswordLength
            && (!policy.RequireSymbols || password.Any(IsSymbol))
            && (!policy.RequireNumbers || password.Any(char.IsAsciiDigit))
            && (!policy.RequireUppercaseCharacters || password.Any(char.IsAsciiLetterUpper))
            && (!policy.RequireLowercaseCharacters || password.Any(char.IsAsciiLetterLower));
        if (!conforms)
        {
            throw IamErrors.PasswordPolicyViolation(CustomViolation);
        }
    }

    /// <summary>The reuse rule: a password among the last <see cref="PasswordPolicy.PasswordReusePrevention"/> ones is refused.</summary>
    public static void CheckReuse(PasswordPolicy? policy, string password, IEnumerable<string> recentHashes)
    {
        if (policy?.PasswordReusePrevention is { } count && recentHashes.Take(count).Any(hash => PasswordHasher.Verify(password, hash)))
        {
            throw IamErrors.PasswordPolicyViolation(CustomViolation);
        }
    }

    public static bool IsExpired(PasswordPolicy? policy, DateTimeOffset passwordChanged, DateTimeOffset now) =>
        policy?.MaxPasswordAge is { } days && now >= passwordChanged.AddDays(days);

    /// <summary>
    /// AWS's default policy (no custom policy set): at least 8 characters and at least three of uppercase,
    /// lowercase, numbers and symbols, worded as IAM words it ("Password should meet 1 more of the following requirements: …").
    /// </summary>
    private static void CheckDefault(string password)
    {
        if (password.Length < PasswordPolicy.DefaultMinimumLength)
        {
            throw IamErrors.PasswordPolicyViolation($"Password should have a minimum length of {PasswordPolicy.DefaultMinimumLength}");
        }

        var missing = new List<string>();
        if (!password.Any(char.IsAsciiLetterUpper))
        {
            missing.Add("Password should have at least one uppercase letter");
        }

        if (!password.Any(char.IsAsciiLetterLower))
        {
            missing.Add("Password should have at least one lowercase letter");
        }

        if (!password.Any(char.IsAsciiDigit))
        {
            missing.Add("Password should have at least one number");
        }

        if (!password.Any(IsSymbol))
        {
            missing.Add("Password should have at least one symbol");
        }

        var needed = missing.Count - 1; // three of the four kinds are enough
        if (needed > 0)
        {
            throw IamErrors.PasswordPolicyViolation($"Password should meet {needed} more of the following requirements: {string.Join(", ", missing)}");
        }
    }

    private static bool IsSymbol(char c) => Symbols.Contains(c, StringComparison.Ordinal);
}
