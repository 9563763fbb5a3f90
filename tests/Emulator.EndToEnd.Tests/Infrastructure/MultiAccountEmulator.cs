namespace Emulator.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A server seeded with two accounts, each with its own root keys; account A also has a seeded user,
/// role (with an inline policy) and an instance profile holding that role.
/// </summary>
public sealed class MultiAccountEmulator() : EmulatorProcess(Seed)
{
    public const string AccountA = "111111111111";
    public const string AccountB = "222222222222";
    public const string SeededRoleName = "seeded-app";
    public const string SeededInstanceProfileName = "seeded-app-profile";
    public const string SeededUserName = "alice";

    public static AwsCredentials RootA { get; } = new("AKIAAAAAAAAAAAAAAAAA", "secret-of-account-a/0000000000000000000000");

    public static AwsCredentials RootB { get; } = new("AKIABBBBBBBBBBBBBBBB", "secret-of-account-b/0000000000000000000000");

    public static AwsCredentials AliceKey { get; } = new("AKIAALICEALICEALICE1", "secret-of-alice/00000000000000000000000000");

    private static string Seed => $$"""
        {
          "accounts": [
            {
              "id": "{{AccountA}}",
              "rootAccessKeyId": "{{RootA.AccessKeyId}}",
              "rootSecretAccessKey": "{{RootA.SecretAccessKey}}",
              "users": [
                { "UserName": "{{SeededUserName}}", "AccessKeys": [ { "AccessKeyId": "{{AliceKey.AccessKeyId}}", "SecretAccessKey": "{{AliceKey.SecretAccessKey}}" } ] }
              ],
              "roles": [
                {
                  "RoleName": "{{SeededRoleName}}",
                  "AssumeRolePolicyDocument": {{PolicyDocuments.Ec2TrustPolicy}},
                  "Policies": [ { "PolicyName": "S3-Permissions", "PolicyDocument": {{PolicyDocuments.S3AccessPolicy}} } ]
                }
              ],
              "instanceProfiles": [
                { "InstanceProfileName": "{{SeededInstanceProfileName}}", "Roles": [ "{{SeededRoleName}}" ] }
              ]
            },
            {
              "id": "{{AccountB}}",
              "rootAccessKeyId": "{{RootB.AccessKeyId}}",
              "rootSecretAccessKey": "{{RootB.SecretAccessKey}}"
            }
          ]
        }
        """;
}
