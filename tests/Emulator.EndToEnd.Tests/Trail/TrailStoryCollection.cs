namespace Emulator.EndToEnd.Tests.Trail;

[CollectionDefinition(Name)]
public sealed class TrailStoryCollection : ICollectionFixture<TrailStoryEmulator>
{
    public const string Name = "seed story emulator with an audit trail file";
}
