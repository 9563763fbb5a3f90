namespace Emulator.EndToEnd.Tests.Sts;

/// <summary>A second seeded server for the SDK and web-identity flows, so they run beside the CLI ones (and move their own clock).</summary>
[CollectionDefinition(Name)]
public sealed class StsSdkCollection : ICollectionFixture<StsEmulator>
{
    public const string Name = "STS flows through the SDKs on a seeded server";
}
