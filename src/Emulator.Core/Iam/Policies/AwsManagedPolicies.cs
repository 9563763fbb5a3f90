using System.Collections.Immutable;
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
/// The catalogue is read once per process; each policy's document is compiled the first time it is
/// evaluated, so start-up and a reset do not pay for 1,500 documents nobody uses. Every partition has the
/// same policies under its own ARNs (arn:aws-cn:iam::aws:policy/…), sharing the compiled documents.
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

    private static readonly Lazy<AwsManagedPolicyCatalog> Shared = new(() => new AwsManagedPolicyCatalog(Load()), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The catalogue in every partition, keyed by ARN (one shared, immutable instance per process).</summary>
    public static AwsManagedPolicyCatalog Create() => Shared.Value;

    /// <summary>Every entry of the data file, each compiled (for tests and tools that check the whole catalogue).</summary>
    public static IEnumerable<(string Name, string Text, PolicyParseResult Parsed)> ParseAll() =>
        Load().Select(e => (e.Name, e.Text, PolicyParser.Parse(e.Text, PolicyKind.Managed)));

    private static List<Entry> Load()
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

        return entries;
    }

    /// <summary>
    /// The default version, the same document in every partition; compiled when first evaluated (a Core test
    /// compiles every catalogue policy, so none can fail here).
    /// </summary>
    internal static PolicyVersion Version(Entry entry) =>
        new(entry.Version, StoredPolicy.Deferred(entry.Text, () =>
        {
            var parsed = PolicyParser.Parse(entry.Text, PolicyKind.Managed);
            return parsed.Document ?? throw new InvalidOperationException($"AWS managed policy {entry.Name} does not parse: {parsed.Error}");
        }), entry.Updated);

    /// <summary>The policy as an account of <paramref name="partition"/> sees it (its ARN is arn:&lt;partition&gt;:iam::aws:policy/…).</summary>
    internal static ManagedPolicy Build(Entry entry, PolicyVersion version, string partition)
    {
        var next = int.Parse(entry.Version.AsSpan(1), CultureInfo.InvariantCulture) + 1;
        return new ManagedPolicy("aws", entry.Name, entry.Path, StableId(entry.Name), Descriptions.GetValueOrDefault(entry.Name),
            entry.Created, entry.Updated, entry.Version, [version], next, ImmutableList<Tags.Tag>.Empty)
        {
            Partition = partition,
        };
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

    internal sealed record Entry(string Name, string Path, string Version, DateTimeOffset Created, DateTimeOffset Updated, string Text)
    {
        public string ArnIn(string partition) => Emulator.Policy.Arn.Iam(partition, "aws", $"policy{Path}{Name}").ToString();
    }
}
