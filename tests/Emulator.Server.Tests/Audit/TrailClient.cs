using System.Text.Json;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Audit;

/// <summary>Reads the audit trail through the admin API.</summary>
public static class TrailClient
{
    /// <summary>GET /_emulator/trail with the query string; the records (newest first) of a 200.</summary>
    public static async Task<IReadOnlyList<JsonElement>> Records(EmulatorFactory emulator, string query = "")
    {
        var reply = await AdminRequest.Get("/_emulator/trail" + query).SendAsync(emulator.CreateClient());
        reply.Status.Should().Be(System.Net.HttpStatusCode.OK, reply.Body);
        return reply.Json.GetProperty("Records").EnumerateArray().ToList();
    }

    public static async Task<JsonElement> Single(EmulatorFactory emulator, string eventName) =>
        (await Records(emulator, $"?eventName={eventName}")).Should().ContainSingle().Subject;

    public static string? Text(this JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            element = int.TryParse(name, out var index) ? element[index] : element.GetProperty(name);
        }

        return element.ValueKind == JsonValueKind.Null ? null : element.GetString();
    }
}
