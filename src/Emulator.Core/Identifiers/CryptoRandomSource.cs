using System.Security.Cryptography;

namespace Emulator.Core.Identifiers;

public sealed class CryptoRandomSource : IRandomSource
{
    public void Fill(Span<byte> destination) => RandomNumberGenerator.Fill(destination);
}
