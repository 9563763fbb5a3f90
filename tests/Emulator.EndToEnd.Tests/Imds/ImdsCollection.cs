namespace Emulator.EndToEnd.Tests.Imds;

/// <summary>The IMDS tests share one server: each launches its own instances and addresses them explicitly.</summary>
[CollectionDefinition(Name)]
public sealed class ImdsCollection : ICollectionFixture<ImdsEmulator>
{
    public const string Name = "IMDS end to end";
}
