using System.Net;
using System.Text;
using System.Text.Json;
using Emulator.EndToEnd.Tests.Infrastructure;
using Emulator.EndToEnd.Tests.Story;

namespace Emulator.EndToEnd.Tests.Trail;

/// <summary>The seed story's server with <c>--trail-file</c>, and the trail's admin API as the tests read it.</summary>
public sealed class TrailStoryEmulator : StoryEmulator
{
    public TrailStoryEmulator()
        : this(Path.Combine(Path.GetTempPath(), $"emulator-trail-{Guid.NewGuid():N}.jsonl"))
    {
    }

    private TrailStoryEmulator(string trailFile)
        : base(["--trail-file", trailFile]) => TrailFile = trailFile;

    public static AwsCredentials SecondRoot { get; } = new("AKIABBBBBBBBBBBBBBB2", "secret-two");

    public string TrailFile { get; }

    /// <summary>The whole body of GET /_emulator/trail (newest first), e.g. to search it for secrets.</summary>
    public async Task<string> TrailTextAsync(string query = "?limit=100000")
    {
        using var response = await Http.GetAsync($"{Url}/_emulator/trail{query}");
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        return text;
    }

    /// <summary>The records, oldest first (the API answers newest first).</summary>
    public async Task<List<JsonElement>> TrailAsync(string query = "?limit=100000")
    {
        using var document = JsonDocument.Parse(await TrailTextAsync(query));
        return document.RootElement.GetProperty("Records").EnumerateArray().Select(e => e.Clone()).Reverse().ToList();
    }

    public async Task ClearTrailAsync()
    {
        using var response = await Http.DeleteAsync($"{Url}/_emulator/trail");
        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    public async Task<JsonElement> GeneratePolicyAsync(string principalArn)
    {
        using var content = new StringContent(JsonSerializer.Serialize(new { principalArn }), Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync($"{Url}/_emulator/policy-generation", content);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>The trail file once it holds every one of <paramref name="eventIds"/> (it is written in the background).</summary>
    public async Task<string> TrailFileWithAsync(IReadOnlyCollection<string> eventIds)
    {
        var text = "";
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using (var stream = new FileStream(TrailFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            using (var reader = new StreamReader(stream))
            {
                text = await reader.ReadToEndAsync();
            }

            if (eventIds.All(id => text.Contains(id, StringComparison.Ordinal)))
            {
                return text;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The trail file {TrailFile} does not hold all {eventIds.Count} events after 10 s.");
    }
}
