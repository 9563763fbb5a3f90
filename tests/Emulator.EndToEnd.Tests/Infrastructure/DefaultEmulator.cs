namespace Emulator.EndToEnd.Tests.Infrastructure;

/// <summary>A server started without --seed: one account, 123456789012, with the documented root keys.</summary>
public sealed class DefaultEmulator : EmulatorProcess;
