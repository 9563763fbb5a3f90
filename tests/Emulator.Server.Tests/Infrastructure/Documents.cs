namespace Emulator.Server.Tests.Infrastructure;

/// <summary>Policy documents used across tests (from the seed documents where they give one).</summary>
public static class Documents
{
    public const string Ec2Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    public const string PrettyEc2Trust = """
        {
          "Version": "2012-10-17",
          "Statement": [
            { "Effect": "Allow", "Principal": { "Service": "ec2.amazonaws.com" }, "Action": "sts:AssumeRole" }
          ]
        }
        """;

    public const string S3Read = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":"*"}]}""";
}
