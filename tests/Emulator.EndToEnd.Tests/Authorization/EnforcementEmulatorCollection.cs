namespace Emulator.EndToEnd.Tests.Authorization;

[CollectionDefinition(Name)]
public sealed class EnforcementEmulatorCollection : ICollectionFixture<EnforcementEmulator>
{
    public const string Name = "enforcement emulator";
}
