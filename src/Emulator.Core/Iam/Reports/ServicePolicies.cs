namespace Emulator.Core.Iam.Reports;

/// <summary>The policies granting one requested namespace.</summary>
public sealed record ServicePolicies(string ServiceNamespace, IReadOnlyList<PolicyGrantingServiceAccess> Policies);
