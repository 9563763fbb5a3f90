using Emulator.Core.Identity;
using Emulator.Server.Authorization;
using Emulator.Server.Protocol;

namespace Emulator.Server.Pipeline;

/// <summary>An AWS service: its signing name, the protocol it speaks, its API version and its action table.</summary>
public sealed class AwsService
{
    public AwsService(string signingName, IAwsProtocol protocol, string version, IEnumerable<AwsOperation> operations)
    {
        SigningName = signingName;
        Protocol = protocol;
        Version = version;
        Operations = operations.ToDictionary(o => o.Name, StringComparer.Ordinal);
    }

    public string SigningName { get; }

    public IAwsProtocol Protocol { get; }

    public string Version { get; }

    public IReadOnlyDictionary<string, AwsOperation> Operations { get; }

    /// <summary>The condition keys every request of this service derives from its own parameters (IAM's tags, policy ARNs…).</summary>
    public Func<OperationContext, IReadOnlyDictionary<string, IReadOnlyList<string>>> RequestKeys { get; init; } = context => RequestContextKeys.From(context.Parameters);

    /// <summary>
    /// What some temporary credentials may never do in this service, whatever the policies say (IAM and STS
    /// refuse GetSessionToken and federation sessions); throws the service's refusal. Null: no such rule.
    /// </summary>
    public Action<Principal, AwsOperation>? RestrictSession { get; init; }
}
