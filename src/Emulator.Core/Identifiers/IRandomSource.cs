namespace Emulator.Core.Identifiers;

/// <summary>The one source of randomness, so tests can make identifiers predictable.</summary>
public interface IRandomSource
{
    void Fill(Span<byte> destination);
}
