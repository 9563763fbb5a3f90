using Emulator.Core.Imds;
using Emulator.Server.Admin;
using static Emulator.Server.Admin.AdminResponses;

namespace Emulator.Server.Imds;

/// <summary>
/// Admin endpoints for instances and IMDS: the live instances with the IMDS address of each, marking the
/// default instance, and the certificate that verifies identity-document signatures.
/// </summary>
public static class InstanceAdminEndpoints
{
    public static void MapInstanceAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/_emulator");
        admin.MapGet("/instances", (HttpContext http, ImdsAddressing addressing) =>
            Results.Json(Summaries(http, addressing), AdminJsonContext.Default.IReadOnlyListInstanceSummary));

        admin.MapPost("/instances/default", async (HttpContext http, ImdsAddressing addressing, InstanceMetadataService imds, ILogger<ImdsAddressing> logger) =>
        {
            var (request, unreadable) = await ReadJsonAsync(http, AdminJsonContext.Default.DefaultInstanceRequest);
            if (unreadable is not null || request is null)
            {
                return Error($"Body must be JSON like {{\"instanceId\": \"i-0123456789abcdef0\"}} (null clears the mark): {unreadable}");
            }

            if (request.InstanceId is { } id && imds.View(id) is not { State.Name: not "terminated" })
            {
                return Error($"There is no live instance {id}.", StatusCodes.Status404NotFound);
            }

            addressing.MarkedDefault = request.InstanceId;
            logger.LogInformation("Default IMDS instance set to {InstanceId}", request.InstanceId ?? "(none)");
            return Results.Json(Summaries(http, addressing), AdminJsonContext.Default.IReadOnlyListInstanceSummary);
        });

        admin.MapGet("/imds/certificate", (InstanceMetadataService imds) => Results.Text(imds.Signer.CertificatePem, "application/x-pem-file"));
    }

    private static List<InstanceSummary> Summaries(HttpContext http, ImdsAddressing addressing)
    {
        var snapshot = addressing.Snapshot();
        var ports = snapshot.Ports;
        var (defaultId, _) = addressing.DefaultInstance(snapshot.Instances);
        var mainUrl = $"{http.Request.Scheme}://{http.Request.Host}";
        return snapshot.Instances
            .Select(view =>
            {
                var id = view.Instance.InstanceId;
                int? port = ports.TryGetValue(id, out var p) ? p : null;
                return new InstanceSummary(id, view.Instance.AccountId, view.Instance.Region, view.State.Name, view.Instance.PrivateIpAddress,
                    view.Role?.RoleName, $"{mainUrl}/{id}", port, port is null ? null : $"http://127.0.0.1:{port}", id == defaultId);
            })
            .ToList();
    }
}
