namespace Emulator.EndToEnd.Tests.Infrastructure;

/// <summary>The documents of the EC2 roles guide (seed 004), as users save them to files.</summary>
public static class PolicyDocuments
{
    /// <summary>ec2-role-trust-policy.json: EC2 may assume the role.</summary>
    public const string Ec2TrustPolicy =
        """{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Principal": { "Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole" } ] }""";

    /// <summary>ec2-role-access-policy.json: full Amazon S3 access.</summary>
    public const string S3AccessPolicy =
        """{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": ["s3:*"], "Resource": ["*"] } ] }""";
}
