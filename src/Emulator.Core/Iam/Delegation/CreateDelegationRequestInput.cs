namespace Emulator.Core.Iam.Delegation;

/// <summary>CreateDelegationRequest's members as sent (validated by the operation).</summary>
public sealed record CreateDelegationRequestInput(
    string? OwnerAccountId,
    string? Description,
    DelegationPermissionInput? Permissions,
    string? RequestMessage,
    string? RequestorWorkflowId,
    string? RedirectUrl,
    string? NotificationChannel,
    int? SessionDuration,
    bool? OnlySendByOwner);
