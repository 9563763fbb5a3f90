namespace Emulator.Server.Authentication;

/// <summary>What a request's SigV4 signature claims: key, scope, signed headers and signature.</summary>
public sealed record SigV4Credential(
    string AccessKeyId,
    string ScopeDate,
    string Region,
    string Service,
    string Terminator,
    IReadOnlyList<string> SignedHeaders,
    string Signature,
    string AmzDate,
    string? SecurityToken,
    bool IsPresigned)
{
    public string Scope => $"{ScopeDate}/{Region}/{Service}/{Terminator}";
}
