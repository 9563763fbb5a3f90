namespace Emulator.EndToEnd.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class LenientEmulatorCollection : ICollectionFixture<LenientEmulator>
{
    public const string Name = "server with --auth lenient";
}
