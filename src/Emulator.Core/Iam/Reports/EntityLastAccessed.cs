namespace Emulator.Core.Iam.Reports;

/// <summary>An entity (USER, ROLE or GROUP) that used a service, for GetServiceLastAccessedDetailsWithEntities.</summary>
public sealed record EntityLastAccessed(string ServiceNamespace, string Arn, string Name, string Type, string Id, string Path, DateTimeOffset? LastAuthenticated);
