using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Sts;

/// <summary>The emulator's own OIDC issuer (https://oidc.emulator.test): mints ID tokens through its admin API.</summary>
public static class BuiltInIssuer
{
    public const string Url = "https://oidc.emulator.test";

    /// <summary>POST /_emulator/oidc/token, e.g. <c>new { subject = "repo:acme/app", lifetimeSeconds = 60 }</c>; returns the JWT.</summary>
    public static async Task<string> MintAsync(EmulatorProcess emulator, object request)
    {
        using var response = await emulator.Http.PostAsJsonAsync($"{emulator.Url}/_emulator/oidc/token", request);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, "the issuer answered {0}", text);
        using var document = JsonDocument.Parse(text);
        document.RootElement.GetProperty("issuer").GetString().Should().Be(Url);
        return document.RootElement.GetProperty("token").GetString()!;
    }
}
