namespace Emulator.Server.Pipeline;

/// <summary>An AWS query-protocol service: its signing name, XML namespace, API version and action table.</summary>
public sealed class AwsService
{
    public AwsService(string signingName, string xmlNamespace, string version, IEnumerable<AwsOperation> operations)
    {
        SigningName = signingName;
        XmlNamespace = xmlNamespace;
        Version = version;
        Operations = operations.ToDictionary(o => o.Name, StringComparer.Ordinal);
    }

    public string SigningName { get; }

    public string XmlNamespace { get; }

    public string Version { get; }

    public IReadOnlyDictionary<string, AwsOperation> Operations { get; }
}
