using System.Globalization;
using Emulator.Core.ContainerCredentials;
using Emulator.Core.Iam.Tags;
using Emulator.Server.Hosting;
using static Emulator.Server.Admin.AdminResponses;

namespace Emulator.Server.ContainerCredentials;

/// <summary>
/// The container credential endpoint (what AWS_CONTAINER_CREDENTIALS_FULL_URI points SDKs at): the EKS Pod
/// Identity form, GET /v1/credentials with the token as the raw Authorization header, and the ECS form,
/// GET /v2/credentials/{id} with the token as the id. Tokens are bound to roles through the admin API or
/// the seed file.
/// </summary>
public static class ContainerCredentialEndpoints
{
    private const string LogCategory = "Emulator.Server.ContainerCredentials";

    public static void MapContainerCredentials(this IEndpointRouteBuilder app)
    {
        // SDKs send the token verbatim (no "Bearer"), so only an exact match finds its binding.
        app.MapGet("/v1/credentials", (HttpContext http, EmulatorRuntime runtime, ILoggerFactory logs) =>
            Serve(http.Request.Headers.Authorization.ToString(), "/v1/credentials", runtime, logs));
        app.MapGet("/v2/credentials/{id}", (string id, EmulatorRuntime runtime, ILoggerFactory logs) => Serve(id, "/v2/credentials/{id}", runtime, logs));
        app.MapGet("/v2/credentials", (EmulatorRuntime runtime, ILoggerFactory logs) => Serve(null, "/v2/credentials", runtime, logs));

        app.MapPost("/_emulator/container-credentials", async (HttpContext http, EmulatorRuntime runtime, ILoggerFactory logs) =>
        {
            const string usage = "Give {\"token\": \"...\", \"roleArn\": \"arn:aws:iam::123456789012:role/app\"}; optional: sessionName, sessionTags (an object of strings, e.g. EKS Pod Identity's kubernetes-namespace).";
            var (request, unreadable) = await ReadJsonAsync(http, ContainerCredentialJsonContext.Default.ContainerCredentialRegistrationRequest);
            if (unreadable is not null)
            {
                return Error($"{usage} The body could not be read: {unreadable}");
            }

            if (request is null)
            {
                return Error(usage);
            }

            var tags = (request.SessionTags ?? []).Select(t => new Tag(t.Key, t.Value)).ToList();
            try
            {
                var (binding, replaced) = runtime.ContainerCredentials.Register(new ContainerCredentialRegistration(request.Token, request.RoleArn, request.SessionName, tags));
                logs.CreateLogger(LogCategory).LogInformation("Container credentials bound to {RoleArn} as session {SessionName} with {TagCount} session tags{Replaced}",
                    binding.RoleArn, binding.SessionName, binding.SessionTags.Count, replaced ? " (replacing the token's earlier binding)" : "");
                var response = new ContainerCredentialRegistrationResponse(binding.RoleArn, binding.SessionName,
                    binding.SessionTags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal), binding.RegisteredAt,
                    $"{http.Request.Scheme}://{http.Request.Host}/v1/credentials");
                return Results.Json(response, ContainerCredentialJsonContext.Default.ContainerCredentialRegistrationResponse,
                    statusCode: replaced ? StatusCodes.Status200OK : StatusCodes.Status201Created);
            }
            catch (InvalidContainerCredentialException e)
            {
                return Error(e.Message);
            }
        });

        app.MapDelete("/_emulator/container-credentials/{token}", (string token, EmulatorRuntime runtime, ILoggerFactory logs) =>
        {
            if (!runtime.ContainerCredentials.Remove(token))
            {
                return Error("No binding has this token.", StatusCodes.Status404NotFound);
            }

            logs.CreateLogger(LogCategory).LogInformation("Container credentials binding removed");
            return Results.NoContent();
        });
    }

    private static IResult Serve(string? token, string route, EmulatorRuntime runtime, ILoggerFactory logs)
    {
        var logger = logs.CreateLogger(LogCategory);
        if (string.IsNullOrEmpty(token))
        {
            logger.LogInformation("Container credentials {Route}: no token -> 400 {Code}", route, ContainerCredentialsError.NoId.Code);
            return Failure(ContainerCredentialsError.NoId);
        }

        if (runtime.ContainerCredentialIssuer.Issue(token) is not { } issued)
        {
            logger.LogInformation("Container credentials {Route}: token bound to no usable role -> 400 {Code}", route, ContainerCredentialsError.InvalidId.Code);
            return Failure(ContainerCredentialsError.InvalidId);
        }

        var credentials = issued.Credentials;
        logger.LogInformation("Container credentials {Route} for {SessionArn}: {AccessKeyId} until {Expiration} -> 200",
            route, issued.Session.SessionArn, credentials.AccessKeyId, credentials.Expiration);
        return Results.Json(new ContainerCredentialsResponse(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken,
                issued.Session.AccountId,
                // Whole seconds with a Z: the one form botocore, the JS SDK (strict RFC 3339, no offset) and .NET all accept.
                credentials.Expiration.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            ContainerCredentialJsonContext.Default.ContainerCredentialsResponse);
    }

    private static IResult Failure(ContainerCredentialsError error) =>
        Results.Json(error, ContainerCredentialJsonContext.Default.ContainerCredentialsError, statusCode: error.HttpErrorCode);
}
