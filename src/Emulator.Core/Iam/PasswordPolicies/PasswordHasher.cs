using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Emulator.Core.Iam.PasswordPolicies;

/// <summary>
/// Console passwords are kept only as salted PBKDF2-SHA256 hashes (<c>pbkdf2-sha256$iterations$salt$hash</c>),
/// never as text, so neither the state database nor an export holds a password.
/// </summary>
public static class PasswordHasher
{
    // Lower than a production login service would use: an emulator checks up to 25 hashes per change
    // (reuse prevention) on small CI machines, and its passwords are test data.
    private const int Iterations = 10_000;
    private const int SaltSize = 16;
    private const int HashSize = 32;
    private const string Scheme = "pbkdf2-sha256";

    public static string Hash(string password, byte[] salt)
    {
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, HashSize);
        return string.Join('$', Scheme, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    public static int SaltLength => SaltSize;

    public static bool Verify(string password, string stored)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations))
        {
            return false;
        }

        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Convert.FromBase64String(parts[2]), iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
