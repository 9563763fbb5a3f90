using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Emulator.Core.Errors;

namespace Emulator.Core.Iam.UserCredentials;

/// <summary>
/// SSH public keys as IAM takes them: an <c>ssh-rsa</c> key in OpenSSH form (<c>ssh-rsa AAAA… comment</c>) or PEM
/// (<c>-----BEGIN PUBLIC KEY-----</c>), at least 2048 bits. The fingerprint is the MD5 of the key blob as
/// colon-separated hex, as IAM reports it.
/// </summary>
public static class SshKeyFormat
{
    private const int MinimumBits = 2048;

    /// <summary>The key in OpenSSH form (type and blob, no comment) and its fingerprint.</summary>
    public static (string OpenSsh, string Fingerprint) Parse(string body)
    {
        var text = body.Trim();
        byte[] blob;
        if (text.StartsWith("-----BEGIN", StringComparison.Ordinal))
        {
            using var rsa = RSA.Create();
            try
            {
                rsa.ImportFromPem(text);
            }
            catch (Exception e) when (e is ArgumentException or CryptographicException)
            {
                throw Unrecognized();
            }

            var parameters = rsa.ExportParameters(false);
            blob = Blob(parameters.Exponent!, parameters.Modulus!);
        }
        else
        {
            var parts = text.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2 || parts[0] != "ssh-rsa")
            {
                throw Unrecognized();
            }

            try
            {
                blob = Convert.FromBase64String(parts[1]);
            }
            catch (FormatException)
            {
                throw Unrecognized();
            }
        }

        var modulus = Modulus(blob) ?? throw Invalid();
        var bits = modulus.Length * 8 - LeadingZeroBits(modulus);
        if (bits < MinimumBits)
        {
            throw Invalid();
        }

        var fingerprint = string.Join(':', MD5.HashData(blob).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
        return ($"ssh-rsa {Convert.ToBase64String(blob)}", fingerprint);
    }

    /// <summary>The key as GetSSHPublicKey returns it with Encoding=PEM.</summary>
    public static string ToPem(string openSsh)
    {
        var blob = Convert.FromBase64String(openSsh.Split(' ')[1]);
        var (exponent, modulus) = Read(blob)!.Value;
        using var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters { Exponent = exponent, Modulus = modulus });
        return rsa.ExportSubjectPublicKeyInfoPem();
    }

    private static byte[]? Modulus(byte[] blob) => Read(blob)?.Modulus;

    /// <summary>The RFC 4253 <c>ssh-rsa</c> blob: string "ssh-rsa", mpint e, mpint n; null when it is not one.</summary>
    private static (byte[] Exponent, byte[] Modulus)? Read(byte[] blob)
    {
        var offset = 0;
        var type = Field(blob, ref offset);
        var exponent = Field(blob, ref offset);
        var modulus = Field(blob, ref offset);
        return type is not null && Encoding.ASCII.GetString(type) == "ssh-rsa" && exponent is { Length: > 0 } && modulus is { Length: > 0 } && offset == blob.Length
            ? (exponent.SkipWhile(b => b == 0).ToArray(), modulus.SkipWhile(b => b == 0).ToArray())
            : null;
    }

    private static byte[]? Field(byte[] blob, ref int offset)
    {
        if (offset + 4 > blob.Length)
        {
            return null;
        }

        var length = BinaryPrimitives.ReadInt32BigEndian(blob.AsSpan(offset));
        if (length < 0 || offset + 4 + length > blob.Length)
        {
            return null;
        }

        var field = blob.AsSpan(offset + 4, length).ToArray();
        offset += 4 + length;
        return field;
    }

    private static byte[] Blob(byte[] exponent, byte[] modulus)
    {
        using var buffer = new MemoryStream();
        Write(buffer, Encoding.ASCII.GetBytes("ssh-rsa"));
        Write(buffer, Mpint(exponent));
        Write(buffer, Mpint(modulus));
        return buffer.ToArray();
    }

    // An mpint with its high bit set gets a leading zero byte, so it stays positive.
    private static byte[] Mpint(byte[] value) => value.Length > 0 && (value[0] & 0x80) != 0 ? [0, .. value] : value;

    private static void Write(Stream stream, byte[] field)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, field.Length);
        stream.Write(length);
        stream.Write(field);
    }

    private static int LeadingZeroBits(byte[] modulus) => modulus.Length == 0 ? 0 : System.Numerics.BitOperations.LeadingZeroCount((uint)modulus[0]) - 24;

    private static AwsException Unrecognized() =>
        new AwsError("UnrecognizedPublicKeyEncoding", "The public key encoding format is unsupported or unrecognized: IAM takes ssh-rsa keys in OpenSSH or PEM form.", 400).ToException();

    private static AwsException Invalid() =>
        new AwsError("InvalidPublicKey", $"The public key is malformed or otherwise invalid: IAM takes RSA keys of at least {MinimumBits} bits.", 400).ToException();
}
