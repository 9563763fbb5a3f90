using Emulator.Core.Identifiers;
using Emulator.Core.Time;
using Emulator.Server.Admin;
using Emulator.Server.Audit;
using Emulator.Server.Authentication;
using Emulator.Server.Authorization;
using Emulator.Server.ContainerCredentials;
using Emulator.Server.Ec2;
using Emulator.Server.Iam;
using Emulator.Server.Imds;
using Emulator.Server.Pipeline;
using Emulator.Server.Sts;

namespace Emulator.Server.Hosting;

/// <summary>Wires the emulator into an ASP.NET Core host: services, admin routes and the AWS API route.</summary>
public static class EmulatorHost
{
    public static IServiceCollection AddEmulator(this IServiceCollection services, EmulatorOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(_ => new AdjustableTimeProvider());
        services.AddSingleton<IRandomSource, CryptoRandomSource>();
        services.AddSingleton<EmulatorRuntime>();
        services.AddSingleton(new DecisionLog(options.DecisionLogSize));
        services.AddAuditTrail(options);
        services.AddSingleton<IRequestAuthorizer>(sp =>
        {
            var runtime = sp.GetRequiredService<EmulatorRuntime>();
            return new PolicyAuthorizer(new Emulator.Core.Authorization.PolicyResolver(runtime.Store), runtime.Clock,
                sp.GetRequiredService<DecisionLog>(), options.Enforcement, sp.GetRequiredService<ILogger<PolicyAuthorizer>>());
        });
        services.AddSingleton(sp =>
        {
            var runtime = sp.GetRequiredService<EmulatorRuntime>();
            return new RequestAuthenticator(runtime.Credentials, runtime.Sessions, runtime.Iam.Account, runtime.Clock, TimeProvider.System,
                options.Authentication, runtime.DefaultAccountId);
        });
        services.AddSingleton(sp =>
        {
            var runtime = sp.GetRequiredService<EmulatorRuntime>();
            return new AwsRequestPipeline([IamActions.Service(runtime.Iam), StsActions.Service(runtime.Sts, runtime.Credentials, runtime.WebIdentity, runtime.SamlAssertions, runtime.AuthorizationMessages, runtime.OutboundTokens),
                    Ec2Actions.Service(runtime.Ec2, runtime.AuthorizationMessages)], sp.GetRequiredService<RequestAuthenticator>(),
                sp.GetRequiredService<IRequestAuthorizer>(), runtime, sp.GetRequiredService<ILogger<AwsRequestPipeline>>(), sp.GetRequiredService<AuditRecorder>());
        });
        services.AddImds();
        return services;
    }

    public static void MapEmulator(this WebApplication app)
    {
        app.UseImds();
        // Only the admin API is guarded: the AWS API at / must accept whatever Host an SDK sends.
        app.UseWhen(context => AdminAccessGuard.IsAdminPath(context.Request.Path), admin => admin.UseMiddleware<AdminAccessGuard>());
        AdminExposure.WarnWhenExposedWithoutToken(app);
        app.MapAdmin();
        app.MapStateTransfer();
        app.MapTrail();
        app.MapInstanceAdmin();
        app.MapOidc();
        app.MapSaml();
        app.MapContainerCredentials();
        app.MapOutboundFederation();
        var pipeline = app.Services.GetRequiredService<AwsRequestPipeline>();
        // Every method reaches the pipeline, which answers a PUT or DELETE with an AWS-shaped 405.
        app.Map("/", pipeline.HandleAsync);

        // Anything else answers in the shape of the API it is under, never with an empty 404 or 405.
        app.MapFallback(http => AdminAccessGuard.IsAdminPath(http.Request.Path)
            ? AdminEndpoints.NotFound(http, http.RequestServices.GetRequiredService<EndpointDataSource>()).ExecuteAsync(http)
            : pipeline.NotFoundAsync(http));
    }
}
