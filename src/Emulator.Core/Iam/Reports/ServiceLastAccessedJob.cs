using System.Collections.Immutable;

namespace Emulator.Core.Iam.Reports;

/// <summary>
/// A GenerateServiceLastAccessedDetails job: the report as computed when it was generated (AWS's job runs once and its
/// answer does not change afterwards), the services in AWS's order and, per service, the entities that used it.
/// </summary>
public sealed record ServiceLastAccessedJob(
    string AccountId,
    string JobId,
    string Arn,
    string Granularity,
    DateTimeOffset JobCreationDate,
    DateTimeOffset JobCompletionDate,
    ImmutableList<ServiceLastAccessed> Services,
    ImmutableList<EntityLastAccessed> Entities);
