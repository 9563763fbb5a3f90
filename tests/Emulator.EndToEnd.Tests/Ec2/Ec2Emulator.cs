using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Ec2;

/// <summary>
/// Account 111111111111 of seed 000: roles trusting EC2 (abcd, Get-pics, other) with one profile each, a role
/// EC2 may not assume (lambda-only), and users with seed 000's launch policies.
/// </summary>
public sealed class Ec2Emulator() : EmulatorProcess(Seed)
{
    public const string Account = "111111111111";

    public static AwsCredentials Root { get; } = new("AKIAAAAAAAAAAAAAAAA1", "secret-one");

    /// <summary>Seed 000's second policy: ec2:RunInstances on everything, iam:PassRole only on role/Get-pics.</summary>
    public static AwsCredentials PicsOnly { get; } = new("AKIAPICSONLY00000001", "pics-secret");

    /// <summary>Seed 000's first policy (PassRole with iam:PassedToService = ec2.amazonaws.com, ec2:Describe*) plus the launch and association actions.</summary>
    public static AwsCredentials AnyRole { get; } = new("AKIAANYROLE000000001", "any-secret");

    /// <summary>May launch and associate, but PassRole only toward Lambda: EC2's PassRole checks fail.</summary>
    public static AwsCredentials LambdaOnly { get; } = new("AKIALAMBDAONLY000001", "lambda-secret");

    /// <summary>PassRole allowed only with iam:AssociatedResourceArn like one specific instance ARN: EC2 passes the wildcard form, so this denies.</summary>
    public static AwsCredentials OneInstance { get; } = new("AKIAONEINSTANCE00001", "one-secret");

    private const string Ec2Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private const string LaunchActions = """{"Effect":"Allow","Action":["ec2:RunInstances","ec2:AssociateIamInstanceProfile","ec2:ReplaceIamInstanceProfileAssociation","ec2:DisassociateIamInstanceProfile","ec2:Describe*"],"Resource":"*"}""";

    private static readonly string Seed = """
        {"accounts":[{"id":"111111111111","rootAccessKeyId":"AKIAAAAAAAAAAAAAAAA1","rootSecretAccessKey":"secret-one",
          "roles":[
            {"RoleName":"abcd","AssumeRolePolicyDocument":EC2_TRUST},
            {"RoleName":"Get-pics","AssumeRolePolicyDocument":EC2_TRUST},
            {"RoleName":"other","AssumeRolePolicyDocument":EC2_TRUST},
            {"RoleName":"lambda-only","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}}],
          "instanceProfiles":[
            {"InstanceProfileName":"abcd-profile","Roles":["abcd"]},
            {"InstanceProfileName":"pics-profile","Roles":["Get-pics"]},
            {"InstanceProfileName":"other-profile","Roles":["other"]},
            {"InstanceProfileName":"lambda-profile","Roles":["lambda-only"]},
            {"InstanceProfileName":"empty-profile"}],
          "users":[
            {"UserName":"pics","AccessKeys":[{"AccessKeyId":"AKIAPICSONLY00000001","SecretAccessKey":"pics-secret"}],
             "Policies":[{"PolicyName":"seed-000-get-pics","PolicyDocument":{"Version":"2012-10-17","Statement":[
               {"Effect":"Allow","Action":"ec2:RunInstances","Resource":"*"},
               {"Effect":"Allow","Action":["ec2:AssociateIamInstanceProfile","ec2:ReplaceIamInstanceProfileAssociation","ec2:DescribeIamInstanceProfileAssociations"],"Resource":"*"},
               {"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::111111111111:role/Get-pics"}]}}]},
            {"UserName":"any","AccessKeys":[{"AccessKeyId":"AKIAANYROLE000000001","SecretAccessKey":"any-secret"}],
             "Policies":[{"PolicyName":"seed-000-any-role","PolicyDocument":{"Version":"2012-10-17","Statement":[
               {"Sid":"IamPassRole","Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{"StringEquals":{"iam:PassedToService":"ec2.amazonaws.com"}}},
               {"Sid":"ListEc2AndListInstanceProfiles","Effect":"Allow","Action":["iam:ListInstanceProfiles","ec2:Describe*","ec2:Search*","ec2:Get*"],"Resource":"*"},
               LAUNCH_ACTIONS]}}]},
            {"UserName":"lambda","AccessKeys":[{"AccessKeyId":"AKIALAMBDAONLY000001","SecretAccessKey":"lambda-secret"}],
             "Policies":[{"PolicyName":"pass-to-lambda","PolicyDocument":{"Version":"2012-10-17","Statement":[
               {"Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{"StringEquals":{"iam:PassedToService":"lambda.amazonaws.com"}}},
               LAUNCH_ACTIONS]}}]},
            {"UserName":"one-instance","AccessKeys":[{"AccessKeyId":"AKIAONEINSTANCE00001","SecretAccessKey":"one-secret"}],
             "Policies":[{"PolicyName":"pass-for-one-instance","PolicyDocument":{"Version":"2012-10-17","Statement":[
               {"Effect":"Allow","Action":"iam:PassRole","Resource":"*","Condition":{"ArnLike":{"iam:AssociatedResourceArn":"arn:aws:ec2:us-east-1:111111111111:instance/i-0123456789abcdef0"}}},
               LAUNCH_ACTIONS]}}]}]},
         {"id":"222222222222","rootAccessKeyId":"AKIABBBBBBBBBBBBBBB2","rootSecretAccessKey":"secret-two"}]}
        """.Replace("EC2_TRUST", Ec2Trust, StringComparison.Ordinal).Replace("LAUNCH_ACTIONS", LaunchActions, StringComparison.Ordinal);
}
