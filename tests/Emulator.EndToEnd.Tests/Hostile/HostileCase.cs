using System.Text.Json;

namespace Emulator.EndToEnd.Tests.Hostile;

/// <summary>
/// A case of the hostile-input corpus (corpus.jsonl, written by generate_corpus.py): the request and
/// the answer that is certain when the corpus states one.
/// </summary>
public sealed record HostileCase(
    string Id,
    string Category,
    string Description,
    bool IsAdmin,
    bool IsHttpLayer,
    bool IsEc2,
    HostileRequest Request,
    int? ExpectedStatus,
    string? ExpectedCode)
{
    private static readonly Lazy<IReadOnlyDictionary<string, HostileCase>> Corpus = new(Load);

    public static IReadOnlyDictionary<string, HostileCase> All => Corpus.Value;

    public static string CorpusPath => Path.Combine(AppContext.BaseDirectory, "Hostile", "corpus.jsonl");

    public override string ToString() => $"{Id} [{Category}]: {Description}";

    private static IReadOnlyDictionary<string, HostileCase> Load()
    {
        var cases = new Dictionary<string, HostileCase>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(CorpusPath).Where(l => l.Length > 0))
        {
            using var document = JsonDocument.Parse(line);
            var json = document.RootElement;
            var id = json.GetProperty("id").GetString()!;
            cases.Add(id, new HostileCase(
                id,
                json.GetProperty("category").GetString()!,
                json.GetProperty("description").GetString()!,
                json.GetProperty("protocol").GetString() == "admin",
                json.GetProperty("protocol").GetString() == "http",
                json.GetProperty("protocol").GetString() == "ec2",
                HostileRequest.FromJson(json),
                json.TryGetProperty("expect_status", out var status) ? status.GetInt32() : null,
                json.TryGetProperty("expect_code", out var code) ? code.GetString() : null));
        }

        return cases;
    }
}
