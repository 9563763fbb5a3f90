using System.Data.Common;
using Emulator.Core.Errors;
using Emulator.Core.Iam;
using Emulator.Core.Iam.Tags;
using Emulator.Core.Identifiers;
using Emulator.Core.Seeding;
using Emulator.Core.Store;
using Emulator.Core.Store.Persistence;
using Emulator.Core.Store.Tracking;
using Emulator.Core.Time;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Emulator.Core.Tests.Store;

public sealed class DurableStoreTests : IDisposable
{
    private const string Account = IamFixture.Account;
    private readonly string directory = Directory.CreateTempSubdirectory("emulator-store-").FullName;
    private readonly AdjustableTimeProvider clock = new();
    private readonly IdGenerator ids = new(new CryptoRandomSource());
    private readonly EmulatorState seeded;

    public DurableStoreTests()
    {
        seeded = EmulatorStateFactory.Build(null, clock, ids);
    }

    private string Path => System.IO.Path.Combine(directory, "state.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void An_empty_database_receives_the_seed_and_a_reopened_one_is_loaded_exactly()
    {
        using (var store = Open())
        {
            var iam = Iam(store);
            iam.Roles.Create(Account, "Builder", "/ci/", IamFixture.Ec2Trust, "builds", 7200, null, [new Tag("team", "a")]);
            iam.Roles.PutPolicy(Account, "Builder", "read", IamFixture.S3Read);
            var policy = iam.Policies.Create(Account, "Read", null, IamFixture.S3Read, "reads", []);
            iam.Policies.CreateVersion(Account, policy.Arn, IamFixture.S3Read.Replace("GetObject", "ListBucket", StringComparison.Ordinal), setAsDefault: true);
            iam.Users.Create(Account, "alice", null, null, []);
            iam.AccessKeys.Create(Account, "alice");
            iam.Account.CreateAlias(Account, "durable");
        }

        using var reopened = Open();
        var before = RowsOf(reopened);
        var again = Iam(reopened);
        var role = again.Roles.Get(Account, "builder");
        role.Path.Should().Be("/ci/");
        role.MaxSessionDuration.Should().Be(7200);
        role.Tags.Should().Equal(new Tag("team", "a"));
        role.InlinePolicies.Should().ContainSingle(p => p.PolicyName == "read" && p.Policy.Text == IamFixture.S3Read);
        role.AssumeRolePolicy.Document.Statements.Should().HaveCount(1);
        again.Policies.Get(Account, $"arn:aws:iam::{Account}:policy/Read").DefaultVersionId.Should().Be("v2");
        again.AccessKeys.List(Account, "alice", null, null).Items.Should().ContainSingle();
        again.Account.ListAliases(Account).Should().Equal("durable");
        before.Should().Contain(r => r.Kind == "role" && r.Key == "builder");
    }

    [Fact]
    public void A_write_that_throws_half_way_leaves_nothing_in_memory_or_in_the_database()
    {
        using (var store = Open())
        {
            var act = () => store.Write<bool>(state =>
            {
                state.Accounts[Account].Alias = "half";
                state.AccessKeyOwners["AKIAHALFWAY000000000"] = Account;
                throw IamErrors.InvalidInput("stop here");
            });
            act.Should().Throw<AwsException>();
            store.Read(state => (state.Accounts[Account].Alias, state.AccessKeyOwners.ContainsKey("AKIAHALFWAY000000000"))).Should().Be((null, false));
        }

        using var reopened = Open();
        reopened.Read(state => (state.Accounts[Account].Alias, state.AccessKeyOwners.ContainsKey("AKIAHALFWAY000000000"))).Should().Be((null, false));
    }

    [Fact]
    public void In_memory_too_a_write_that_throws_is_undone_whole()
    {
        var store = new InMemoryEmulatorStore(seeded.Clone());
        var iam = Iam(store);
        iam.Users.Create(Account, "kept", null, null, []);
        var act = () => store.Write<bool>(state =>
        {
            state.Accounts[Account].Users.Remove("kept");
            state.Accounts[Account].Alias = "half";
            throw new InvalidOperationException("a bug half-way through");
        });
        act.Should().Throw<InvalidOperationException>();
        iam.Users.Get(Account, "kept").UserName.Should().Be("kept");
        iam.Account.ListAliases(Account).Should().BeEmpty();
    }

    [Fact]
    public void A_commit_that_fails_is_ServiceUnavailable_and_undone_in_memory()
    {
        var database = new FailingDatabase(new SqliteStateDatabase(Path));
        using var store = DurableEmulatorStore.Open(database, seeded);
        database.FailWrites = true;
        var act = () => Iam(store).Users.Create(Account, "lost", null, null, []);
        act.Should().Throw<AwsException>().Which.Error.Should().Be(new AwsError("ServiceUnavailable",
            "The emulator's state database is unavailable; the request was not applied. Try again.", 503));
        store.Read(state => state.Accounts[Account].Users.ContainsKey("lost")).Should().BeFalse();

        database.FailWrites = false;
        Iam(store).Users.Create(Account, "lost", null, null, []).UserName.Should().Be("lost");
    }

    [Fact]
    public void Replace_writes_tombstones_so_a_reopened_store_holds_exactly_the_new_state()
    {
        using (var store = Open())
        {
            Iam(store).Users.Create(Account, "gone", null, null, []);
            store.Replace(seeded.Clone());
            store.Read(state => state.Accounts[Account].Users.Count).Should().Be(0);
        }

        using var reopened = Open();
        reopened.Read(state => state.Accounts[Account].Users.ContainsKey("gone")).Should().BeFalse();
        RowsOf(reopened).Select(r => (r.Kind, r.Scope, r.Key)).Should().BeEquivalentTo(seeded.Rows().Select(r => (r.Kind, r.Scope, r.Key)));
    }

    [Fact]
    public void Replicas_on_one_shared_database_see_each_others_writes_and_race_to_exactly_one_create()
    {
        var first = new SharedDatabase(new SqliteStateDatabase(Path));
        var second = new SharedDatabase(new SqliteStateDatabase(Path));
        using var a = DurableEmulatorStore.Open(first, seeded);
        using var b = DurableEmulatorStore.Open(second, seeded);

        Iam(a).Users.Create(Account, "written-on-a", null, null, []);
        Iam(b).Users.Get(Account, "written-on-a").UserName.Should().Be("written-on-a");
        Iam(b).Users.Delete(Account, "written-on-a");
        var gone = () => Iam(a).Users.Get(Account, "written-on-a");
        gone.Should().Throw<AwsException>().Which.Error.Code.Should().Be("NoSuchEntity");

        var outcomes = new[] { a, b }.AsParallel().WithDegreeOfParallelism(2).Select(store =>
        {
            try
            {
                Iam(store).Roles.Create(Account, "raced", null, IamFixture.Ec2Trust, null, null, null, []);
                return "created";
            }
            catch (AwsException e)
            {
                return e.Error.Code;
            }
        }).ToList();
        outcomes.Order().Should().Equal("EntityAlreadyExists", "created");
    }

    [Fact]
    public void Key_material_is_made_once_and_kept_by_the_database()
    {
        byte[] first;
        using (var store = Open())
        {
            first = store.Key("session-token-key", () => [1, 2, 3]);
            store.Key("session-token-key", () => [9, 9, 9]).Should().Equal(first);
        }

        using var reopened = Open();
        reopened.Key("session-token-key", () => [7, 7, 7]).Should().Equal(1, 2, 3);
    }

    [Fact]
    public void A_database_with_a_newer_schema_is_refused_by_name()
    {
        using (Open())
        {
        }

        using (var connection = new SqliteConnection($"Data Source={Path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO emulator_schema (version) VALUES (99)";
            command.ExecuteNonQuery();
        }

        var act = () => new StateLocation("sqlite", Path).Open(seeded);
        act.Should().Throw<StateStoreException>().WithMessage($"cannot use the state database sqlite:{Path}: the state database has schema version 99; this emulator knows versions up to 2.*");
    }

    private DurableEmulatorStore Open() => new StateLocation("sqlite", Path).Open(seeded);

    private IamService Iam(IEmulatorStore store) => new(new IamContext(store, clock, ids));

    private static List<StateRow> RowsOf(IEmulatorStore store) => store.Read(state => state.Rows().ToList());

    /// <summary>A database that says it is shared, so reads catch up as PostgreSQL replicas do.</summary>
    private sealed class SharedDatabase(IStateDatabase inner) : IStateDatabase
    {
        public bool Shared => true;

        public void Migrate() => inner.Migrate();

        public long LatestRevision() => inner.LatestRevision();

        public IReadOnlyList<RevisedRow> RowsSince(long revision) => inner.RowsSince(revision);

        public IStateTransaction BeginWrite() => inner.BeginWrite();

        public string KeyOrAdd(string name, string candidate) => inner.KeyOrAdd(name, candidate);

        public void AppendTrail(IReadOnlyList<string> records, int keep) => inner.AppendTrail(records, keep);

        public IReadOnlyList<string> ReadTrail(int limit) => inner.ReadTrail(limit);

        public void ClearTrail() => inner.ClearTrail();

        public void Dispose() => inner.Dispose();
    }

    /// <summary>A database whose commits can be made to fail, as a lost connection or a full disk would.</summary>
    private sealed class FailingDatabase(IStateDatabase inner) : IStateDatabase
    {
        public bool FailWrites { get; set; }

        public bool Shared => inner.Shared;

        public void Migrate() => inner.Migrate();

        public long LatestRevision() => inner.LatestRevision();

        public IReadOnlyList<RevisedRow> RowsSince(long revision) => inner.RowsSince(revision);

        public IStateTransaction BeginWrite() => new Transaction(inner.BeginWrite(), this);

        public string KeyOrAdd(string name, string candidate) => inner.KeyOrAdd(name, candidate);

        public void AppendTrail(IReadOnlyList<string> records, int keep) => inner.AppendTrail(records, keep);

        public IReadOnlyList<string> ReadTrail(int limit) => inner.ReadTrail(limit);

        public void ClearTrail() => inner.ClearTrail();

        public void Dispose() => inner.Dispose();

        private sealed class Transaction(IStateTransaction inner, FailingDatabase owner) : IStateTransaction
        {
            public IReadOnlyList<RevisedRow> RowsSince(long revision) => inner.RowsSince(revision);

            public void Write(IEnumerable<StateRow> rows, long revision) => inner.Write(rows, revision);

            public void Commit()
            {
                if (owner.FailWrites)
                {
                    throw new SqliteException("disk I/O error", 10);
                }

                inner.Commit();
            }

            public void Dispose() => inner.Dispose();
        }
    }
}
