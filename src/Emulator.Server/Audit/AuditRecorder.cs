using Emulator.Core.Audit;
using Emulator.Policy;
using Emulator.Server.Hosting;

namespace Emulator.Server.Audit;

/// <summary>
/// Turns each call the pipeline answered into a CloudTrail record, keeps it in the trail and hands it to the
/// JSON-lines file writer (which never blocks). A failure here is logged and never changes the answer.
/// </summary>
public sealed class AuditRecorder(IAuditTrail trail, TrailFileWriter? file, EmulatorRuntime runtime, ILogger<AuditRecorder> logger)
{
    private const string Hidden = "HIDDEN_DUE_TO_SECURITY_REASONS";

    public void Record(AuditedCall call)
    {
        try
        {
            var record = Build(call);
            trail.Append(record);
            file?.Enqueue(record.Event);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogError(e, "The call {Service}:{Action} {RequestId} could not be recorded in the audit trail", call.Service.SigningName, call.Action, call.RequestId);
        }
    }

    private AuditRecord Build(AuditedCall call)
    {
        var now = runtime.Clock.GetUtcNow();
        var time = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var succeeded = call.Error is null;
        // Patterns (instance/* for a launch, * for actions without a resource) name no resource; CloudTrail lists real ones.
        var resources = call.Authorizations.Select(a => a.Resource).Where(r => !r.Contains('*', StringComparison.Ordinal)).Distinct(StringComparer.Ordinal)
            .Select(arn => Arn.TryParse(arn, out var parts)
                ? new AuditResource(arn, parts.Account.Length > 0 ? parts.Account : null, CloudTrailResourceType.Of(parts))
                : new AuditResource(arn, null, null))
            .ToList();
        var userAgent = call.Http.Request.Headers.UserAgent.ToString();
        var auditEvent = new AuditEvent
        {
            UserIdentity = call.Principal is { } principal ? AuditIdentity.Of(principal) : AuditIdentity.Unknown(call.Signature?.AccessKeyId),
            EventTime = AuditIdentity.Time(time),
            EventSource = EventClassification.EventSource(call.Service.SigningName),
            EventName = call.Action,
            // IAM is global: CloudTrail records its calls in us-east-1 whatever region the client signed for.
            AwsRegion = call.Service.SigningName == "iam" ? "us-east-1" : call.Signature?.Region ?? "us-east-1",
            SourceIpAddress = call.Http.Connection.RemoteIpAddress?.ToString(),
            UserAgent = userAgent.Length > 0 ? userAgent : null,
            ErrorCode = call.Error?.Code,
            ErrorMessage = call.Error is { } error ? Scrub(error.Message, call) : null,
            RequestParameters = RequestParametersJson.From(call.Parameters),
            ResponseElements = succeeded && EventClassification.RecordsResponse(call.Action) ? ResponseElementsJson.From(call.Response) : null,
            RequestId = call.RequestId,
            EventId = runtime.Ids.RequestId(),
            ReadOnly = EventClassification.IsReadOnly(call.Action),
            Resources = resources.Count > 0 ? resources : null,
            RecipientAccountId = call.Principal?.AccountId ?? runtime.DefaultAccountId,
        };
        return new AuditRecord(auditEvent, time, call.Authorizations);
    }

    /// <summary>An error may echo what it refused (a malformed token, a bad password): secret inputs are hidden from the message too.</summary>
    private static string Scrub(string message, AuditedCall call)
    {
        IEnumerable<string> secrets = RequestParametersJson.SecretValues(call.Parameters);
        if (call.Signature?.SecurityToken is { } token)
        {
            secrets = secrets.Append(token);
        }

        foreach (var secret in secrets.Where(s => s.Length >= 4))
        {
            message = message.Replace(secret, Hidden, StringComparison.Ordinal);
        }

        return message;
    }
}
