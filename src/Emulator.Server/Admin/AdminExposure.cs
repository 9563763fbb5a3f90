using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Emulator.Server.Hosting;

namespace Emulator.Server.Admin;

/// <summary>
/// Warns at start-up when the admin API is reachable from other machines without a token: listening
/// on 0.0.0.0 (as in Docker) is often what users want for the AWS API, but then anyone on the network
/// who can name an allowed host can reset the state or move the clock.
/// </summary>
public static class AdminExposure
{
    public static void WarnWhenExposedWithoutToken(WebApplication app)
    {
        var options = app.Services.GetRequiredService<EmulatorOptions>();
        if (options.AdminToken is not null)
        {
            return;
        }

        // The bound addresses are known only once the server started; TestServer has none.
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var exposed = NonLoopback(addresses);
            if (exposed.Count > 0)
            {
                app.Logger.LogWarning(
                    "The admin API /_emulator is reachable beyond this machine on {Addresses} and has no --admin-token: anyone who can reach it may reset state or move the clock. Start with --admin-token to require one",
                    exposed);
            }
        });
    }

    /// <summary>The listen addresses (e.g. <c>http://0.0.0.0:4599</c>) other machines can reach.</summary>
    public static IReadOnlyList<string> NonLoopback(IEnumerable<string> addresses) =>
        addresses.Where(address => !IsLoopback(address)).ToList();

    private static bool IsLoopback(string address)
    {
        BindingAddress binding;
        try
        {
            binding = BindingAddress.Parse(address);
        }
        catch (FormatException)
        {
            return false;
        }

        if (binding.IsUnixPipe || binding.IsNamedPipe || binding.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(binding.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }
}
