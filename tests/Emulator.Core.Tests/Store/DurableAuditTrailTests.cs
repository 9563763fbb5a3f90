using Emulator.Core.Audit;
using Emulator.Core.Errors;
using Emulator.Core.Store.Persistence;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Emulator.Core.Tests.Store;

public sealed class DurableAuditTrailTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("emulator-trail-").FullName;

    private string Path => System.IO.Path.Combine(directory, "state.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void A_query_sees_every_call_recorded_before_it_and_a_restart_keeps_the_trail()
    {
        using (var database = Open())
        using (var trail = new DurableAuditTrail(database, 100))
        {
            trail.Append(Record("CreateRole", "req-1"));
            trail.Append(Record("GetRole", "req-2", "NoSuchEntity"));

            trail.Query(new AuditQuery()).Select(r => r.Event.RequestId).Should().Equal("req-2", "req-1");
            trail.Append(Record("DeleteRole", "req-3"));
        }

        using var reopened = Open();
        using var again = new DurableAuditTrail(reopened, 100);
        again.Query(new AuditQuery()).Select(r => r.Event.RequestId).Should().Equal("req-3", "req-2", "req-1");
        var failed = again.Query(new AuditQuery { ErrorCode = "NoSuchEntity" }).Should().ContainSingle().Subject;
        failed.Event.EventName.Should().Be("GetRole");
        failed.Authorizations.Should().ContainSingle().Which.Action.Should().Be("iam:GetRole");
    }

    [Fact]
    public void The_trail_keeps_only_the_newest_records_and_clear_empties_it()
    {
        using var database = Open();
        using var trail = new DurableAuditTrail(database, 3);
        for (var i = 1; i <= 5; i++)
        {
            trail.Append(Record("GetRole", $"req-{i}"));
            trail.Query(new AuditQuery { Limit = 1 }).Single().Event.RequestId.Should().Be($"req-{i}");
        }

        trail.Query(new AuditQuery()).Select(r => r.Event.RequestId).Should().Equal("req-5", "req-4", "req-3");
        trail.Clear();
        trail.Query(new AuditQuery()).Should().BeEmpty();
    }

    [Fact]
    public void A_database_that_fails_makes_query_and_clear_ServiceUnavailable()
    {
        using var database = new TrailFailing(Open());
        using var trail = new DurableAuditTrail(database, 10);
        trail.Append(Record("GetRole", "req-1"));

        var query = () => trail.Query(new AuditQuery());
        var clear = () => trail.Clear();

        query.Should().Throw<AwsException>().Which.Error.Should().Be(new AwsError("ServiceUnavailable",
            "The emulator's state database is unavailable; the request was not applied. Try again.", 503));
        clear.Should().Throw<AwsException>().Which.Error.HttpStatus.Should().Be(503);
    }

    /// <summary>A database whose trail table cannot be reached (a lost connection, a broken file).</summary>
    private sealed class TrailFailing(IStateDatabase inner) : IStateDatabase
    {
        public bool Shared => inner.Shared;

        public void Migrate() => inner.Migrate();

        public long LatestRevision() => inner.LatestRevision();

        public IReadOnlyList<RevisedRow> RowsSince(long revision) => inner.RowsSince(revision);

        public IStateTransaction BeginWrite() => inner.BeginWrite();

        public string KeyOrAdd(string name, string candidate) => inner.KeyOrAdd(name, candidate);

        public void AppendTrail(IReadOnlyList<string> records, int keep) => throw new SqliteException("disk I/O error", 10);

        public IReadOnlyList<string> ReadTrail(int limit) => throw new SqliteException("disk I/O error", 10);

        public void ClearTrail() => throw new SqliteException("disk I/O error", 10);

        public void Dispose() => inner.Dispose();
    }

    private SqliteStateDatabase Open()
    {
        var database = new SqliteStateDatabase(Path);
        database.Migrate();
        return database;
    }

    private static AuditRecord Record(string eventName, string requestId, string? errorCode = null) =>
        new(new AuditEvent
        {
            UserIdentity = new AuditUserIdentity { Type = "Root", Arn = "arn:aws:iam::123456789012:root", AccountId = "123456789012" },
            EventTime = "2026-12-02T12:00:00Z",
            EventSource = "iam.amazonaws.com",
            EventName = eventName,
            AwsRegion = "us-east-1",
            RequestId = requestId,
            EventId = Guid.NewGuid().ToString(),
            ErrorCode = errorCode,
            RecipientAccountId = "123456789012",
        },
        DateTimeOffset.Parse("2026-12-02T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        [new AuditedAuthorization($"iam:{eventName}", "arn:aws:iam::123456789012:role/app", errorCode is null, "Allow")]);
}
