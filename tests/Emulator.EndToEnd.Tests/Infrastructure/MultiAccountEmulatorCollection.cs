namespace Emulator.EndToEnd.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class MultiAccountEmulatorCollection : ICollectionFixture<MultiAccountEmulator>
{
    public const string Name = "server seeded with two accounts";
}
