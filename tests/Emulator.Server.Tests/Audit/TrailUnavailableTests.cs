using System.Net;
using System.Text.Json;
using Emulator.Core.Audit;
using Emulator.Core.Store.Persistence;
using Emulator.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Emulator.Server.Tests.Audit;

/// <summary>The trail kept in a state database that is down: the admin API says so (503, JSON), never a bare 500.</summary>
public sealed class TrailUnavailableTests
{
    [Theory]
    [InlineData("GET")]
    [InlineData("DELETE")]
    public async Task A_trail_whose_database_fails_is_503_with_the_reason(string method)
    {
        using var emulator = new DefaultEmulator();
        using var client = emulator.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IAuditTrail>(new UnreachableTrail())))
            .CreateClient();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/_emulator/trail"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        body.RootElement.GetProperty("error").GetString().Should().Be("The emulator's state database is unavailable; the request was not applied. Try again.");
    }

    /// <summary>What <see cref="DurableAuditTrail"/> throws when its database fails (its own test shows it does).</summary>
    private sealed class UnreachableTrail : IAuditTrail
    {
        public void Append(AuditRecord record)
        {
        }

        public IReadOnlyList<AuditRecord> Query(AuditQuery query) => throw DatabaseFailure.Unavailable();

        public void Clear() => throw DatabaseFailure.Unavailable();
    }
}
