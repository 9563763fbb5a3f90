using Emulator.Core.Audit;
using Emulator.Server.Hosting;

namespace Emulator.Server.Audit;

/// <summary>Registers the audit trail: the runtime's (a ring in memory, or the state database), the recorder the pipeline calls and, with <c>--trail-file</c>, the file writer.</summary>
public static class AuditServiceCollectionExtensions
{
    public static IServiceCollection AddAuditTrail(this IServiceCollection services, EmulatorOptions options)
    {
        services.AddSingleton(sp => sp.GetRequiredService<EmulatorRuntime>().Trail);
        if (options.TrailFile is { } path)
        {
            services.AddSingleton(sp => new TrailFileWriter(path, sp.GetRequiredService<ILogger<TrailFileWriter>>()));
            services.AddHostedService(sp => sp.GetRequiredService<TrailFileWriter>());
        }

        services.AddSingleton(sp => new AuditRecorder(sp.GetRequiredService<IAuditTrail>(), sp.GetService<TrailFileWriter>(),
            sp.GetRequiredService<EmulatorRuntime>(), sp.GetRequiredService<ILogger<AuditRecorder>>()));
        return services;
    }
}
