using System.Buffers;

namespace Emulator.Policy;

/// <summary>
/// Scratch space for a substituted template: the caller's stack buffer when it is large enough, otherwise
/// arrays rented from the shared pool, so evaluation never allocates for variables.
/// </summary>
internal ref struct TemplateBuffer
{
    /// <summary>Templates that substitute to at most this many characters use the caller's stack buffer.</summary>
    public const int StackLength = 256;

    private char[]? _rentedCharacters;
    private GlobUnitKind[]? _rentedKinds;

    public TemplateBuffer(Span<char> stackCharacters, Span<GlobUnitKind> stackKinds, int length)
    {
        if (length <= stackCharacters.Length && length <= stackKinds.Length)
        {
            Characters = stackCharacters[..length];
            Kinds = stackKinds[..length];
            return;
        }

        _rentedCharacters = ArrayPool<char>.Shared.Rent(length);
        _rentedKinds = ArrayPool<GlobUnitKind>.Shared.Rent(length);
        Characters = _rentedCharacters.AsSpan(0, length);
        Kinds = _rentedKinds.AsSpan(0, length);
    }

    public Span<char> Characters { get; }

    public Span<GlobUnitKind> Kinds { get; }

    public void Dispose()
    {
        if (_rentedCharacters is not null)
        {
            ArrayPool<char>.Shared.Return(_rentedCharacters);
            _rentedCharacters = null;
        }

        if (_rentedKinds is not null)
        {
            ArrayPool<GlobUnitKind>.Shared.Return(_rentedKinds);
            _rentedKinds = null;
        }
    }
}
