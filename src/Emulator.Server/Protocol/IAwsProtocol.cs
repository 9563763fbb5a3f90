using Emulator.Core.Errors;

namespace Emulator.Server.Protocol;

/// <summary>
/// One AWS wire protocol, as the pipeline uses it: how answers and errors are encoded, and how the
/// pipeline's own refusals (no signature, unknown action, a failed authentication, a denial) are worded.
/// IAM and STS speak the query protocol, EC2 its own (no result wrapper, <c>item</c> lists, <c>AuthFailure</c>,
/// <c>UnauthorizedOperation</c>, DryRun), so the pipeline holds no service's envelope or wording itself.
/// </summary>
public interface IAwsProtocol
{
    string ContentType { get; }

    /// <summary>Writes a successful answer of <paramref name="operation"/> to <paramref name="output"/>.</summary>
    void WriteSuccess(Stream output, string operation, string requestId, Action<QueryXmlWriter> writeResult);

    /// <summary>The error envelope; must not throw, whatever the error holds.</summary>
    byte[] EncodeError(AwsError error, string requestId);

    AwsError MissingAuthentication();

    AwsError UnknownOperation(string? action, string? version);

    /// <summary>A failure of SigV4 authentication (the authenticator words it as IAM/STS do).</summary>
    AwsError AuthenticationFailed(AwsError error);

    /// <summary>A refusal by the authorization step, with the evaluator's (or the operation's) message.</summary>
    AwsError Denied(Denial denial);

    /// <summary>
    /// The answer to a request that asked only whether it would be allowed (EC2's <c>DryRun=true</c>), once
    /// authorization allowed it; null when the request did not ask, or the protocol has no such step.
    /// </summary>
    AwsError? DryRun(QueryParameters parameters);
}
