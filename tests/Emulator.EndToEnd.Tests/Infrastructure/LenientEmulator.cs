namespace Emulator.EndToEnd.Tests.Infrastructure;

/// <summary>A server started with <c>--auth lenient</c>: unknown keys act as the root of an account.</summary>
public sealed class LenientEmulator() : EmulatorProcess(null, "--auth", "lenient");
