using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Emulator.Core.Caching;
using Emulator.Core.Errors;
using Emulator.Core.Iam.Account;
using Emulator.Core.Identity;
using Emulator.Core.Sts;
using Emulator.Policy;

namespace Emulator.Server.Authentication;

/// <summary>
/// Verifies a SigV4 claim and returns the principal behind it. Checks run in AWS's order: scope
/// format, clock skew, key lookup, session token, signature (compared in constant time).
/// </summary>
public sealed class RequestAuthenticator(
    CredentialResolver credentials,
    SessionVerifier sessions,
    AccountOperations accounts,
    TimeProvider emulatorClock,
    TimeProvider realClock,
    AuthenticationMode mode,
    string defaultAccountId)
{
    private const string UnsignedPayload = "UNSIGNED-PAYLOAD";
    private static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);

    /// <summary>Derived keys are reused for a day's requests by the same key, region and service, as SDKs reuse them.</summary>
    private static readonly BoundedCache<(string Secret, string Date, string Region, string Service), byte[]> SigningKeys = new(10_000);

    /// <summary>How many accounts lenient mode may create for unknown keys: bounded, so a stream of random keys cannot grow the state.</summary>
    public const int MaxLenientAccounts = 100;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> lenientAccounts = new(StringComparer.Ordinal);

    public AuthenticationMode Mode => mode;

    /// <summary>
    /// Partitions are separate clouds: an account (and every credential of it) lives in one, so a request signed for a
    /// region of another partition is refused as AWS refuses an unknown key there (InvalidClientTokenId).
    /// </summary>
    public async ValueTask<Principal> AuthenticateAsync(SignedRequest request, SigV4Credential claim, string expectedService)
    {
        var principal = await AuthenticateInAnyPartitionAsync(request, claim, expectedService);
        return principal.Partition == AwsPartitions.OfRegion(claim.Region) ? principal : throw InvalidToken();
    }

    private async ValueTask<Principal> AuthenticateInAnyPartitionAsync(SignedRequest request, SigV4Credential claim, string expectedService)
    {
        CheckScope(claim, expectedService);
        CheckSkew(claim.AmzDate);

        if (claim.AccessKeyId.StartsWith("ASIA", StringComparison.Ordinal))
        {
            return await AuthenticateSessionAsync(request, claim);
        }

        var credential = credentials.Find(claim.AccessKeyId);
        if (credential is null)
        {
            return mode == AuthenticationMode.Lenient && !claim.AccessKeyId.StartsWith("ASIA", StringComparison.Ordinal)
                ? LenientRoot(claim.AccessKeyId, AwsPartitions.OfRegion(claim.Region))
                : throw InvalidToken();
        }

        if (!credential.IsActive)
        {
            throw InvalidToken();
        }

        if (claim.SecurityToken is not null)
        {
            // A long-term key never carries a session token; AWS rejects the pair.
            throw InvalidToken();
        }

        VerifySignature(request, claim, credential.SecretAccessKey);
        return credential.Principal;
    }

    /// <summary>
    /// Temporary credentials: the token must be one this emulator minted for exactly this key, not
    /// expired by the emulator clock, and the signature must verify with the secret inside it.
    /// </summary>
    private async ValueTask<Principal> AuthenticateSessionAsync(SignedRequest request, SigV4Credential claim)
    {
        if (claim.SecurityToken is null || await sessions.VerifyAsync(claim.SecurityToken) is not { } session || session.AccessKeyId != claim.AccessKeyId)
        {
            throw InvalidToken();
        }

        if (emulatorClock.GetUtcNow() >= session.Expiration)
        {
            throw new AwsError("ExpiredToken", "The security token included in the request is expired", 403).ToException();
        }

        // Credentials from GetSessionToken/GetFederationToken belong to the user who asked, by unique
        // id: once that user is deleted they stop working, even if a new user takes the name (AWS).
        if (session.UserName is not null && credentials.UserId(session.AccountId, session.UserName) != session.UserId)
        {
            throw InvalidToken();
        }

        VerifySignature(request, claim, session.SecretAccessKey);
        return Principal.ForSession(session);
    }

    /// <summary>
    /// The payload hash is always computed from the bytes received: a declared
    /// <c>x-amz-content-sha256</c> must equal it, and <c>UNSIGNED-PAYLOAD</c> (an S3 feature) is
    /// accepted only for a presigned request without a body (EKS-style tokens). Trusting the header
    /// would let anyone replay a captured signature with another body.
    /// </summary>
    public static void VerifySignature(SignedRequest request, SigV4Credential claim, string secret)
    {
        var bodyHash = SigV4Signer.PayloadHash(request.Body);
        var declared = request.Header("x-amz-content-sha256");
        var unsignedAllowed = claim.IsPresigned && request.Body.Length == 0;
        var signingKey = SigningKeys.GetOrAdd((secret, claim.ScopeDate, claim.Region, claim.Service),
            scope => SigV4Signer.SigningKey(scope.Secret, scope.Date, scope.Region, scope.Service));
        var matches = declared switch
        {
            null => FixedTimeEquals(Sign(request, claim, signingKey, bodyHash), claim.Signature)
                || (unsignedAllowed && FixedTimeEquals(Sign(request, claim, signingKey, UnsignedPayload), claim.Signature)),
            UnsignedPayload => unsignedAllowed && FixedTimeEquals(Sign(request, claim, signingKey, UnsignedPayload), claim.Signature),
            _ => declared == bodyHash && FixedTimeEquals(Sign(request, claim, signingKey, bodyHash), claim.Signature),
        };
        if (!matches)
        {
            throw new AwsError("SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
                403).ToException();
        }
    }

    private static string Sign(SignedRequest request, SigV4Credential claim, byte[] signingKey, string payloadHash)
    {
        var canonical = SigV4Signer.CanonicalRequest(request, claim.SignedHeaders, payloadHash, excludeSignatureParameter: claim.IsPresigned);
        var toSign = SigV4Signer.StringToSign(claim.AmzDate, claim.Scope, canonical);
        return SigV4Signer.Signature(signingKey, toSign);
    }

    private static bool FixedTimeEquals(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual));

    /// <summary>Any syntactically valid region is accepted (local setups sign IAM with their default region); the signature still uses it.</summary>
    private static void CheckScope(SigV4Credential claim, string expectedService)
    {
        var problems = new StringBuilder();
        if (claim.AmzDate.Length < 8 || claim.ScopeDate != claim.AmzDate[..8])
        {
            var httpDate = claim.AmzDate.Length >= 8 ? claim.AmzDate[..8] : claim.AmzDate;
            problems.Append(CultureInfo.InvariantCulture, $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{claim.ScopeDate}' != '{httpDate}', from '{claim.AmzDate}'. ");
        }

        if (claim.Region.Length == 0 || !claim.Region.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            problems.Append(expectedService == "iam" ? $"Credential should be scoped to a valid region, not '{claim.Region}'. " : "Credential should be scoped to a valid region. ");
        }

        if (claim.Service != expectedService)
        {
            problems.Append(CultureInfo.InvariantCulture, $"Credential should be scoped to correct service: '{expectedService}'. ");
        }

        if (claim.Terminator != "aws4_request")
        {
            problems.Append("Credential should be scoped with a valid terminator: 'aws4_request'. ");
        }

        if (problems.Length > 0)
        {
            throw new AwsError("SignatureDoesNotMatch", problems.ToString(), 403).ToException();
        }
    }

    /// <summary>
    /// Freshness is checked against the host's real clock, so moving the emulator clock never breaks signing
    /// clients; a signature fresh against the emulator clock passes too, so a client run under faketime with
    /// the emulator's offset (to let its credential refresh see the moved time) can still sign.
    /// </summary>
    private void CheckSkew(string amzDate)
    {
        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            throw new AwsError("IncompleteSignature", $"Date must be in ISO-8601 'basic format'. Got '{amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601", 400).ToException();
        }

        var emulated = emulatorClock.GetUtcNow();
        if (signedAt >= emulated - AllowedSkew && signedAt <= emulated + AllowedSkew)
        {
            return;
        }

        var now = realClock.GetUtcNow();
        if (signedAt < now - AllowedSkew)
        {
            throw new AwsError("SignatureDoesNotMatch",
                $"Signature expired: {amzDate} is now earlier than {Format(now - AllowedSkew)} ({Format(now)} - 15 min.)", 403).ToException();
        }

        if (signedAt > now + AllowedSkew)
        {
            throw new AwsError("SignatureDoesNotMatch",
                $"Signature not yet current: {amzDate} is still later than {Format(now + AllowedSkew)} ({Format(now)} + 15 min.)", 403).ToException();
        }
    }

    /// <summary>
    /// Lenient mode: an unknown key is the root of the account its id names (12 digits), else of the default account;
    /// an account it creates is in the partition of the request's region.
    /// </summary>
    private Principal LenientRoot(string accessKeyId, string partition)
    {
        var accountId = accessKeyId.Length == 12 && accessKeyId.All(char.IsAsciiDigit) ? accessKeyId : defaultAccountId;
        if (accountId != defaultAccountId && !lenientAccounts.ContainsKey(accountId))
        {
            lock (lenientAccounts)
            {
                if (lenientAccounts.Count >= MaxLenientAccounts)
                {
                    throw new AwsError("InvalidClientTokenId",
                        $"The security token included in the request is invalid. (--auth lenient creates at most {MaxLenientAccounts} accounts for unknown 12-digit keys, and has; seed the accounts you need.)",
                        403).ToException();
                }

                lenientAccounts.TryAdd(accountId, true);
            }
        }

        accounts.CreateIfAbsent(accountId, partition);
        return Principal.Root(accountId, accounts.Partition(accountId), accessKeyId);
    }

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public static AwsException InvalidToken() =>
        new AwsError("InvalidClientTokenId", "The security token included in the request is invalid.", 403).ToException();
}
