namespace Emulator.EndToEnd.Tests.ContainerCredentials;

/// <summary>One container-credentials server; the faketime test moves its clock, so its classes run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ContainerEmulatorCollection : ICollectionFixture<ContainerEmulator>
{
    public const string Name = "container credentials server";
}
