using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Authorization;

/// <summary>A server whose one IAM user may only call iam:GetRole on one role.</summary>
public sealed class EnforcementEmulator() : EmulatorProcess(Seed)
{
    public static AwsCredentials Reader { get; } = new("AKIAREADERREADER0001", "reader-secret/000000000000000000000000000");

    private const string Seed = """
        {"accounts":[{"id":"123456789012","rootAccessKeyId":"AKIAIOSFODNN7EXAMPLE","rootSecretAccessKey":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
          "roles":[{"RoleName":"web","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}},
                   {"RoleName":"db","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}}],
          "users":[{"UserName":"reader","AccessKeys":[{"AccessKeyId":"AKIAREADERREADER0001","SecretAccessKey":"reader-secret/000000000000000000000000000"}],
                    "Policies":[{"PolicyName":"get-web","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Sid":"GetWeb","Effect":"Allow","Action":"iam:GetRole","Resource":"arn:aws:iam::123456789012:role/web"}]}}]}]}]}
        """;
}
