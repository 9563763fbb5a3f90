namespace Emulator.Core.Audit;

/// <summary>
/// Parameter and response member names whose values never enter the trail, compared case-insensitively
/// (CloudTrail omits SAMLAssertion, WebIdentityToken, passwords and secret keys the same way).
/// </summary>
public static class SecretNames
{
    private static readonly HashSet<string> Omitted = new(StringComparer.OrdinalIgnoreCase)
    {
        "SecretAccessKey", "SessionToken", "Token", "TokenCode", "Password", "OldPassword", "NewPassword",
        "PrivateKey", "KeyMaterial", "PasswordData", "SAMLAssertion", "WebIdentityToken", "ClientSecret", "AuthorizationToken",
        "Base32StringSeed", "QRCodePNG", "AuthenticationCode1", "AuthenticationCode2",
        "ServicePassword", "ServiceCredentialSecret",
    };

    /// <summary>Values CloudTrail replaces by a marker rather than dropping the member (EC2 user data).</summary>
    private static readonly HashSet<string> Masked = new(StringComparer.OrdinalIgnoreCase) { "UserData" };

    public const string MaskedValue = "<sensitiveDataRemoved>";

    public static bool IsOmitted(string name) => Omitted.Contains(name);

    public static bool IsMasked(string name) => Masked.Contains(name);
}
