using Emulator.Core.Errors;
using Emulator.Core.Iam.Validation;

namespace Emulator.Core.Iam.Delegation;

/// <summary>
/// Temporary access delegation (the IAM API reference's delegation-request operations). Requests are
/// created only by partners AWS has onboarded ("This API is not available for general use"), and the
/// emulator onboards none: CreateDelegationRequest validates its input against the model, then refuses
/// with AccessDenied; with no request ever created, every operation on a request id answers
/// NoSuchEntity (404, as modelled) and ListDelegationRequests an empty page.
/// </summary>
public sealed class DelegationRequestOperations(IamContext context)
{
    private static readonly ModelPattern Text = ModelPattern.Description;
    private static readonly ModelPattern RequestId = new(@"[\w-]+");
    private static readonly ModelPattern AccountId = new(@"\d{12}");
    private static readonly ModelPattern RedirectUrl = new(@"^http(s?)://[a-zA-Z0-9._/-]*(\?[a-zA-Z0-9._=&-]*)?(#[a-zA-Z0-9._/-]*)?$");
    private static readonly ModelPattern NotificationChannel = new(@"^[a-zA-Z0-9:_.-]+$");
    private static readonly ModelPattern ParameterName = new(@"[ -~]+");
    private static readonly ModelPattern OwnerId = new(@"^[a-zA-Z0-9:/+=,.@_-]+$");
    private static readonly ModelPattern Marker = new(@"[\u0020-\u00FF]+");

    public void Create(string accountId, CreateDelegationRequestInput input)
    {
        var validator = new ParameterValidator()
            .Pattern("ownerAccountId", input.OwnerAccountId, AccountId)
            .Required("description", input.Description).Length("description", input.Description, 0, 1000).Pattern("description", input.Description, Text)
            .Required("permissions", input.Permissions is null ? null : "")
            .Length("requestMessage", input.RequestMessage, 0, 200).Pattern("requestMessage", input.RequestMessage, Text)
            .Required("requestorWorkflowId", input.RequestorWorkflowId).Length("requestorWorkflowId", input.RequestorWorkflowId, 5, 400)
            .Pattern("requestorWorkflowId", input.RequestorWorkflowId, new ModelPattern(@"[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]+"))
            .Length("redirectUrl", input.RedirectUrl, 1, 255).Pattern("redirectUrl", input.RedirectUrl, RedirectUrl)
            .Required("notificationChannel", input.NotificationChannel).Length("notificationChannel", input.NotificationChannel, 2, 400)
            .Pattern("notificationChannel", input.NotificationChannel, NotificationChannel)
            .Required("sessionDuration", input.SessionDuration?.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Range("sessionDuration", input.SessionDuration, 300, 43200);
        if (input.Permissions is { } permissions)
        {
            validator.Length("permissions.policyTemplateArn", permissions.PolicyTemplateArn, 20, 2048)
                .Check(permissions.Parameters.Count <= 50, "permissions.parameters", "Member must have length less than or equal to 50");
            for (var i = 0; i < permissions.Parameters.Count; i++)
            {
                var member = $"permissions.parameters.{i + 1}.member";
                var (name, type) = permissions.Parameters[i];
                validator.Length($"{member}.name", name, 5, 256).Pattern($"{member}.name", name, ParameterName)
                    .OneOf($"{member}.type", type, "string", "stringList");
            }
        }

        validator.ThrowIfInvalid();
        RequireAccount(accountId);
        throw IamErrors.AccessDenied($"Account {accountId} is not onboarded as a partner for temporary access delegation, so it cannot create delegation requests.");
    }

    /// <summary>Get, Accept, Reject, Associate, Update and SendDelegationToken: the id is checked, then looked up.</summary>
    public void Find(string accountId, string? delegationRequestId, string? notes = null)
    {
        new ParameterValidator().Required("delegationRequestId", delegationRequestId).Length("delegationRequestId", delegationRequestId, 16, 128)
            .Pattern("delegationRequestId", delegationRequestId, RequestId)
            .Length("notes", notes, 0, 500).Pattern("notes", notes, Text).ThrowIfInvalid();
        RequireAccount(accountId);
        throw NotFound(delegationRequestId!);
    }

    /// <summary>ListDelegationRequests: the requests the caller owns, of which there are none.</summary>
    public IReadOnlyList<string> List(string accountId, string? ownerId, string? marker, int? maxItems)
    {
        new ParameterValidator().Length("ownerId", ownerId, 20, 2048).Pattern("ownerId", ownerId, OwnerId)
            .Length("marker", marker, 1, 320).Pattern("marker", marker, Marker).Range("maxItems", maxItems, 1, 1000).ThrowIfInvalid();
        RequireAccount(accountId);
        if (marker is not null)
        {
            // A marker can only come from an earlier page, and there never is one.
            throw IamErrors.InvalidInput("Invalid Marker.");
        }

        return [];
    }

    /// <summary>
    /// GetHumanReadableSummary: only delegation requests have summaries (arn:aws:iam::ACCOUNT:delegation-request/ID);
    /// another ARN is InvalidInput, and a delegation request, never created here, is NoSuchEntity.
    /// </summary>
    public void Summary(string accountId, string? entityArn, string? locale)
    {
        new ParameterValidator().Arn("entityArn", entityArn).Length("locale", locale, 2, 12).ThrowIfInvalid();
        RequireAccount(accountId);
        var parts = entityArn!.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "iam" || !parts[5].StartsWith("delegation-request/", StringComparison.Ordinal))
        {
            throw IamErrors.InvalidInput($"The entity type of {entityArn} is not supported. The only supported entity type is delegation-request.");
        }

        throw NotFound(parts[5]["delegation-request/".Length..]);
    }

    private static AwsException NotFound(string id) => IamErrors.NoSuchEntity($"The delegation request with id {id} cannot be found.");

    private void RequireAccount(string accountId) => context.Store.Read(state => IamRules.Account(state, accountId));
}
