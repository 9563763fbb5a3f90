using System.Buffers;
using System.Text;

namespace Emulator.Policy;

/// <summary>The requested action, lower-cased once per evaluation and split at its first colon.</summary>
/// <remarks>
/// Action patterns are lower-cased when compiled, so with the action lowered once every comparison is ordinal
/// (vectorised) instead of lower-casing each character again for every pattern of every statement.
/// Lower-casing is per character with the invariant mapping, which is idempotent, so a lowered pattern
/// character equals a lowered action character exactly when it matched case-insensitively before.
/// </remarks>
internal readonly ref struct RequestedAction
{
    /// <summary>Actions up to this length are lowered into a stack buffer; longer ones (none in AWS) into an array.</summary>
    public const int StackLength = 128;

    private RequestedAction(ReadOnlySpan<char> lowered)
    {
        Lowered = lowered;
        Colon = lowered.IndexOf(':');
        ServiceHash = Colon < 0 ? 0 : HashOfService(lowered[..Colon]);
    }

    public ReadOnlySpan<char> Lowered { get; }

    /// <summary>Position of the first colon, or -1 for an action without a service prefix.</summary>
    public int Colon { get; }

    /// <summary><see cref="HashOfService"/> of <see cref="Service"/>, so a <see cref="ServiceTable"/> finds it with integer comparisons.</summary>
    public int ServiceHash { get; }

    /// <summary>The service prefix (<c>iam</c>); only when <see cref="Colon"/> is not negative.</summary>
    public ReadOnlySpan<char> Service => Lowered[..Colon];

    /// <summary>The action name after the colon (<c>getrole</c>).</summary>
    public ReadOnlySpan<char> Name => Lowered[(Colon + 1)..];

    /// <summary>The hash a <see cref="ServiceTable"/> keeps for each service (per process, like every string hash).</summary>
    public static int HashOfService(ReadOnlySpan<char> loweredService) => string.GetHashCode(loweredService);

    /// <param name="buffer">At least <paramref name="action"/>'s length; the result points into it.</param>
    public static RequestedAction Lower(ReadOnlySpan<char> action, Span<char> buffer)
    {
        var lowered = buffer[..action.Length];
        if (Ascii.ToLower(action, lowered, out _) != OperationStatus.Done)
        {
            for (var index = 0; index < action.Length; index++)
            {
                lowered[index] = char.ToLowerInvariant(action[index]);
            }
        }

        return new RequestedAction(lowered);
    }
}
