using System.Globalization;
using System.Text;
using Emulator.Core.Ec2;
using Emulator.Core.Imds;

namespace Emulator.Server.Imds;

/// <summary>
/// The instance metadata service over HTTP, beside the AWS pipeline: on an <c>--imds-ports</c> port every
/// path; on the main port <c>/latest/…</c>, dated versions and <c>/i-…/…</c>. Everything else goes on to
/// the admin API and the AWS API. The rules are AWS's (imds.md): token PUT, then endpoint, token and
/// method checks, then the tree; <c>Server: EC2ws</c> and <c>text/plain</c> on every answer.
/// </summary>
public sealed class ImdsEndpoint(RequestDelegate next, ImdsAddressing addressing, InstanceMetadataService imds, ILogger<ImdsEndpoint> logger)
{
    public const string TokenHeader = "X-aws-ec2-metadata-token";
    public const string TtlHeader = "X-aws-ec2-metadata-token-ttl-seconds";

    /// <summary>AWS's 404 page, byte for byte (339 bytes, text/html).</summary>
    private static readonly byte[] NotFoundPage = Encoding.ASCII.GetBytes(
        "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>\n"
        + "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\"\n"
        + "\t\t \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n"
        + "<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"en\" lang=\"en\">\n"
        + " <head>\n"
        + "  <title>404 - Not Found</title>\n"
        + " </head>\n"
        + " <body>\n"
        + "  <h1>404 - Not Found</h1>\n"
        + " </body>\n"
        + "</html>\n");

    public async Task InvokeAsync(HttpContext http)
    {
        var segments = Segments(http.Request.Path.Value ?? "");
        string? pathInstanceId = null;
        if (!addressing.IsImdsPort(http.Connection.LocalPort))
        {
            if (segments.Count > 0 && InstanceOperations.IsInstanceId(segments[0]))
            {
                pathInstanceId = segments[0];
                segments.RemoveAt(0);
            }
            else if (segments.Count == 0 || !InstanceMetadataService.Versions.Contains(segments[0]))
            {
                await next(http);
                return;
            }
        }

        var target = addressing.Resolve(http, pathInstanceId);
        var (status, instanceId) = target.View is { } view
            ? (await Serve(http, view, segments), view.Instance.InstanceId)
            : (await Write(http, StatusCodes.Status404NotFound, Encoding.UTF8.GetBytes(target.Problem!)), pathInstanceId);
        // One line per request; the token and the credentials never appear, the path is a property. Successful reads
        // are Debug: SDKs poll IMDS (the .NET SDK every two minutes per process), and a refusal is what one looks for.
        var level = status < 400 ? LogLevel.Debug : LogLevel.Information;
        if (logger.IsEnabled(level))
        {
            logger.Log(level, "IMDS {Method} {Path} for {InstanceId} -> {Status}", http.Request.Method, http.Request.Path.Value, instanceId ?? "(none)", status);
        }
    }

    private async Task<int> Serve(HttpContext http, InstanceMetadataView view, List<string> segments)
    {
        var request = http.Request;
        var instance = view.Instance;
        if (!instance.MetadataOptions.EndpointEnabled)
        {
            return await Write(http, StatusCodes.Status403Forbidden);
        }

        if (segments is ["latest", "api", "token"])
        {
            return await Token(http, instance.InstanceId);
        }

        // The token decides before the method and the path (a PUT to /2021-03-23/api/token is 401 without one when required).
        int? remaining = null;
        if (request.Headers.TryGetValue(TokenHeader, out var token))
        {
            remaining = imds.Tokens.RemainingSeconds(token.ToString(), instance.InstanceId);
            if (remaining is null)
            {
                return await Write(http, StatusCodes.Status401Unauthorized);
            }

            http.Response.Headers[TtlHeader] = remaining.Value.ToString(CultureInfo.InvariantCulture);
        }
        else if (instance.MetadataOptions.TokensRequired)
        {
            return await Write(http, StatusCodes.Status401Unauthorized);
        }

        if (HttpMethods.IsOptions(request.Method))
        {
            http.Response.Headers.Allow = "OPTIONS, GET, HEAD";
            return await Write(http, StatusCodes.Status200OK);
        }

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            // POST and DELETE on metadata paths are 403 with an empty body (recorded); so is a PUT anywhere but the token path.
            return await Write(http, StatusCodes.Status403Forbidden);
        }

        var node = imds.Tree(view, withToken: remaining is not null).Find(segments);
        if (node is null)
        {
            return await Write(http, StatusCodes.Status404NotFound, NotFoundPage, "text/html");
        }

        return node.IsDirectory
            ? await Write(http, StatusCodes.Status200OK, Encoding.UTF8.GetBytes(node.Listing()))
            : await Write(http, StatusCodes.Status200OK, node.Content!(), node.IsBinary ? "application/octet-stream" : "text/plain");
    }

    /// <summary><c>PUT /latest/api/token</c>: TTL 0–21600 (0 mints an already-expired token), echoed on the answer; Go v2 fails without the echo.</summary>
    private async Task<int> Token(HttpContext http, string instanceId)
    {
        var request = http.Request;
        if (HttpMethods.IsOptions(request.Method) || !HttpMethods.IsPut(request.Method))
        {
            http.Response.Headers.Allow = "OPTIONS, PUT";
            return await Write(http, HttpMethods.IsOptions(request.Method) ? StatusCodes.Status200OK : StatusCodes.Status405MethodNotAllowed);
        }

        // A proxy adds X-Forwarded-For: refusing it keeps an SSRF through a proxy from minting tokens.
        if (request.Headers.ContainsKey("X-Forwarded-For"))
        {
            return await Write(http, StatusCodes.Status403Forbidden);
        }

        if (!int.TryParse(request.Headers[TtlHeader].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var ttl) || ttl > MetadataTokens.MaxTtlSeconds)
        {
            return await Write(http, StatusCodes.Status400BadRequest);
        }

        http.Response.Headers[TtlHeader] = ttl.ToString(CultureInfo.InvariantCulture);
        return await Write(http, StatusCodes.Status200OK, Encoding.ASCII.GetBytes(imds.Tokens.Mint(instanceId, ttl)));
    }

    /// <summary>
    /// The path as IMDS resolves it: empty segments (<c>//latest</c>) and <c>.</c> dropped, <c>..</c> going up;
    /// ASP.NET has already decoded percent-escapes and separated the query string.
    /// </summary>
    public static List<string> Segments(string path)
    {
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            segments.Add(segment);
        }

        return segments;
    }

    /// <summary>Every IMDS answer: Server EC2ws, an exact Content-Length, and no body for HEAD. Error bodies are empty text/plain.</summary>
    private static async Task<int> Write(HttpContext http, int status, byte[]? body = null, string contentType = "text/plain")
    {
        var response = http.Response;
        response.StatusCode = status;
        response.Headers.Server = "EC2ws";
        response.ContentType = contentType;
        body ??= [];
        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(http.Request.Method) && body.Length > 0)
        {
            await response.Body.WriteAsync(body);
        }

        return status;
    }
}
