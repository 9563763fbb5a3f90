namespace Emulator.Server.Tests.Infrastructure;

/// <summary>The emulator with its built-in default account, as a class fixture.</summary>
public sealed class DefaultEmulator() : EmulatorFactory(null, null);
