namespace Emulator.Core.Audit;

/// <summary>CloudTrail's classification of API calls: readOnly, and which events carry responseElements.</summary>
public static class EventClassification
{
    private static readonly string[] ReadPrefixes = ["Get", "List", "Describe", "Simulate", "Decode"];

    /// <summary>
    /// Reads (Get*, List*, Describe*, Simulate*, DecodeAuthorizationMessage…) and, as CloudTrail marks them,
    /// the STS calls that issue credentials (AssumeRole*), which change no state.
    /// </summary>
    public static bool IsReadOnly(string eventName) =>
        ReadPrefixes.Any(p => eventName.StartsWith(p, StringComparison.Ordinal) && eventName.Length > p.Length && char.IsUpper(eventName[p.Length]))
        || eventName.StartsWith("AssumeRole", StringComparison.Ordinal);

    /// <summary>
    /// CloudTrail gives responseElements for calls that change state, and for the STS calls that issue credentials
    /// (the key id, expiry and assumed-role user; never the secret or the token); null for every other read.
    /// </summary>
    public static bool RecordsResponse(string eventName) =>
        !IsReadOnly(eventName) || IssuesCredentials(eventName);

    public static bool IssuesCredentials(string eventName) =>
        eventName.StartsWith("AssumeRole", StringComparison.Ordinal) || eventName is "GetSessionToken" or "GetFederationToken";

    /// <summary>CloudTrail's eventSource for a signing name (iam → iam.amazonaws.com).</summary>
    public static string EventSource(string signingName) => $"{signingName}.amazonaws.com";
}
