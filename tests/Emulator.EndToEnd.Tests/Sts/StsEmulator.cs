using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Sts;

/// <summary>
/// A server seeded for the role-switching guides. Account A (production) has the user <c>dev</c>, who may
/// assume A's roles, and the roles a user switches to; account B has <c>ops</c>, allowed to assume
/// A's <c>RoleForB</c> (seed 003), and <c>idle</c>, allowed nothing. A trusts the built-in OIDC issuer.
/// </summary>
public sealed class StsEmulator() : EmulatorProcess(Seed)
{
    public const string AccountA = "111111111111";
    public const string AccountB = "222222222222";
    public const string OidcProviderArn = $"arn:aws:iam::{AccountA}:oidc-provider/oidc.emulator.test";

    /// <summary>The ExternalId the <c>partner</c> role's trust policy requires.</summary>
    public const string PartnerExternalId = "Unique-42";

    public static AwsCredentials RootA { get; } = new("AKIASTSROOTA00000001", "secret-of-root-a/000000000000000000000000");

    public static AwsCredentials RootB { get; } = new("AKIASTSROOTB00000001", "secret-of-root-b/000000000000000000000000");

    /// <summary>dev in account A: may assume A's roles and list A's users and roles.</summary>
    public static AwsCredentials Dev { get; } = new("AKIASTSDEV0000000001", "secret-of-dev/0000000000000000000000000000");

    /// <summary>ops in account B: may assume arn:aws:iam::111111111111:role/RoleForB.</summary>
    public static AwsCredentials Ops { get; } = new("AKIASTSOPS0000000001", "secret-of-ops/0000000000000000000000000000");

    /// <summary>idle in account B: no policy at all.</summary>
    public static AwsCredentials Idle { get; } = new("AKIASTSIDLE000000001", "secret-of-idle/000000000000000000000000000");

    public static string RoleArn(string roleName) => $"arn:aws:iam::{AccountA}:role/{roleName}";

    private const string TrustAccountA = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{AccountA}}:root"},"Action":"sts:AssumeRole"}]}""";

    private static string Seed => $$$"""
        {
          "accounts": [
            {
              "id": "{{{AccountA}}}",
              "rootAccessKeyId": "{{{RootA.AccessKeyId}}}",
              "rootSecretAccessKey": "{{{RootA.SecretAccessKey}}}",
              "openIdConnectProviders": [ { "Url": "https://oidc.emulator.test", "ClientIDList": [ "sts.amazonaws.com" ] } ],
              "users": [
                {
                  "UserName": "dev",
                  "AccessKeys": [ { "AccessKeyId": "{{{Dev.AccessKeyId}}}", "SecretAccessKey": "{{{Dev.SecretAccessKey}}}" } ],
                  "Policies": [ { "PolicyName": "switch-roles", "PolicyDocument": {"Version":"2012-10-17","Statement":[
                    {"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::{{{AccountA}}}:role/*"},
                    {"Effect":"Allow","Action":["iam:ListUsers","iam:ListRoles"],"Resource":"*"}]} } ]
                }
              ],
              "roles": [
                {
                  "RoleName": "prodaccess", "MaxSessionDuration": 43200,
                  "AssumeRolePolicyDocument": {{{TrustAccountA}}},
                  "AttachedPolicies": [ "arn:aws:iam::aws:policy/IAMReadOnlyAccess" ],
                  "Policies": [ { "PolicyName": "chain", "PolicyDocument": {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::{{{AccountA}}}:role/chained"}]} } ]
                },
                { "RoleName": "auditor", "AssumeRolePolicyDocument": {{{TrustAccountA}}} },
                {
                  "RoleName": "chained", "MaxSessionDuration": 43200,
                  "AssumeRolePolicyDocument": {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{{AccountA}}}:role/prodaccess"},"Action":"sts:AssumeRole"}]}
                },
                {
                  "RoleName": "partner",
                  "AssumeRolePolicyDocument": {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{{AccountA}}}:user/dev"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"{{{PartnerExternalId}}}"} } }]},
                  "AttachedPolicies": [ "arn:aws:iam::aws:policy/IAMReadOnlyAccess" ]
                },
                {
                  "RoleName": "RoleForB",
                  "AssumeRolePolicyDocument": {"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{{AccountB}}}:root"},"Action":"sts:AssumeRole"}},
                  "AttachedPolicies": [ "arn:aws:iam::aws:policy/ReadOnlyAccess" ]
                },
                {
                  "RoleName": "deploy",
                  "AssumeRolePolicyDocument": {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"{{{OidcProviderArn}}}"},"Action":"sts:AssumeRoleWithWebIdentity",
                    "Condition":{"StringLike":{"oidc.emulator.test:sub":"repo:acme/*"},"StringEquals":{"oidc.emulator.test:aud":"sts.amazonaws.com"} } }]},
                  "AttachedPolicies": [ "arn:aws:iam::aws:policy/IAMReadOnlyAccess" ]
                }
              ]
            },
            {
              "id": "{{{AccountB}}}",
              "rootAccessKeyId": "{{{RootB.AccessKeyId}}}",
              "rootSecretAccessKey": "{{{RootB.SecretAccessKey}}}",
              "users": [
                {
                  "UserName": "ops",
                  "AccessKeys": [ { "AccessKeyId": "{{{Ops.AccessKeyId}}}", "SecretAccessKey": "{{{Ops.SecretAccessKey}}}" } ],
                  "Policies": [ { "PolicyName": "assume-RoleForB", "PolicyDocument": {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":["arn:aws:iam::{{{AccountA}}}:role/RoleForB"]}]} } ]
                },
                { "UserName": "idle", "AccessKeys": [ { "AccessKeyId": "{{{Idle.AccessKeyId}}}", "SecretAccessKey": "{{{Idle.SecretAccessKey}}}" } ] }
              ]
            }
          ]
        }
        """;
}
