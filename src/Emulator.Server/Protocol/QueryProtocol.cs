using Emulator.Core.Errors;

namespace Emulator.Server.Protocol;

/// <summary>The AWS query protocol of IAM and STS: <c>&lt;XResponse&gt;&lt;XResult&gt;</c> answers, <c>ErrorResponse</c> errors.</summary>
public sealed class QueryProtocol(string xmlNamespace) : IAwsProtocol
{
    public string XmlNamespace => xmlNamespace;

    public string ContentType => "text/xml";

    public void WriteSuccess(Stream output, string operation, string requestId, Action<QueryXmlWriter> writeResult) =>
        QueryResponseEncoder.Success(output, operation, xmlNamespace, requestId, writeResult);

    public byte[] EncodeError(AwsError error, string requestId) => QueryResponseEncoder.Error(error, xmlNamespace, requestId);

    public AwsError MissingAuthentication() => new("MissingAuthenticationToken", "Request is missing Authentication Token", 403);

    public AwsError UnknownOperation(string? action, string? version) => action is null
        ? new AwsError("MissingAction", "Missing Action", 400)
        : new AwsError("InvalidAction", $"Could not find operation {action} for version {version ?? "NO_VERSION_SPECIFIED"}", 400);

    public AwsError AuthenticationFailed(AwsError error) => error;

    public AwsError Denied(Denial denial) => new("AccessDenied", denial.Message, 403);

    public AwsError? DryRun(QueryParameters parameters) => null;
}
