namespace Emulator.Core.Iam.Reports;

/// <summary>GenerateCredentialReport's answer: State and, when a new report is started, AWS's Description.</summary>
public sealed record CredentialReportState(string State, string? Description);
