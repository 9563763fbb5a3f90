namespace Emulator.Core.Audit;

/// <summary>The six fields of an ARN (<c>arn:partition:service:region:account:resource</c>), as the trail reads them.</summary>
public readonly record struct ArnParts(string Partition, string Service, string Region, string Account, string Resource)
{
    public static bool TryParse(string? text, out ArnParts arn)
    {
        var parts = text?.Split(':', 6);
        if (parts is not { Length: 6 } || parts[0] != "arn" || parts[1].Length == 0 || parts[2].Length == 0)
        {
            arn = default;
            return false;
        }

        arn = new ArnParts(parts[1], parts[2], parts[3], parts[4], parts[5]);
        return true;
    }

    /// <summary>The resource type: <c>role</c> in <c>role/path/name</c>, <c>instance</c> in <c>instance/i-…</c>.</summary>
    public string ResourceType => Resource.IndexOfAny(['/', ':']) is var at and > 0 ? Resource[..at] : Resource;

    /// <summary>CloudTrail's type name for the resource (<c>AWS::IAM::Role</c>, <c>AWS::EC2::Instance</c>), null for types it has none for here.</summary>
    public string? CloudTrailType => (Service, ResourceType) switch
    {
        ("iam", "role") => "AWS::IAM::Role",
        ("iam", "user") => "AWS::IAM::User",
        ("iam", "group") => "AWS::IAM::Group",
        ("iam", "policy") => "AWS::IAM::Policy",
        ("iam", "instance-profile") => "AWS::IAM::InstanceProfile",
        ("iam", "oidc-provider") => "AWS::IAM::OIDCProvider",
        ("iam", "saml-provider") => "AWS::IAM::SAMLProvider",
        ("sts", "assumed-role") => "AWS::STS::AssumedRole",
        ("sts", "federated-user") => "AWS::STS::FederatedUser",
        ("ec2", "instance") => "AWS::EC2::Instance",
        ("ec2", "image") => "AWS::EC2::Image",
        ("ec2", "subnet") => "AWS::EC2::Subnet",
        ("ec2", "vpc") => "AWS::EC2::VPC",
        ("ec2", "security-group") => "AWS::EC2::SecurityGroup",
        ("ec2", "network-interface") => "AWS::EC2::NetworkInterface",
        ("ec2", "volume") => "AWS::EC2::Volume",
        ("ec2", "key-pair") => "AWS::EC2::KeyPair",
        _ => null,
    };
}
