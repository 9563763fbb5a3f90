namespace Emulator.EndToEnd.Tests.Sts;

/// <summary>The AWS CLI role-switching flows; one seeded server, its classes run one after another (some move its clock).</summary>
[CollectionDefinition(Name)]
public sealed class StsCliCollection : ICollectionFixture<StsEmulator>
{
    public const string Name = "STS flows through the AWS CLI on a seeded server";
}
