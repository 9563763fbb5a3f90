using Emulator.Core.Imds;
using Emulator.Core.Identifiers;
using Emulator.Server.Hosting;

namespace Emulator.Server.Imds;

/// <summary>Wires IMDS into the host: its services, its route in front of everything else, and the extra listeners.</summary>
public static class ImdsHost
{
    public static IServiceCollection AddImds(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var runtime = sp.GetRequiredService<EmulatorRuntime>();
            return new InstanceIdentitySigner(runtime.Clock, runtime.Store.Key("instance-identity-key", InstanceIdentitySigner.NewKey));
        });
        services.AddSingleton(sp =>
        {
            var runtime = sp.GetRequiredService<EmulatorRuntime>();
            // Tokens need no storage: they are MACs under a key the store keeps, so every replica accepts them.
            var random = sp.GetRequiredService<IRandomSource>();
            var key = runtime.Store.Key("imds-token-key", () =>
            {
                var bytes = new byte[32];
                random.Fill(bytes);
                return bytes;
            });
            return new InstanceMetadataService(runtime.Store, runtime.Clock, runtime.RoleCredentials, new MetadataTokens(key, runtime.Clock),
                sp.GetRequiredService<InstanceIdentitySigner>());
        });
        services.AddSingleton<ImdsAddressing>();
        return services;
    }

    /// <summary>IMDS first: on a per-instance port nothing else (admin, AWS API) is served.</summary>
    public static void UseImds(this WebApplication app) => app.UseMiddleware<ImdsEndpoint>();

    /// <summary>The main URLs plus one loopback listener per <c>--imds-ports</c> port.</summary>
    public static string ListenUrls(string mainUrls, ImdsPortRange? ports) =>
        ports is null ? mainUrls : string.Join(';', [mainUrls, .. ports.Ports.Select(p => $"http://127.0.0.1:{p}")]);
}
