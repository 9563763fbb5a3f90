namespace Emulator.Core.Iam.Roles;

/// <summary>A DeleteServiceLinkedRole task: its id (<c>task/aws-service-role/&lt;service&gt;/&lt;role&gt;/&lt;uuid&gt;</c>) and status.</summary>
public sealed record ServiceLinkedRoleDeletion(string DeletionTaskId, string Status, DateTimeOffset CreateDate);
