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
}
