namespace Emulator.EndToEnd.Tests.Infrastructure;

/// <summary>One default server for the AWS CLI workflows; its classes run one after another and use unique names.</summary>
[CollectionDefinition(Name)]
public sealed class CliWorkflowCollection : ICollectionFixture<DefaultEmulator>
{
    public const string Name = "CLI workflows on a default server";
}
