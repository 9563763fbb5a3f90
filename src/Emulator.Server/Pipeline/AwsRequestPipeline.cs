using System.Diagnostics;
using Emulator.Core.Audit;
using Emulator.Core.Errors;
using Emulator.Core.Identity;
using Emulator.Policy;
using Emulator.Server.Audit;
using Emulator.Server.Authentication;
using Emulator.Server.Authorization;
using Emulator.Server.Hosting;
using Emulator.Server.Protocol;
using Microsoft.AspNetCore.Http.Features;

namespace Emulator.Server.Pipeline;

/// <summary>
/// The one path of every AWS API request: decode → authenticate → authorize → handler → encode.
/// The service is chosen by the signature's credential scope (clients pointed at one endpoint
/// still sign with the right service name), or by the action for unsigned calls.
/// </summary>
public sealed class AwsRequestPipeline(
    IReadOnlyList<AwsService> services,
    RequestAuthenticator authenticator,
    IRequestAuthorizer authorizer,
    EmulatorRuntime runtime,
    ILogger<AwsRequestPipeline> logger,
    AuditRecorder? audit = null)
{
    private const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Pooled response buffers: a 60 KB list response would otherwise allocate on the large-object heap on every call.</summary>
    private static readonly Microsoft.IO.RecyclableMemoryStreamManager ResponseBuffers = new();

    public IReadOnlyList<AwsService> Services => services;

    public async Task HandleAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        var requestId = runtime.Ids.RequestId();
        // Errors found before the signature is parsed (body size, decoding) are already worded by the service
        // the credential scope names, so an EC2 client gets EC2's envelope even for a body it cannot send.
        var service = ServiceNamedBy(http) ?? services[0];
        var action = "-";
        Principal? principal = null;
        var decision = "-";
        int status;
        using var body = ResponseBuffers.GetStream();
        // What the audit trail records once the answer is known, filled in as the request gets through each step.
        QueryParameters? decoded = null;
        SigV4Credential? signature = null;
        AwsError? failure = null;
        var authorizations = new List<AuditedAuthorization>(2);
        try
        {
            if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsPost(http.Request.Method))
            {
                throw new AwsError("MethodNotAllowed", $"The HTTP method {http.Request.Method} is not allowed: the query API takes GET or POST.", 405).ToException();
            }

            var request = await ReadAsync(http);
            var parameters = Parameters(http, request);
            decoded = parameters;
            request = request with { QueryPairs = parameters.QueryPairs };
            action = parameters["Action"] ?? "-";
            var claim = SigV4Parser.Parse(request);
            signature = claim;
            service = ChooseService(claim, parameters["Action"]);
            var operation = parameters["Action"] is { } name && service.Operations.TryGetValue(name, out var found) ? found : null;

            if (claim is null)
            {
                if (operation?.AllowsAnonymous != true)
                {
                    throw service.Protocol.MissingAuthentication().ToException();
                }
            }
            else
            {
                principal = await Authenticate(service, request, claim);
                if (principal is { Session: null, AccessKeyId: { } keyId })
                {
                    // Long-term keys only: GetAccessKeyLastUsed reports them; temporary keys are in no table.
                    runtime.Credentials.RecordUse(keyId, runtime.Clock.GetUtcNow(), service.SigningName, claim.Region);
                }
            }

            if (operation is null)
            {
                throw service.Protocol.UnknownOperation(parameters["Action"], parameters["Version"]).ToException();
            }

            var region = claim?.Region ?? "us-east-1";
            if (principal is not null)
            {
                service.RestrictSession?.Invoke(principal, operation);
            }

            var context = new OperationContext(principal ?? Principal.Root(runtime.DefaultAccountId, AwsPartitions.OfRegion(region), null), parameters, region, requestId)
            {
                Origin = $"{http.Request.Scheme}://{http.Request.Host}",
            };
            operation.Validate?.Invoke(context);
            if (operation.IdentifyCaller is { } identify)
            {
                principal = await identify(context);
                context = context with { Principal = principal };
            }

            if (principal is not null && !operation.SkipsAuthorization)
            {
                decision = Authorize(http, service, principal, operation, context, authorizations);
            }

            if (service.Protocol.DryRun(parameters) is { } dryRun)
            {
                // Authorization allowed it; a DryRun stops here, before the handler changes anything.
                throw dryRun.ToException();
            }

            service.Protocol.WriteSuccess(body, operation.Name, requestId, result => operation.Handler(context, result));
            status = 200;
        }
        catch (AwsException e)
        {
            failure = e.Error;
            body.SetLength(0);
            body.Write(service.Protocol.EncodeError(e.Error, requestId));
            status = e.Error.HttpStatus;
        }
        catch (Exception e) when (e is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(e, "Unhandled failure in {Service}:{Action} {RequestId}", service.SigningName, action, requestId);
            failure = new AwsError("InternalFailure", "An internal error occurred in the emulator.", 500);
            body.SetLength(0);
            body.Write(service.Protocol.EncodeError(failure, requestId));
            status = 500;
        }

        audit?.Record(new AuditedCall(http, service, action, requestId, decoded, signature, principal, authorizations, failure, body));
        await WriteAsync(http, service.Protocol, status, requestId, body);
        logger.LogInformation("{Service}:{Action} by {Principal} {Decision} -> {Status} in {Elapsed:0.0} ms {RequestId}",
            service.SigningName, action, principal?.Arn ?? "anonymous", decision, status, Stopwatch.GetElapsedTime(started).TotalMilliseconds, requestId);
    }

    /// <summary>SigV4 authentication, its failures worded by the service's protocol.</summary>
    private async ValueTask<Principal> Authenticate(AwsService service, SignedRequest request, SigV4Credential claim)
    {
        try
        {
            return await authenticator.AuthenticateAsync(request, claim, service.SigningName);
        }
        catch (AwsException e)
        {
            throw service.Protocol.AuthenticationFailed(e.Error).ToException();
        }
    }

    /// <summary>A path the emulator does not serve: an AWS-shaped 404 with a request id, not an empty one.</summary>
    public async Task NotFoundAsync(HttpContext http)
    {
        var requestId = runtime.Ids.RequestId();
        var protocol = services[0].Protocol;
        using var body = new MemoryStream(protocol.EncodeError(
            new AwsError("NotFound", $"The emulator serves the AWS query API at '/', not at '{http.Request.Path}'.", 404), requestId));
        await WriteAsync(http, protocol, 404, requestId, body);
    }

    private static async Task WriteAsync(HttpContext http, IAwsProtocol protocol, int status, string requestId, Stream body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = protocol.ContentType;
        http.Response.Headers["x-amzn-RequestId"] = requestId;
        http.Response.ContentLength = body.Length;
        body.Position = 0;
        await body.CopyToAsync(http.Response.Body);
    }

    /// <summary>
    /// The one place permissions are checked: each of the operation's checks goes to the authorizer
    /// with the request's facts; the first denial ends the request with the protocol's denial (AccessDenied for IAM and STS).
    /// </summary>
    private string Authorize(HttpContext http, AwsService service, Principal principal, AwsOperation operation, OperationContext context, List<AuditedAuthorization> evaluated)
    {
        var requestKeys = service.RequestKeys(context);
        var verdict = "-";
        foreach (var check in operation.AuthorizationChecks(context))
        {
            var decision = authorizer.Authorize(new AuthorizationRequest(principal, check.Action, check.Resource, context.Region)
            {
                RequestId = context.RequestId,
                SourceIp = http.Connection.RemoteIpAddress?.ToString(),
                UserAgent = http.Request.Headers.UserAgent.ToString(),
                SecureTransport = http.Request.IsHttps,
                ResourcePolicy = check.ResourcePolicy,
                ResourceAccountId = check.ResourceAccountId,
                RequireResourcePolicyAllow = check.RequireResourcePolicyAllow,
                ContextKeys = check.ContextKeys.Count == 0 ? requestKeys : requestKeys.Concat(check.ContextKeys).ToDictionary(StringComparer.OrdinalIgnoreCase),
            });
            verdict = decision.Verdict;
            evaluated.Add(new AuditedAuthorization(check.Action, check.Resource, decision.IsAllowed, decision.Verdict));

            // Service last accessed data, as state, for the user or role behind the caller: every authenticated attempt,
            // allowed or denied, as AWS's "includes all attempts to access an AWS API, not just the successful ones".
            runtime.Iam.AccessAdvisor.RecordAccess(principal, check.Action, context.Region, runtime.Clock.GetUtcNow());
            if (!decision.IsAllowed)
            {
                throw service.Protocol.Denied(new Denial(check.DenialMessage ?? decision.DenialMessage!, decision.Failure)).ToException();
            }
        }

        return verdict;
    }

    /// <summary>
    /// The signing name picks the service (one endpoint serves them all); a name the emulator does not
    /// serve is said plainly, not reported as a signature scoped to the wrong service.
    /// </summary>
    private AwsService ChooseService(SigV4Credential? claim, string? action)
    {
        if (claim is not null)
        {
            return services.FirstOrDefault(s => s.SigningName == claim.Service)
                ?? throw new AwsError("UnknownService",
                    $"The emulator does not serve the service '{claim.Service}' named by the request's credential scope. It serves: {string.Join(", ", services.Select(s => s.SigningName))}.",
                    400).ToException();
        }

        return services.FirstOrDefault(s => action is not null && s.Operations.ContainsKey(action)) ?? services[0];
    }

    /// <summary>A best-effort look at the credential scope (header or presigned form) before anything is parsed strictly.</summary>
    private AwsService? ServiceNamedBy(HttpContext http)
    {
        var credential = http.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization
            && authorization.IndexOf("Credential=", StringComparison.Ordinal) is var at and >= 0
                ? authorization[(at + 11)..]
                : http.Request.Query["X-Amz-Credential"].ToString();
        var parts = credential.Split('/', 5);
        return parts.Length == 5 ? services.FirstOrDefault(s => s.SigningName == parts[3]) : null;
    }

    private static async Task<SignedRequest> ReadAsync(HttpContext http)
    {
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            throw new AwsError("RequestEntityTooLarge", $"Request body exceeds {MaxBodyBytes} bytes.", 413).ToException();
        }

        using var buffer = new MemoryStream((int)(http.Request.ContentLength ?? 0));
        var read = 0L;
        var chunk = new byte[http.Request.ContentLength is > 0 and < 16 * 1024 ? (int)http.Request.ContentLength : 16 * 1024];
        int count;
        while ((count = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            read += count;
            if (read > MaxBodyBytes)
            {
                throw new AwsError("RequestEntityTooLarge", $"Request body exceeds {MaxBodyBytes} bytes.", 413).ToException();
            }

            buffer.Write(chunk, 0, count);
        }

        // The raw request target keeps the client's encoding, which the signature covers. Hosts that
        // give no raw target (or one without the query, as the in-memory test server) fall back to
        // QueryString, which ASP.NET Core also keeps encoded.
        var target = http.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw ? raw : http.Request.Path.ToString();
        if (!target.Contains('?', StringComparison.Ordinal) && http.Request.QueryString.HasValue)
        {
            target += http.Request.QueryString.Value;
        }

        var question = target.IndexOf('?', StringComparison.Ordinal);
        return new SignedRequest(http.Request.Method,
            question < 0 ? target : target[..question],
            question < 0 ? "" : target[(question + 1)..],
            new RequestHeaderView(http.Request.Headers),
            buffer.ToArray());
    }

    private static QueryParameters Parameters(HttpContext http, SignedRequest request)
    {
        var contentType = http.Request.ContentType ?? "";
        var isForm = contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
        if (isForm && !System.Text.Unicode.Utf8.IsValid(request.Body))
        {
            throw new AwsError("MalformedQueryString", "The request body is not valid UTF-8.", 400).ToException();
        }

        var form = isForm ? System.Text.Encoding.UTF8.GetString(request.Body) : "";
        return QueryParameters.Parse(request.RawQuery, form);
    }
}
