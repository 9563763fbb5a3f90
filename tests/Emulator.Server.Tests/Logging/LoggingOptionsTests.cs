using Emulator.Server.Logging;
using Microsoft.Extensions.Configuration;
using Serilog.Events;

namespace Emulator.Server.Tests.Logging;

public sealed class LoggingOptionsTests
{
    [Fact]
    public void Without_options_the_default_is_Information_with_Microsoft_at_Warning()
    {
        var options = Parse();

        options.DefaultLevel.Should().Be(LogEventLevel.Information);
        options.Overrides["Microsoft"].Should().Be(LogEventLevel.Warning);
        options.Overrides["Microsoft.AspNetCore"].Should().Be(LogEventLevel.Warning);
    }

    [Theory]
    [InlineData("--log-level", "Warning")]
    [InlineData("--log-level", "warn")]
    [InlineData("--Serilog:MinimumLevel:Default", "Warning")]
    [InlineData("--Serilog:MinimumLevel", "warning")]
    public void The_default_level_comes_from_log_level_or_the_Serilog_keys(string option, string value)
    {
        Parse(option, value).DefaultLevel.Should().Be(LogEventLevel.Warning);
    }

    [Fact]
    public void Log_level_wins_over_the_Serilog_key()
    {
        Parse("--Serilog:MinimumLevel:Default=Error", "--log-level", "Debug").DefaultLevel.Should().Be(LogEventLevel.Debug);
    }

    [Fact]
    public void An_override_sets_the_level_of_a_namespace()
    {
        var options = Parse("--Serilog:MinimumLevel:Override:Emulator.Server.Authorization=Debug");

        options.Overrides["Emulator.Server.Authorization"].Should().Be(LogEventLevel.Debug);
    }

    [Theory]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Microsoft.AspNetCore.Hosting.Diagnostics")]
    public void No_override_lowers_ASP_NET_Core_below_Warning_because_its_request_lines_carry_presigned_URLs(string name)
    {
        var options = Parse($"--Serilog:MinimumLevel:Override:{name}=Verbose", "--log-level", "Verbose");

        options.Overrides[name].Should().Be(LogEventLevel.Warning);
    }

    [Theory]
    [InlineData("--log-level", "Loud")]
    [InlineData("--log-level", "2")]
    [InlineData("--Serilog:MinimumLevel:Default", "Chatty")]
    [InlineData("--Serilog:MinimumLevel:Override:Emulator", "Everything")]
    public void An_unknown_level_is_an_error_naming_the_option_and_the_levels(string option, string value)
    {
        var parse = () => Parse($"{option}={value}");

        parse.Should().Throw<ArgumentException>()
            .WithMessage($"{option} must be one of Verbose, Debug, Information, Warning, Error, Fatal, not '{value}'.");
    }

    private static LoggingOptions Parse(params string[] arguments) =>
        LoggingOptions.FromConfiguration(new ConfigurationBuilder().AddCommandLine(arguments).Build());
}
