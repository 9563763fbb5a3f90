using System.Security.Cryptography;
using System.Text;

// The least a SigV4 query-protocol endpoint can do per request, as a ceiling for the emulator: read the body,
// derive the signing key from the credential scope of the Authorization header (4 HMAC-SHA256), hash a short
// canonical string (SHA-256), sign the string to sign (1 HMAC-SHA256), and answer a small fixed XML body.
// No parameter parsing, no lookup, no authorization, no logging per request.
var builder = WebApplication.CreateBuilder(args);

// Kestrel keeps its defaults; only the framework's per-request Information lines ("Request starting ...") are
// turned off, as the emulator turns them off (it logs Microsoft.* at Warning).
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var app = builder.Build();

var secret = Encoding.UTF8.GetBytes("AWS4" + "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
var response = Encoding.UTF8.GetBytes("""
    <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
      <GetCallerIdentityResult>
        <Arn>arn:aws:iam::123456789012:root</Arn>
        <UserId>123456789012</UserId>
        <Account>123456789012</Account>
      </GetCallerIdentityResult>
      <ResponseMetadata>
        <RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>
      </ResponseMetadata>
    </GetCallerIdentityResponse>
    """);

app.MapMethods("/", ["GET", "POST"], async (HttpContext http) =>
{
    await http.Request.Body.CopyToAsync(Stream.Null);

    // Credential=AKID/20260101/us-east-1/sts/aws4_request, SignedHeaders=..., Signature=...
    var authorization = http.Request.Headers.Authorization.ToString();
    var credential = authorization.IndexOf("Credential=", StringComparison.Ordinal);
    var scope = credential < 0 ? [] : authorization[(credential + 11)..authorization.IndexOf(',', credential)].Split('/');
    if (scope.Length != 5)
    {
        http.Response.StatusCode = 403;
        return;
    }

    var amzDate = http.Request.Headers["X-Amz-Date"].ToString();
    var key = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(scope[1]));
    key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(scope[2]));
    key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(scope[3]));
    key = HMACSHA256.HashData(key, "aws4_request"u8);
    var canonical = $"{http.Request.Method}\n{http.Request.Path}\n\nhost:{http.Request.Host}\nx-amz-date:{amzDate}\n\nhost;x-amz-date";
    var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{string.Join('/', scope, 1, 4)}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
    var signature = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));

    http.Response.StatusCode = 200;
    http.Response.ContentType = "text/xml";
    http.Response.Headers["x-amzn-RequestId"] = signature[..36];
    http.Response.ContentLength = response.Length;
    await http.Response.Body.WriteAsync(response);
});

// The ceiling for the instance metadata service: a GET that checks a token header is present and answers a fixed
// credential document of the same shape and size class as IMDS's, as text/plain. No token check, no lookup.
var credentials = Encoding.UTF8.GetBytes(
    "{\n  \"Code\" : \"Success\",\n  \"LastUpdated\" : \"2026-12-02T08:00:00Z\",\n  \"Type\" : \"AWS-HMAC\",\n"
    + "  \"AccessKeyId\" : \"ASIAEXAMPLEEXAMPLE00\",\n  \"SecretAccessKey\" : \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\",\n"
    + "  \"Token\" : \"" + new string('x', 900) + "\",\n  \"Expiration\" : \"2026-12-02T14:25:00Z\"\n}");
app.MapGet("/latest/meta-data/iam/security-credentials/{role}", async (HttpContext http) =>
{
    if (http.Request.Headers["X-aws-ec2-metadata-token"].Count == 0)
    {
        http.Response.StatusCode = 401;
        return;
    }

    http.Response.StatusCode = 200;
    http.Response.ContentType = "text/plain";
    http.Response.ContentLength = credentials.Length;
    await http.Response.Body.WriteAsync(credentials);
});

app.Run();
