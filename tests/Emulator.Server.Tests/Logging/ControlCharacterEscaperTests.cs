using System.Globalization;
using Emulator.Server.Logging;
using Serilog.Events;
using Serilog.Formatting.Display;
using Serilog.Parsing;

namespace Emulator.Server.Tests.Logging;

public sealed class ControlCharacterEscaperTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("x\nFAKE LINE", "x\\nFAKE LINE")]
    [InlineData("a\r\nb\tc", "a\\r\\nb\\tc")]
    [InlineData("\u001b[31mred", "\\u001B[31mred")]
    [InlineData("nul\0bell\u0007del\u007f", "nul\\u0000bell\\u0007del\\u007F")]
    [InlineData("line\u2028para\u2029end", "line\\u2028para\\u2029end")]
    [InlineData("ünïcödé ✓ stays", "ünïcödé ✓ stays")]
    public void Escape_writes_every_control_character_as_an_escape(string raw, string expected)
    {
        ControlCharacterEscaper.Escape(raw).Should().Be(expected);
    }

    [Fact]
    public void Escape_returns_the_same_string_when_there_is_nothing_to_escape()
    {
        var text = "iam:GetRole";

        ControlCharacterEscaper.Escape(text).Should().BeSameAs(text);
    }

    [Fact]
    public void A_client_controlled_action_cannot_forge_a_log_line()
    {
        var logEvent = Event("{Service}:{Action} by {Principal} -> {Status}",
            ("Service", new ScalarValue("iam")),
            ("Action", new ScalarValue("x\n[12:00:00 INF] iam:DeleteRole by arn:aws:iam::123456789012:root -> 200")),
            ("Principal", new ScalarValue("anonymous")),
            ("Status", new ScalarValue(403)));

        new ControlCharacterEscaper().Enrich(logEvent, null!);
        var rendered = Render(logEvent);

        rendered.TrimEnd('\n').Should().NotContain("\n").And.NotContain("\r");
        rendered.Should().Contain("iam:x\\n[12:00:00 INF] iam:DeleteRole");
    }

    [Fact]
    public void Strings_inside_sequences_structures_and_dictionaries_are_escaped_too()
    {
        var logEvent = Event("{List} {Object} {Map}",
            ("List", new SequenceValue([new ScalarValue("a\nb"), new ScalarValue(1)])),
            ("Object", new StructureValue([new LogEventProperty("Name", new ScalarValue("c\u001bd"))])),
            ("Map", new DictionaryValue([new KeyValuePair<ScalarValue, LogEventPropertyValue>(new ScalarValue("k\ry"), new ScalarValue("v\u2028w"))])));

        new ControlCharacterEscaper().Enrich(logEvent, null!);
        var rendered = Render(logEvent);

        rendered.TrimEnd('\n').Should().NotContainAny("\n", "\r", "\u001b", "\u2028");
        ((SequenceValue)logEvent.Properties["List"]).Elements[0].Should().Be(new ScalarValue("a\\nb"));
        ((StructureValue)logEvent.Properties["Object"]).Properties[0].Value.Should().Be(new ScalarValue("c\\u001Bd"));
        ((DictionaryValue)logEvent.Properties["Map"]).Elements.Should().ContainSingle()
            .Which.Should().Be(new KeyValuePair<ScalarValue, LogEventPropertyValue>(new ScalarValue("k\\ry"), new ScalarValue("v\\u2028w")));
    }

    [Fact]
    public void Values_that_need_no_escaping_are_left_untouched()
    {
        var value = new ScalarValue("arn:aws:iam::123456789012:user/alice");
        var logEvent = Event("{Principal}", ("Principal", value));

        new ControlCharacterEscaper().Enrich(logEvent, null!);

        logEvent.Properties["Principal"].Should().BeSameAs(value);
    }

    private static LogEvent Event(string template, params (string Name, LogEventPropertyValue Value)[] properties) =>
        new(DateTimeOffset.UnixEpoch, LogEventLevel.Information, null, new MessageTemplateParser().Parse(template),
            properties.Select(p => new LogEventProperty(p.Name, p.Value)));

    private static string Render(LogEvent logEvent)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        new MessageTemplateTextFormatter(EmulatorLogging.OutputTemplate, CultureInfo.InvariantCulture).Format(logEvent, output);
        return output.ToString();
    }
}
