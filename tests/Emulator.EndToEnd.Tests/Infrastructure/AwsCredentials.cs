namespace Emulator.EndToEnd.Tests.Infrastructure;

/// <summary>The keys a client signs with; the session token only for temporary credentials.</summary>
public sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null)
{
    /// <summary>The documented root keys of account 123456789012, the account the server has without --seed.</summary>
    public static AwsCredentials DefaultRoot { get; } = new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

    public const string DefaultAccountId = "123456789012";

    public AwsCredentials WithSecret(string secretAccessKey) => this with { SecretAccessKey = secretAccessKey };
}
