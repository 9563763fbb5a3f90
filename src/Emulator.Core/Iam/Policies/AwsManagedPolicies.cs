using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Emulator.Policy;

namespace Emulator.Core.Iam.Policies;

/// <summary>
/// The AWS managed policies every account sees under arn:aws:iam::aws:policy/…. Their documents
/// follow AWS's published ones in what they grant for the services this emulator serves.
/// </summary>
public static class AwsManagedPolicies
{
    private static readonly DateTimeOffset Published = new(2015, 2, 6, 18, 39, 46, TimeSpan.Zero);

    private static readonly (string Name, string Path, string Description, string Document)[] Catalog =
    [
        ("AdministratorAccess", "/", "Provides full access to AWS services and resources.",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"""),
        ("ReadOnlyAccess", "/", "Provides read-only access to AWS services and resources.",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:Get*","iam:List*","iam:Generate*","iam:Simulate*","ec2:Describe*","ec2:Get*","s3:Get*","s3:List*","sts:GetCallerIdentity","sts:GetAccessKeyInfo"],"Resource":"*"}]}"""),
        ("IAMFullAccess", "/", "Provides full access to IAM via the AWS Management Console.",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:*","organizations:DescribeAccount","organizations:DescribeOrganization","organizations:DescribeOrganizationalUnit","organizations:DescribePolicy","organizations:ListChildren","organizations:ListParents","organizations:ListPoliciesForTarget","organizations:ListRoots","organizations:ListPolicies","organizations:ListTargetsForPolicy"],"Resource":"*"}]}"""),
        ("IAMReadOnlyAccess", "/", "Provides read only access to IAM via the AWS Management Console.",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:GenerateCredentialReport","iam:GenerateServiceLastAccessedDetails","iam:Get*","iam:List*","iam:SimulateCustomPolicy","iam:SimulatePrincipalPolicy"],"Resource":"*"}]}"""),
        ("AmazonS3FullAccess", "/", "Provides full access to all buckets via the AWS Management Console.",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*","s3-object-lambda:*"],"Resource":"*"}]}"""),
        ("AmazonS3ReadOnlyAccess", "/", "Provides read only access to all buckets via the AWS Management Console.",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*","s3:List*","s3:Describe*","s3-object-lambda:Get*","s3-object-lambda:List*"],"Resource":"*"}]}"""),
        ("AmazonEC2FullAccess", "/", "Provides full access to Amazon EC2 via the AWS Management Console.",
            """{"Version":"2012-10-17","Statement":[{"Action":"ec2:*","Effect":"Allow","Resource":"*"},{"Effect":"Allow","Action":"iam:CreateServiceLinkedRole","Resource":"*","Condition":{"StringEquals":{"iam:AWSServiceName":["autoscaling.amazonaws.com","ec2scheduled.amazonaws.com","elasticloadbalancing.amazonaws.com","spot.amazonaws.com","spotfleet.amazonaws.com","transitgateway.amazonaws.com"]}}}]}"""),
        ("AmazonEC2ReadOnlyAccess", "/", "Provides read only access to Amazon EC2 via the AWS Management Console.",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:Describe*","Resource":"*"},{"Effect":"Allow","Action":["elasticloadbalancing:Describe*","cloudwatch:ListMetrics","cloudwatch:GetMetricStatistics","cloudwatch:Describe*","autoscaling:Describe*"],"Resource":"*"}]}"""),
        ("AmazonSSMManagedInstanceCore", "/", "The policy for Amazon EC2 Role to enable AWS Systems Manager service core functionality.",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ssm:DescribeAssociation","ssm:GetDeployablePatchSnapshotForInstance","ssm:GetDocument","ssm:DescribeDocument","ssm:GetManifest","ssm:GetParameter","ssm:GetParameters","ssm:ListAssociations","ssm:ListInstanceAssociations","ssm:PutInventory","ssm:PutComplianceItems","ssm:PutConfigurePackageResult","ssm:UpdateAssociationStatus","ssm:UpdateInstanceAssociationStatus","ssm:UpdateInstanceInformation"],"Resource":"*"},{"Effect":"Allow","Action":["ssmmessages:CreateControlChannel","ssmmessages:CreateDataChannel","ssmmessages:OpenControlChannel","ssmmessages:OpenDataChannel"],"Resource":"*"},{"Effect":"Allow","Action":["ec2messages:AcknowledgeMessage","ec2messages:DeleteMessage","ec2messages:FailMessage","ec2messages:GetEndpoint","ec2messages:GetMessages","ec2messages:SendReply"],"Resource":"*"}]}"""),
        ("PowerUserAccess", "/", "Provides full access to AWS services and resources, but does not allow management of Users and groups.",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":["iam:*","organizations:*","account:*"],"Resource":"*"},{"Effect":"Allow","Action":["iam:CreateServiceLinkedRole","iam:DeleteServiceLinkedRole","iam:ListRoles","organizations:DescribeOrganization","account:ListRegions","account:GetAccountInformation"],"Resource":"*"}]}"""),
    ];

    /// <summary>Builds the catalog, keyed by ARN, once per partition; ids are derived from the name so they are the same in every run.</summary>
    public static IReadOnlyDictionary<string, ManagedPolicy> Create()
    {
        var result = new Dictionary<string, ManagedPolicy>(StringComparer.Ordinal);
        foreach (var (name, path, description, text) in Catalog)
        {
            var parsed = PolicyParser.Parse(text, PolicyKind.Managed);
            var document = parsed.Document ?? throw new InvalidOperationException($"Built-in policy {name} is invalid: {parsed.Error}");
            var version = new PolicyVersion("v1", new StoredPolicy(text, document), Published);
            // The same documents in every partition, each under its partition's ARN (arn:aws-cn:iam::aws:policy/…).
            foreach (var partition in AwsPartitions.All)
            {
                var policy = new ManagedPolicy("aws", name, path, StableId(name), description, Published, Published, "v1", [version], 2, ImmutableList<Tags.Tag>.Empty)
                {
                    Partition = partition,
                };
                result[policy.Arn] = policy;
            }
        }

        return result;
    }

    private static string StableId(string name)
    {
        const string base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        var chars = new char[17];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = base32[hash[i] % 32];
        }

        return "ANPA" + new string(chars);
    }
}
