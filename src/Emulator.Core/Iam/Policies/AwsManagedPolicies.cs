using System.Collections;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Emulator.Policy;

namespace Emulator.Core.Iam.Policies;

/// <summary>
/// The AWS managed policies every account sees under arn:aws:iam::aws:policy/…: AWS's whole catalogue, built
/// into the assembly from Catalog/aws-managed-policies.jsonl (one policy per line: name, path, default version
/// id, dates and the default version's document as AWS publishes it; Catalog/update.py regenerates it).
/// The catalogue is read once per process; each policy's document is compiled the first time the policy is
/// looked at, so start-up and a reset do not pay for 1,500 documents nobody uses.
/// </summary>
public static class AwsManagedPolicies
{
    private const string ResourceName = "aws-managed-policies.jsonl";

    /// <summary>AWS's descriptions for the policies users reach for most (the data file carries none).</summary>
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["AdministratorAccess"] = "Provides full access to AWS services and resources.",
        ["ReadOnlyAccess"] = "Provides read-only access to AWS services and resources.",
        ["IAMFullAccess"] = "Provides full access to IAM via the AWS Management Console.",
        ["IAMReadOnlyAccess"] = "Provides read only access to IAM via the AWS Management Console.",
        ["AmazonS3FullAccess"] = "Provides full access to all buckets via the AWS Management Console.",
        ["AmazonS3ReadOnlyAccess"] = "Provides read only access to all buckets via the AWS Management Console.",
        ["AmazonEC2FullAccess"] = "Provides full access to Amazon EC2 via the AWS Management Console.",
        ["AmazonEC2ReadOnlyAccess"] = "Provides read only access to Amazon EC2 via the AWS Management Console.",
        ["AmazonSSMManagedInstanceCore"] = "The policy for Amazon EC2 Role to enable AWS Systems Manager service core functionality.",
        ["PowerUserAccess"] = "Provides full access to AWS services and resources, but does not allow management of Users and groups.",
    };

    private static readonly Lazy<Catalog> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The catalogue keyed by ARN (one shared, immutable instance per process).</summary>
    public static IReadOnlyDictionary<string, ManagedPolicy> Create() => Shared.Value;

    /// <summary>Every entry of the data file, each compiled (for tests and tools that check the whole catalogue).</summary>
    public static IEnumerable<(string Name, string Text, PolicyParseResult Parsed)> ParseAll() =>
        Shared.Value.Entries.Select(e => (e.Name, e.Text, PolicyParser.Parse(e.Text, PolicyKind.Managed)));

    private static Catalog Load()
    {
        using var stream = typeof(AwsManagedPolicies).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var entries = new List<Entry>(1600);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            entries.Add(new Entry(
                root.GetProperty("name").GetString()!,
                root.GetProperty("path").GetString()!,
                root.GetProperty("version").GetString()!,
                DateTimeOffset.Parse(root.GetProperty("created").GetString()!, CultureInfo.InvariantCulture),
                DateTimeOffset.Parse(root.GetProperty("updated").GetString()!, CultureInfo.InvariantCulture),
                root.GetProperty("document").GetRawText()));
        }

        return new Catalog(entries);
    }

    private static ManagedPolicy Build(Entry entry)
    {
        var parsed = PolicyParser.Parse(entry.Text, PolicyKind.Managed);
        var document = parsed.Document ?? throw new InvalidOperationException($"AWS managed policy {entry.Name} does not parse: {parsed.Error}");
        var version = new PolicyVersion(entry.Version, new StoredPolicy(entry.Text, document), entry.Updated);
        var next = int.Parse(entry.Version.AsSpan(1), CultureInfo.InvariantCulture) + 1;
        return new ManagedPolicy("aws", entry.Name, entry.Path, StableId(entry.Name), Descriptions.GetValueOrDefault(entry.Name),
            entry.Created, entry.Updated, entry.Version, [version], next, ImmutableList<Tags.Tag>.Empty);
    }

    /// <summary>
    /// AWS's policy ids are not in the data file; this one is derived from the name, so it is the same in every
    /// run and on every replica, and has AWS's form (ANPA + 17 base32 characters).
    /// </summary>
    private static string StableId(string name)
    {
        const string base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        var chars = new char[17];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = base32[hash[i] % 32];
        }

        return "ANPA" + new string(chars);
    }

    private sealed record Entry(string Name, string Path, string Version, DateTimeOffset Created, DateTimeOffset Updated, string Text)
    {
        public string Arn => $"arn:aws:iam::aws:policy{Path}{Name}";
    }

    /// <summary>A read-only dictionary whose values are compiled on first access and then kept.</summary>
    private sealed class Catalog : IReadOnlyDictionary<string, ManagedPolicy>
    {
        private readonly Dictionary<string, int> index;
        private readonly Lazy<ManagedPolicy>[] policies;

        public Catalog(List<Entry> entries)
        {
            Entries = entries;
            index = new Dictionary<string, int>(entries.Count, StringComparer.Ordinal);
            policies = new Lazy<ManagedPolicy>[entries.Count];
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                index[entry.Arn] = i;
                policies[i] = new Lazy<ManagedPolicy>(() => Build(entry), LazyThreadSafetyMode.ExecutionAndPublication);
            }
        }

        public IReadOnlyList<Entry> Entries { get; }

        public int Count => policies.Length;

        public IEnumerable<string> Keys => Entries.Select(e => e.Arn);

        public IEnumerable<ManagedPolicy> Values => policies.Select(p => p.Value);

        public ManagedPolicy this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

        public bool ContainsKey(string key) => index.ContainsKey(key);

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out ManagedPolicy value)
        {
            if (index.TryGetValue(key, out var i))
            {
                value = policies[i].Value;
                return true;
            }

            value = null;
            return false;
        }

        public IEnumerator<KeyValuePair<string, ManagedPolicy>> GetEnumerator() =>
            Entries.Select((e, i) => new KeyValuePair<string, ManagedPolicy>(e.Arn, policies[i].Value)).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
