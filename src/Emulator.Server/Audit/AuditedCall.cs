using Emulator.Core.Audit;
using Emulator.Core.Errors;
using Emulator.Core.Identity;
using Emulator.Server.Authentication;
using Emulator.Server.Pipeline;
using Emulator.Server.Protocol;

namespace Emulator.Server.Audit;

/// <summary>
/// What the pipeline knows about one call once its answer is written: everything the trail records.
/// Fields are null when the call failed before that step (no parameters decoded, no signature, no caller).
/// </summary>
public sealed record AuditedCall(
    HttpContext Http,
    AwsService Service,
    string Action,
    string RequestId,
    QueryParameters? Parameters,
    SigV4Credential? Signature,
    Principal? Principal,
    IReadOnlyList<AuditedAuthorization> Authorizations,
    AwsError? Error,
    Stream Response);
