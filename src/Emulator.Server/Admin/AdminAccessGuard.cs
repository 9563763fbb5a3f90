using System.Net;
using System.Security.Cryptography;
using System.Text;
using Emulator.Core.Errors;
using Emulator.Server.Hosting;
using Microsoft.Net.Http.Headers;

namespace Emulator.Server.Admin;

/// <summary>
/// The one gate in front of every <c>/_emulator/*</c> request. The admin API resets state and moves
/// the clock, so a web page the user happens to open must not reach it: the Host header must name
/// the emulator (defeats DNS rebinding), a browser's Origin must be the emulator's own or a listed
/// one (defeats cross-site requests), writes must be <c>application/json</c> (a page cannot send that
/// cross-origin without a CORS preflight, approved only for origins listed with <c>--admin-origins</c>),
/// and with <c>--admin-token</c> a bearer token is required. The AWS API at <c>/</c> never passes
/// through here: SDKs send any Host.
/// </summary>
public sealed class AdminAccessGuard
{
    /// <summary>Admin bodies are small JSON documents; a JWKS is a few KiB.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public const string RequestIdHeader = "x-amzn-RequestId";

    private const string TooLarge = "The request body is larger than 1048576 bytes (1 MiB), the admin API's limit.";

    private readonly RequestDelegate next;
    private readonly EmulatorOptions options;
    private readonly ILogger<AdminAccessGuard> logger;
    private readonly byte[]? tokenHash;

    public AdminAccessGuard(RequestDelegate next, EmulatorOptions options, ILogger<AdminAccessGuard> logger)
    {
        this.next = next;
        this.options = options;
        this.logger = logger;
        // Hashing both sides makes the comparison constant-time in the length too.
        tokenHash = options.AdminToken is null ? null : SHA256.HashData(Encoding.UTF8.GetBytes(options.AdminToken));
    }

    public static bool IsAdminPath(PathString path) => path.StartsWithSegments("/_emulator", StringComparison.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context, EmulatorRuntime runtime)
    {
        context.Response.Headers[RequestIdHeader] = runtime.Ids.RequestId();
        var refusal = CheckCaller(context.Request);
        if (refusal is null && context.Request.Headers.Origin.Count > 0)
        {
            // Only the emulator's own origin or a listed one gets here. A listed page needs CORS to read
            // answers and to send JSON; its preflight carries no token, so it is answered before that check.
            AllowCrossOrigin(context);
            if (HttpMethods.IsOptions(context.Request.Method) && context.Request.Headers.ContainsKey(HeaderNames.AccessControlRequestMethod))
            {
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            }
        }

        refusal ??= CheckRequest(context.Request);
        if (refusal is not null)
        {
            logger.LogWarning("Admin request refused ({Check}): {Method} {Path} Host {Host} Origin {Origin}",
                refusal.Check, context.Request.Method, context.Request.Path.Value, context.Request.Host.Value, context.Request.Headers.Origin.ToString());
            if (refusal.Status == StatusCodes.Status401Unauthorized)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
            }

            await Refuse(context, refusal.Status, refusal.Message);
            return;
        }

