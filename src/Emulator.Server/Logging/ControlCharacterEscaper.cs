using Serilog.Core;
using Serilog.Events;

namespace Emulator.Server.Logging;

/// <summary>
/// Escapes control characters in every string property of every log event, so a client-controlled
/// value (an Action of <c>"x\nFAKE LINE"</c>, a user agent, a session name) can neither forge a log
/// line nor put raw terminal escapes on the console. The one place this is done: the logger applies
/// it to all events, whichever sink renders them.
/// </summary>
public sealed class ControlCharacterEscaper : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<LogEventProperty>? escaped = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            var safe = Escape(value);
            if (!ReferenceEquals(safe, value))
            {
                (escaped ??= []).Add(new LogEventProperty(name, safe));
            }
        }

        // Replaced after the loop: the property dictionary cannot change while it is enumerated.
        foreach (var property in escaped ?? [])
        {
            logEvent.AddOrUpdateProperty(property);
        }
    }

    /// <summary>
    /// The text with \r, \n and \t written as such, and every other C0 control, DEL and the Unicode
    /// line and paragraph separators as \uXXXX; the same instance when there is nothing to escape.
    /// Backslashes stay as they are: an escaped line break is no line break, which is what matters.
    /// </summary>
    public static string Escape(string text)
    {
        var first = text.AsSpan().IndexOfAny(UnsafeCharacters);
        if (first < 0)
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length + 8);
        builder.Append(text, 0, first);
        foreach (var c in text.AsSpan(first))
        {
            switch (c)
            {
                case '\r': builder.Append("\\r"); break;
                case '\n': builder.Append("\\n"); break;
                case '\t': builder.Append("\\t"); break;
                case < ' ' or '\u007F' or '\u2028' or '\u2029':
                    builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> UnsafeCharacters = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, 0x20).Select(i => (char)i).Concat(['\u007F', '\u2028', '\u2029']).ToArray());

    private static LogEventPropertyValue Escape(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string text } => Escape(text) is var safe && !ReferenceEquals(safe, text) ? new ScalarValue(safe) : value,
        SequenceValue sequence => EscapeAll(sequence.Elements, out var elements) ? new SequenceValue(elements) : value,
        StructureValue structure => EscapeAll(structure.Properties, out var properties) ? new StructureValue(properties, structure.TypeTag) : value,
        DictionaryValue dictionary => EscapeAll(dictionary.Elements, out var entries) ? new DictionaryValue(entries) : value,
        _ => value,
    };

    private static bool EscapeAll(IReadOnlyList<LogEventPropertyValue> values, out List<LogEventPropertyValue> escaped)
    {
        escaped = values.Select(Escape).ToList();
        return !escaped.SequenceEqual(values, ReferenceEqualityComparer.Instance);
    }

    private static bool EscapeAll(IReadOnlyList<LogEventProperty> properties, out List<LogEventProperty> escaped)
    {
        var changed = false;
        escaped = new List<LogEventProperty>(properties.Count);
        foreach (var property in properties)
        {
            var safe = Escape(property.Value);
            changed |= !ReferenceEquals(safe, property.Value);
            escaped.Add(ReferenceEquals(safe, property.Value) ? property : new LogEventProperty(property.Name, safe));
        }

        return changed;
    }

    private static bool EscapeAll(IReadOnlyDictionary<ScalarValue, LogEventPropertyValue> entries, out List<KeyValuePair<ScalarValue, LogEventPropertyValue>> escaped)
    {
        var changed = false;
        escaped = new List<KeyValuePair<ScalarValue, LogEventPropertyValue>>(entries.Count);
        foreach (var (key, entry) in entries)
        {
            var safeKey = (ScalarValue)Escape(key);
            var safe = Escape(entry);
            changed |= !ReferenceEquals(safeKey, key) || !ReferenceEquals(safe, entry);
            escaped.Add(new(safeKey, safe));
        }

        return changed;
    }
}
