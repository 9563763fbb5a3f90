namespace Emulator.EndToEnd.Tests.Infrastructure;

/// <summary>The tests of <c>--state postgres://…</c>: one PostgreSQL server for all of them, a database each.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres state";
}
