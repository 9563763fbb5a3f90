using Emulator.Core.Identity;
using Emulator.Server.Protocol;

namespace Emulator.Server.Pipeline;

/// <summary>One authenticated request as an operation handler sees it.</summary>
public sealed record OperationContext(Principal Principal, QueryParameters Parameters, string Region, string RequestId)
{
    public string AccountId => Principal.AccountId;

    public string? this[string name] => Parameters[name];

    /// <summary>The scheme and host the caller reached the emulator at (<c>http://127.0.0.1:4599</c>), for URLs it hands out.</summary>
    public string Origin { get; init; } = "http://localhost";

    public string Arn(string resourceType, string? path, string? name) =>
        $"arn:aws:iam::{AccountId}:{resourceType}{path ?? "/"}{name}";
}
