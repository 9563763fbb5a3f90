using System.Xml;
using Emulator.Core.Errors;
using Emulator.Core.Sts;

namespace Emulator.Server.Protocol;

/// <summary>
/// EC2's query dialect: answers are <c>&lt;XResponse xmlns="…/2016-11-15/"&gt;&lt;requestId&gt;</c> with the
/// members directly inside and <c>item</c> lists; errors are <c>&lt;Response&gt;&lt;Errors&gt;&lt;Error&gt;</c> with an
/// upper-case <c>RequestID</c> (botocore's EC2 parser depends on it); a failed signature is
/// <c>AuthFailure</c>, a denial <c>UnauthorizedOperation</c> with an encoded authorization message, and a
/// DryRun that would succeed <c>DryRunOperation</c> (412).
/// </summary>
public sealed class Ec2Protocol(AuthorizationMessageCodec messages) : IAwsProtocol
{
    public const string XmlNamespace = "http://ec2.amazonaws.com/doc/2016-11-15/";

    public string ContentType => "text/xml;charset=UTF-8";

    public void WriteSuccess(Stream output, string operation, string requestId, Action<QueryXmlWriter> writeResult)
    {
        using var writer = XmlWriter.Create(output, QueryXmlWriter.Settings);
        writer.WriteStartElement($"{operation}Response", XmlNamespace);
        writer.WriteElementString("requestId", requestId);
        writeResult(new QueryXmlWriter(writer, null, output, "item"));
        writer.WriteEndElement();
    }

    /// <summary>The error envelope; like the query encoder's it cannot fail (a fixed envelope is the fallback).</summary>
    public byte[] EncodeError(AwsError error, string requestId) => QueryResponseEncoder.SafeEnvelope(writer =>
    {
        writer.WriteStartElement("Response");
        writer.WriteStartElement("Errors");
        writer.WriteStartElement("Error");
        writer.WriteElementString("Code", XmlSafeText.Make(error.Code));
        writer.WriteElementString("Message", XmlSafeText.Make(error.Message));
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteElementString("RequestID", XmlSafeText.Make(requestId));
        writer.WriteEndElement();
    }, $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error><Code>InternalError</Code><Message>The error could not be encoded.</Message></Error></Errors><RequestID>{requestId}</RequestID></Response>");

    public AwsError MissingAuthentication() => new("AuthFailure", "AWS was not able to validate the provided access credentials", 401);

    public AwsError UnknownOperation(string? action, string? version) => string.IsNullOrEmpty(action)
        ? new AwsError("MissingAction", "The request must contain the parameter Action", 400)
        : new AwsError("InvalidAction", $"The action {action} is not valid for this web service.", 400);

    /// <summary>
    /// EC2 words every signature problem as AuthFailure (401), except time: a request signed outside the
    /// ±15 minute window and expired temporary credentials are RequestExpired (400), which SDKs use to
    /// correct their clock offset.
    /// </summary>
    public AwsError AuthenticationFailed(AwsError error) =>
        error.Code == "ExpiredToken" || error.Message.StartsWith("Signature expired", StringComparison.Ordinal) || error.Message.StartsWith("Signature not yet current", StringComparison.Ordinal)
            ? new AwsError("RequestExpired", "Request has expired.", 400)
            : new AwsError("AuthFailure", "AWS was not able to validate the provided access credentials", 401);

    /// <summary>
    /// AWS's current wording: "You are not authorized to perform this operation. User: … because …
    /// Encoded authorization failure message: …", the last part readable with sts:DecodeAuthorizationMessage.
    /// </summary>
    public AwsError Denied(Denial denial)
    {
        var message = "You are not authorized to perform this operation. " + denial.Message.TrimEnd('.') + ".";
        if (denial.Failure is { } failure)
        {
            message += " Encoded authorization failure message: " + messages.Encode(failure);
        }

        return new AwsError("UnauthorizedOperation", message, 403);
    }

    public AwsError? DryRun(QueryParameters parameters) =>
        Ec2.Ec2Parameters.Bool(parameters, "DryRun") == true
            ? new AwsError("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412)
            : null;
}
