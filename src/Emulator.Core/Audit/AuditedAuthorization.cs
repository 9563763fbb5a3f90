namespace Emulator.Core.Audit;

/// <summary>
/// One authorization request the pipeline evaluated for a call (an IAM action on a resource, including
/// extra checks such as iam:PassRole for RunInstances) and its verdict. Not part of the CloudTrail record:
/// policy generation replays these.
/// </summary>
public sealed record AuditedAuthorization(string Action, string Resource, bool Allowed, string Verdict);
