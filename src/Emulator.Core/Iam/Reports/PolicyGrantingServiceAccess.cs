namespace Emulator.Core.Iam.Reports;

/// <summary>A policy that grants some action of a service, as ListPoliciesGrantingServiceAccess shapes it.</summary>
/// <param name="PolicyArn">Managed policies only.</param>
/// <param name="EntityType">Inline policies only: USER, ROLE or GROUP, the policy's owner.</param>
public sealed record PolicyGrantingServiceAccess(string PolicyName, string PolicyType, string? PolicyArn, string? EntityType, string? EntityName);
