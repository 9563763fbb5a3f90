using System.Globalization;
using Emulator.Core.Errors;

namespace Emulator.Server.Authentication;

/// <summary>Reads the SigV4 claim from a request, in the Authorization header or presigned query form.</summary>
public static class SigV4Parser
{
    /// <summary>Null when the request carries no signature at all.</summary>
    public static SigV4Credential? Parse(SignedRequest request)
    {
        var authorization = request.Header("authorization");
        if (authorization is not null)
        {
            return ParseHeader(request, authorization);
        }

        return request.QueryValue("X-Amz-Algorithm") is not null || request.QueryValue("X-Amz-Credential") is not null || request.QueryValue("X-Amz-Signature") is not null
            ? ParsePresigned(request.QueryValue)
            : null;
    }

    private static SigV4Credential ParseHeader(SignedRequest request, string authorization)
    {
        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        var algorithm = space < 0 ? authorization : authorization[..space];
        if (algorithm != SigV4Signer.Algorithm)
        {
            throw Incomplete($"Unsupported AWS 'algorithm': '{algorithm}'. Authorization={authorization}");
        }

        var components = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in authorization[(space + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var part = raw.Trim();
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                throw Incomplete($"'{part}' not a valid key=value pair (missing equal-sign) in Authorization header: '{authorization}'.");
            }

            components[part[..equals]] = part[(equals + 1)..];
        }

        var missing = new[] { "Credential", "Signature", "SignedHeaders" }.Where(n => !components.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            throw Incomplete(string.Concat(missing.Select(n => $"Authorization header requires '{n}' parameter. ")) + $"Authorization={authorization}");
        }

        var amzDate = request.Header("x-amz-date") ?? FromHttpDate(request.Header("date"))
            ?? throw Incomplete($"Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization={authorization}");
        var signedHeaders = components["SignedHeaders"].Split(';', StringSplitOptions.RemoveEmptyEntries);
        if (!signedHeaders.Contains("host") && !signedHeaders.Contains(":authority"))
        {
            throw Incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }

        return Credential(components["Credential"], signedHeaders, components["Signature"], amzDate, request.Header("x-amz-security-token"), presigned: false);
    }

    private static SigV4Credential ParsePresigned(Func<string, string?> query)
    {
        var algorithm = query("X-Amz-Algorithm");
        if (algorithm != SigV4Signer.Algorithm)
        {
            throw Incomplete($"Unsupported AWS 'algorithm': '{algorithm}'.");
        }

        var missing = new[] { "X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders", "X-Amz-Date" }.Where(n => query(n) is null).ToList();
        if (missing.Count > 0)
        {
            throw Incomplete(string.Concat(missing.Select(n => $"AWS query-string parameters must include '{n}'. ")) + "Re-examine the query-string parameters.");
        }

        var signedHeaders = query("X-Amz-SignedHeaders")!.Split(';', StringSplitOptions.RemoveEmptyEntries);
        if (!signedHeaders.Contains("host"))
        {
            throw Incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }

        return Credential(query("X-Amz-Credential")!, signedHeaders, query("X-Amz-Signature")!, query("X-Amz-Date")!, query("X-Amz-Security-Token"), presigned: true);
    }

    private static SigV4Credential Credential(string credential, string[] signedHeaders, string signature, string amzDate, string? token, bool presigned)
    {
        var parts = credential.Split('/');
        if (parts.Length != 5 || parts[0].Length == 0)
        {
            throw Incomplete($"Credential should be scoped with a valid terminator: 'aws4_request'. Credential={credential}");
        }

        return new SigV4Credential(parts[0], parts[1], parts[2], parts[3], parts[4], signedHeaders, signature, amzDate, token, presigned);
    }

    /// <summary>Turns an RFC 1123 Date header into SigV4's basic ISO-8601 form.</summary>
    private static string? FromHttpDate(string? date) =>
        date is not null && DateTimeOffset.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)
            : null;

    private static AwsException Incomplete(string message) => new AwsError("IncompleteSignature", message, 400).ToException();
}
