namespace Emulator.Core.Audit.Generation;

/// <summary>A call of the principal that was refused: reported beside the generated policy, never granted by it.</summary>
public sealed record DeniedCall(string EventTime, string EventName, string EventId, string? ErrorCode, string? Action, string? Resource);
