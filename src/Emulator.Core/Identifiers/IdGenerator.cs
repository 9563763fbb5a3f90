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

    public string AccessKeyId(string prefix) => prefix + Random(Base32, 16);

    public string SecretAccessKey() => Random(SecretAlphabet, 40);

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