        try
        {
            if (!await BufferBody(context.Request))
            {
                await Refuse(context, StatusCodes.Status413PayloadTooLarge, TooLarge);
                return;
            }

            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            // Binding or body-reading failures would otherwise be bare status codes; admin callers get a reason.
            await Refuse(context, e.StatusCode, $"The request could not be read: {e.Message}");
        }
        catch (AwsException e) when (!context.Response.HasStarted)
        {
            // A domain refusal reaching an admin call (the state database down: ServiceUnavailable) is answered with
            // its status and message as JSON, never as a bare 500.
            await Refuse(context, e.Error.HttpStatus, e.Error.Message);
        }
    }

    /// <summary>Who is calling: the Host it used and the page it came from.</summary>
    private Refusal? CheckCaller(HttpRequest request)
    {
        if (!IsAllowedHost(request.Host))
        {
            return new Refusal("host", StatusCodes.Status403Forbidden,
                $"The admin API answers only to a loopback Host (localhost, 127.0.0.1, [::1], *.localhost), not '{request.Host.Value}'. " +
                "To reach it under another name (e.g. a Docker network), start the emulator with --admin-hosts emulator:4599.");
        }

        if (request.Headers.ContainsKey(HeaderNames.Origin) && !IsAllowedOrigin(request))
        {
            return new Refusal("origin", StatusCodes.Status403Forbidden,
                $"The admin API refuses calls from web pages of other origins, such as '{request.Headers.Origin}'. " +
                "To allow a page, start the emulator with --admin-origins http://localhost:3000 (that page's origin).");
        }

        return null;
    }

    /// <summary>What is sent: the token, and for writes a JSON body within the limit.</summary>
    private Refusal? CheckRequest(HttpRequest request)
    {
        if (tokenHash is not null && !HasToken(request, tokenHash))
        {
            return new Refusal("token", StatusCodes.Status401Unauthorized,
                "The emulator was started with --admin-token: send 'Authorization: Bearer <token>' with every admin request.");
        }

        if (HasBodySemantics(request.Method) && !IsJson(request.ContentType))
        {
            return new Refusal("content-type", StatusCodes.Status415UnsupportedMediaType,
                $"Admin {request.Method} requests must have 'Content-Type: application/json' ({(string.IsNullOrEmpty(request.ContentType) ? "none was sent" : $"not '{request.ContentType}'")}); " +
                "the body may be empty or {} where no parameters are needed.");
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return new Refusal("size", StatusCodes.Status413PayloadTooLarge, TooLarge);
        }

        return null;
    }

    private bool IsAllowedHost(HostString host)
    {
        if (!host.HasValue || host.Host.Length == 0)
        {
            return false;
        }

        var name = host.Host;
        if (name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // Any loopback literal (127.0.0.0/8, [::1]): an attacker's DNS name never arrives as an IP literal.
        if (IPAddress.TryParse(name.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address))
        {
            return true;
        }

        return options.AdminHosts.Any(allowed => allowed.Host.Equals(name, StringComparison.OrdinalIgnoreCase)
            && (allowed.Port is null || allowed.Port == host.Port));
    }

    /// <summary>The emulator's own origin (scheme and the Host already checked) or one listed with --admin-origins.</summary>
    private bool IsAllowedOrigin(HttpRequest request)
    {
        var origins = request.Headers.Origin;
        if (origins.Count != 1 || EmulatorOptions.NormaliseOrigin(origins[0] ?? "") is not { } origin)
        {
            return false;
        }

        var own = EmulatorOptions.NormaliseOrigin($"{request.Scheme}://{request.Host.Value}");
        return origin == own || options.AdminOrigins.Contains(origin, StringComparer.Ordinal);
    }

    private static void AllowCrossOrigin(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.AccessControlAllowOrigin = context.Request.Headers.Origin.ToString();
        headers.AccessControlAllowMethods = "GET, POST, DELETE";
        headers.AccessControlAllowHeaders = "Content-Type, Authorization";
        headers.AccessControlExposeHeaders = RequestIdHeader;
        headers.AccessControlMaxAge = "600";
        headers.Vary = HeaderNames.Origin;
    }

    private static bool HasToken(HttpRequest request, byte[] expectedHash)
    {
        const string scheme = "Bearer ";
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var given = SHA256.HashData(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(given, expectedHash);
    }

    private static bool HasBodySemantics(string method) => HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method);

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads a write's body into memory up to the limit, so a chunked body without Content-Length is
    /// held to it too and no endpoint can be made to read without bound. False when it is too large.
    /// </summary>
    private static async Task<bool> BufferBody(HttpRequest request)
    {
        if (!HasBodySemantics(request.Method))
        {
            return true;
        }

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return false;
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        request.Body = buffer;
        request.HttpContext.Response.RegisterForDispose(buffer);
        return true;
    }

    private static Task Refuse(HttpContext context, int status, string message) =>
        AdminResponses.Error(message, status).ExecuteAsync(context);

    private sealed record Refusal(string Check, int Status, string Message);
}
