using Emulator.Core.Imds;
using Emulator.Core.Identifiers;
using Emulator.Server.Hosting;

namespace Emulator.Server.Imds;

/// <summary>Wires IMDS into the host: its services, its route in front of everything else, and the extra listeners.</summary>
public static class ImdsHost
{
    public static IServiceCollection AddImds(this IServiceCollection services)
    {
        services.AddSingleton(sp => new InstanceIdentitySigner(sp.GetRequiredService<EmulatorRuntime>().Clock));
        services.AddSingleton(sp =>
        {
            var runtime = sp.GetRequiredService<EmulatorRuntime>();
            // A per-process token key: tokens need no storage and die with the process, as on an instance that reboots.
            var key = new byte[32];
            sp.GetRequiredService<IRandomSource>().Fill(key);
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
