using System.Security.Cryptography;
using System.Text;

namespace Emulator.Core.Identifiers;

/// <summary>
/// Bytes that look random but follow from a key and a label (HMAC-SHA256 in counter mode): the same
/// key and label give the same identifiers in every process that holds the key.
/// </summary>
public sealed class DerivedRandomSource(byte[] key, string label) : IRandomSource
{
    private readonly byte[] labelBytes = Encoding.UTF8.GetBytes(label);
    private uint counter;
    private byte[] block = [];
    private int used;

    public void Fill(Span<byte> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            if (used == block.Length)
            {
                var input = new byte[labelBytes.Length + 4];
                labelBytes.CopyTo(input, 0);
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(input.AsSpan(labelBytes.Length), counter++);
                block = HMACSHA256.HashData(key, input);
                used = 0;
            }

            destination[i] = block[used++];
        }
    }
}
