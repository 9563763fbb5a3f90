using Emulator.Policy;

namespace Emulator.Core.Audit;

/// <summary>CloudTrail's type names for the resources the trail lists.</summary>
public static class CloudTrailResourceType
{
    /// <summary>CloudTrail's type name for the resource (<c>AWS::IAM::Role</c>, <c>AWS::EC2::Instance</c>), null for types it has none for here.</summary>
    public static string? Of(Arn arn) => (arn.Service, arn.ResourceType) switch
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
