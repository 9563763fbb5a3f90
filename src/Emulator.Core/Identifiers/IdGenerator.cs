namespace Emulator.Core.Identifiers;

/// <summary>
/// Makes AWS-shaped identifiers: unique ids are a four-letter prefix plus 17 base32 characters
/// (AROA…, AIDA…), access key ids a prefix plus 16, secrets 40 characters.
/// </summary>
public sealed class IdGenerator(IRandomSource random)
{
    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    public string UniqueId(string prefix) => prefix + Random(Base32, 17);

    /// <summary>
    /// An access key id that encodes its account, as AWS's do: the first 48 bits of the base32-decoded
    /// suffix hold the account id shifted left by 7 (mask 0x7fffffffff80), the rest is random.
    /// </summary>
    public string AccessKeyId(string prefix, string accountId)
    {
        Span<byte> bytes = stackalloc byte[10];
        random.Fill(bytes);
        var account = ulong.Parse(accountId, System.Globalization.CultureInfo.InvariantCulture);
        var head = (account << 7) | (ulong)(byte)(bytes[5] & 0x7f);
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(head >> (8 * (5 - i)));
        }

        return prefix + ToBase32(bytes);
    }

    /// <summary>The account an access key id made by <see cref="AccessKeyId(string, string)"/> (or by AWS) encodes, if it decodes.</summary>
    public static string? AccountOf(string accessKeyId)
    {
        if (accessKeyId.Length != 20)
        {
            return null;
        }

        ulong head = 0;
        var bits = 0;
        var taken = 0;
        foreach (var c in accessKeyId.AsSpan(4))
        {
            var value = Base32.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }

            if (taken < 48)
            {
                head = (head << 5) | (uint)value;
                bits += 5;
                taken += 5;
            }
        }

        head >>= bits - 48;
        var account = (head & 0x7fffffffff80UL) >> 7;
        return account.ToString("D12", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string ToBase32(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length * 8 / 5];
        var buffer = 0;
        var bits = 0;
        var index = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[index++] = Base32[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }

        return new string(chars);
    }

    public string SecretAccessKey() => Random(SecretAlphabet, 40);

    /// <summary>Raw random bytes (an MFA seed, a password salt) from the same injected source.</summary>
    public byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        random.Fill(bytes);
        return bytes;
    }

    public string RequestId()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.Fill(bytes);
        return new Guid(bytes).ToString();
    }

    public string Hex(int length)
    {
        const string hex = "0123456789abcdef";
        return Random(hex, length);
    }

    private string Random(string alphabet, int length)
    {
        Span<byte> bytes = stackalloc byte[length];
        random.Fill(bytes);
        return string.Create(length, (alphabet, bytes.ToArray()), static (chars, state) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = state.alphabet[state.Item2[i] % state.alphabet.Length];
            }
        });
    }
}
