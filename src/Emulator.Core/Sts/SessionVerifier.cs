using Emulator.Core.Caching;

namespace Emulator.Core.Sts;

/// <summary>
/// Turns a session token back into its session. Decrypting and verifying a token costs far more
/// than a request should, so verified tokens are remembered (bounded); the token itself remains the
/// only source of truth, and a second emulator with the same key verifies it from scratch.
/// </summary>
public sealed class SessionVerifier(SessionTokenCodec codec, int cacheSize = 50_000)
{
    private readonly BoundedCache<string, Session> verified = new(cacheSize, StringComparer.Ordinal);

    public async ValueTask<Session?> VerifyAsync(string token)
    {
        if (verified.TryGet(token, out var session))
        {
            return session;
        }

        session = await codec.DecodeAsync(token).ConfigureAwait(false);
        if (session is not null)
        {
            verified.Add(token, session);
        }

        return session;
    }
}
