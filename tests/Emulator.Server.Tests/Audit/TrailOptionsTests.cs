using Emulator.Server.Hosting;
using Microsoft.Extensions.Configuration;

namespace Emulator.Server.Tests.Audit;

/// <summary>--trail-size and --trail-file are read at start-up; a value the trail could not use stops the start.</summary>
public sealed class TrailOptionsTests
{
    [Fact]
    public void Trail_options_are_read_from_the_command_line_names_and_default_to_10000_in_memory()
    {
        var folder = Path.GetTempPath();

        var given = Read(("trail-size", "25"), ("trail-file", Path.Combine(folder, "trail.jsonl")));
        var defaults = Read();

        given.TrailSize.Should().Be(25);
        given.TrailFile.Should().Be(Path.GetFullPath(Path.Combine(folder, "trail.jsonl")));
        defaults.TrailSize.Should().Be(10000);
        defaults.TrailFile.Should().BeNull();
        CommandLine.Validate(["--trail-size", "5", "--trail-file", "t.jsonl"]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("many")]
    public void A_trail_size_that_is_not_a_positive_number_stops_the_start(string size)
    {
        var read = () => Read(("trail-size", size));

        read.Should().Throw<ArgumentException>().WithMessage($"--trail-size must be a whole number from 1 to 10000000, not '{size}'.");
    }

    [Fact]
    public void A_trail_file_in_a_folder_that_does_not_exist_stops_the_start()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-folder-{Guid.NewGuid():N}", "trail.jsonl");

        var read = () => Read(("trail-file", path));

        read.Should().Throw<ArgumentException>().WithMessage($"--trail-file must name a file in an existing folder, not '{path}'.");
    }

    private static EmulatorOptions Read(params (string Name, string Value)[] settings) =>
        EmulatorOptions.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Name, s.Value)))
            .Build());
}
