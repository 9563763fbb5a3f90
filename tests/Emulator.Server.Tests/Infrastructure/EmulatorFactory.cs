using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Emulator.Server.Tests.Infrastructure;

/// <summary>The real server in memory, optionally with a seed file and other command-line settings (e.g. <c>admin-token</c>).</summary>
public class EmulatorFactory(string? seedJson = null, string? auth = null, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
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

        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(name, value);
        }
    }

    public IamTestClient Iam(string accessKeyId = DefaultKeyId, string secret = DefaultSecret) =>
        new(CreateClient(), accessKeyId, secret);

    /// <summary>Mints an ID token from the built-in OIDC issuer (subject, audience, claims, lifetimeSeconds).</summary>
    public async Task<string> MintOidcToken(object request)
    {
        var response = await CreateClient().PostAsJsonAsync("/_emulator/oidc/token", request);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>AssumeRoleWithWebIdentity as SDKs send it: unsigned.</summary>
    public Task<IamResponse> AssumeRoleWithWebIdentity(string roleArn, string token, params (string Name, string Value)[] extra)
    {
        var body = IamTestClient.Form([("Action", "AssumeRoleWithWebIdentity"), ("Version", "2011-06-15"), ("RoleArn", roleArn),
            ("RoleSessionName", "ci"), ("WebIdentityToken", token), .. extra]);
        var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded") };
        return Iam().SendRaw(request);
    }

    /// <summary>Signs a SAML response with the built-in identity provider (subject, roles, attributes, lifetimeSeconds…); the base64 SAMLResponse.</summary>
    public async Task<string> MintSamlResponse(object request)
    {
        var response = await CreateClient().PostAsJsonAsync("/_emulator/saml/assertion", request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("samlResponse").GetString()!;
    }

    /// <summary>The built-in SAML identity provider's metadata document.</summary>
    public Task<string> SamlMetadata() => CreateClient().GetStringAsync("/_emulator/saml/metadata");

    /// <summary>AssumeRoleWithSAML as SDKs send it: unsigned.</summary>
    public Task<IamResponse> AssumeRoleWithSaml(string roleArn, string principalArn, string assertion, params (string Name, string Value)[] extra)
    {
        var body = IamTestClient.Form([("Action", "AssumeRoleWithSAML"), ("Version", "2011-06-15"), ("RoleArn", roleArn),
            ("PrincipalArn", principalArn), ("SAMLAssertion", assertion), .. extra]);
        var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded") };
        return Iam().SendRaw(request);
    }

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
