using Emulator.Core.Errors;
using Emulator.Core.Iam.Validation;
using Emulator.Core.Identity;

namespace Emulator.Core.Sts;

/// <summary>
/// STS AssumeRoot (privileged root sessions on member accounts, centralized root access) and
/// GetDelegatedAccessToken (trade-in tokens of temporary access delegation). Both need things the
/// emulator does not have, an AWS Organization with root sessions enabled and an onboarded delegation
/// partner, so after validating the input as the STS model constrains it they refuse as AWS refuses an
/// account without them: AssumeRoot with AccessDenied (the caller's account manages no organization),
/// GetDelegatedAccessToken with ExpiredTradeInTokenException, the model's only error for a token that
/// cannot be exchanged (no token is ever issued here).
/// </summary>
public static class RootSessionOperations
{
    /// <summary>The AWS managed policies AssumeRoot accepts as TaskPolicyArn (STS API reference).</summary>
    public static readonly IReadOnlyList<string> RootTaskPolicies =
    [
        "arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials",
        "arn:aws:iam::aws:policy/root-task/IAMCreateRootUserPassword",
        "arn:aws:iam::aws:policy/root-task/IAMDeleteRootUserCredentials",
        "arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy",
        "arn:aws:iam::aws:policy/root-task/SQSUnlockQueuePolicy",
    ];

    private static readonly ModelPattern ArnPattern = new(@"[\u0009\u000A\u000D\u0020-\u007E\u0085\u00A0-\uD7FF\uE000-\uFFFD\u10000-\u10FFFF]+");

    /// <summary>The member account AssumeRoot acts on: the target's account id, or null when the target names none.</summary>
    public static string? TargetAccount(string? targetPrincipal)
    {
        if (targetPrincipal is null)
        {
            return null;
        }

        if (targetPrincipal.Length == 12 && targetPrincipal.All(char.IsAsciiDigit))
        {
            return targetPrincipal;
        }

        var parts = targetPrincipal.Split(':');
        return parts.Length >= 6 && parts[0] == "arn" && parts[4].Length == 12 && parts[4].All(char.IsAsciiDigit) ? parts[4] : null;
    }

    public static void ValidateAssumeRoot(string? targetPrincipal, bool taskPolicyPresent, string? taskPolicyArn, int? durationSeconds)
    {
        ParameterValidator.ForSts()
            .Required("targetPrincipal", targetPrincipal).Length("targetPrincipal", targetPrincipal, 12, 2048)
            .Required("taskPolicyArn", taskPolicyPresent ? "" : null)
            .Length("taskPolicyArn.arn", taskPolicyArn, 20, 2048).Pattern("taskPolicyArn.arn", taskPolicyArn, ArnPattern)
            .Range("durationSeconds", durationSeconds, 0, 900)
            .ThrowIfInvalid();
        if (TargetAccount(targetPrincipal) is null)
        {
            throw IamErrors.ValidationError($"The target principal {targetPrincipal} is not a valid account ID or principal ARN.");
        }

        if (taskPolicyArn is null || !RootTaskPolicies.Contains(taskPolicyArn, StringComparer.Ordinal))
        {
            throw IamErrors.ValidationError($"The task policy ARN {taskPolicyArn} is not supported. Use one of the root-task policies: {string.Join(", ", RootTaskPolicies)}.");
        }
    }

    /// <summary>
    /// AssumeRoot after validation: root user credentials may never call it (API reference), and any other
    /// caller's account belongs to no organization here, so it is neither the management account nor the
    /// delegated administrator that root sessions require.
    /// </summary>
    public static IssuedSession AssumeRoot(Principal caller, string targetPrincipal)
    {
        var resource = Emulator.Policy.Arn.Iam(caller.Partition, TargetAccount(targetPrincipal) ?? "", "root").ToString();
        if (caller.IsRoot)
        {
            throw IamErrors.AccessDenied("Root user credentials cannot call AssumeRoot. Use credentials from an IAM user or role in the management account or the delegated administrator account for IAM.");
        }

        throw IamErrors.AccessDenied($"User: {caller.Arn} is not authorized to perform: sts:AssumeRoot on resource: {resource} because no organization with centralized root sessions is associated with your account");
    }

    public static IssuedSession GetDelegatedAccessToken(string? tradeInToken)
    {
        ParameterValidator.ForSts().Required("tradeInToken", tradeInToken).ThrowIfInvalid();
        // The token is secret: never echoed in the message.
        throw new AwsError("ExpiredTradeInTokenException",
            "The trade-in token provided in the request has expired and can no longer be exchanged for credentials. Request a new token and retry the operation.", 400).ToException();
    }
}
