using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Emulator.Server.Tests.Infrastructure;

/// <summary>The real server in memory, optionally with a seed file and other command-line settings.</summary>
public class EmulatorFactory(string? seedJson = null, string? auth = null) : WebApplicationFactory<Program>
{
    private string? seedPath;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (seedJson is not null)
        {
            seedPath = Path.Combine(Path.GetTempPath(), $"emulator-seed-{Guid.NewGuid():N}.json");
            File.WriteAllText(seedPath, seedJson);
            builder.UseSetting("seed", seedPath);
        }

        if (auth is not null)
        {
            builder.UseSetting("auth", auth);
        }
    }

    public IamTestClient Iam(string accessKeyId = DefaultKeyId, string secret = DefaultSecret) =>
        new(CreateClient(), accessKeyId, secret);

    public const string DefaultKeyId = "AKIAIOSFODNN7EXAMPLE";
    public const string DefaultSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (seedPath is not null)
        {
            File.Delete(seedPath);
        }
    }
}
