namespace Emulator.EndToEnd.Tests.Ec2;

[CollectionDefinition(Name)]
public sealed class Ec2EmulatorCollection : ICollectionFixture<Ec2Emulator>
{
    public const string Name = "ec2 emulator";
}
