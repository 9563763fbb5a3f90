namespace Emulator.EndToEnd.Tests.Infrastructure;

/// <summary>A second default server for the boto3 workflows, so they run in parallel with the CLI ones.</summary>
[CollectionDefinition(Name)]
public sealed class Boto3WorkflowCollection : ICollectionFixture<DefaultEmulator>
{
    public const string Name = "boto3 workflows on a default server";
}
