using Emulator.Core.Errors;

namespace Emulator.Server.Protocol;

/// <summary>
/// One AWS wire protocol, as the pipeline uses it: how answers and errors are encoded, and how the
/// pipeline's own refusals (no signature, unknown action, a failed authentication, a denial) are worded.
/// IAM and STS speak the query protocol; EC2 will bring its own (no result wrapper, <c>AuthFailure</c>,
/// <c>UnauthorizedOperation</c>), so the pipeline holds no service's envelope or wording itself.
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
    AwsError Denied(string message);
}
