using System.Text;
using System.Text.Json;

namespace Emulator.Core.Authorization.Simulation;

/// <summary>
/// Locates a statement in a policy's text for MatchedStatements. The compiled document keeps no positions,
/// so the text is read once more here, only for statements that matched.
/// </summary>
/// <remarks>
/// IAM's convention, reproduced from the AWS CLI examples: the start is just after the <c>[</c> (or the <c>,</c>)
/// before the statement, or just after the <c>{</c> when <c>Statement</c> is a single object; the end is just
/// after the statement's <c>}</c>. Lines and columns are 1-based.
/// </remarks>
internal static class StatementPositions
{
    public static (Position Start, Position End) Find(string text, int statementIndex)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        try
        {
            return Locate(bytes, statementIndex) is var (start, end)
                ? (PositionOf(bytes, start), PositionOf(bytes, end))
                : (Position.Start, Position.Start);
        }
        catch (JsonException)
        {
            // Stored and submitted policies were parsed already; this only guards against the unexpected.
            return (Position.Start, Position.Start);
        }
    }

    /// <summary>Byte offsets of the statement's start and end, or null when it is not found.</summary>
    private static (int Start, int End)? Locate(byte[] bytes, int statementIndex)
    {
        (int Start, int End)? found = null;
        var reader = new Utf8JsonReader(bytes);
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
            {
                continue;
            }

            var isStatement = reader.ValueTextEquals("Statement"u8);
            reader.Read();
            if (!isStatement)
            {
                reader.Skip();
                continue;
            }

            // A repeated Statement member keeps its last value, as the parser does; so keep scanning.
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                var start = (int)reader.TokenStartIndex + 1;
                reader.Skip();
                found = statementIndex == 0 ? (start, (int)reader.TokenStartIndex + 1) : null;
            }
            else if (reader.TokenType == JsonTokenType.StartArray)
            {
                found = null;
                var previousEnd = (int)reader.TokenStartIndex + 1;
                for (var index = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
                {
                    var start = AfterSeparator(bytes, previousEnd);
                    reader.Skip();
                    previousEnd = (int)reader.TokenStartIndex + 1;
                    if (index == statementIndex)
                    {
                        found = (start, previousEnd);
                    }
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return found;
    }

    /// <summary>Just after the comma that follows <paramref name="offset"/> (if any), skipping whitespace.</summary>
    private static int AfterSeparator(byte[] bytes, int offset)
    {
        var position = offset;
        while (position < bytes.Length && bytes[position] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            position++;
        }

        return position < bytes.Length && bytes[position] == (byte)',' ? position + 1 : offset;
    }

    private static Position PositionOf(byte[] bytes, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var index = 0; index < offset; index++)
        {
            if (bytes[index] == (byte)'\n')
            {
                line++;
                lineStart = index + 1;
            }
        }

        return new Position(line, Encoding.UTF8.GetCharCount(bytes, lineStart, offset - lineStart) + 1);
    }
}
