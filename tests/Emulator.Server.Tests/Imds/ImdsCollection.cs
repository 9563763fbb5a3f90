namespace Emulator.Server.Tests.Imds;

/// <summary>One in-memory emulator for the IMDS tests; each test resets it.</summary>
[CollectionDefinition(Name)]
public sealed class ImdsCollection : ICollectionFixture<ImdsTestBed>
{
    public const string Name = "IMDS";
}
