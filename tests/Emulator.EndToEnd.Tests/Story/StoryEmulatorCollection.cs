namespace Emulator.EndToEnd.Tests.Story;

[CollectionDefinition(Name)]
public sealed class StoryEmulatorCollection : ICollectionFixture<StoryEmulator>
{
    public const string Name = "seed story emulator";
}
