namespace Emulator.Core.Iam.Roles;

/// <summary>
/// The services CreateServiceLinkedRole accepts, with the role names AWS creates for them (as seen in the roles
/// AWS creates, e.g. <c>aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS</c>). A principal outside this
/// list is refused, as AWS refuses a service without service-linked roles.
/// </summary>
public static class LinkedServices
{
    private static readonly Dictionary<string, LinkedService> ByPrincipal = new LinkedService[]
    {
        new("autoscaling.amazonaws.com", "AWSServiceRoleForAutoScaling", true, "Default Service-Linked Role enables access to AWS Services and Resources used or managed by Auto Scaling"),
        new("ecs.amazonaws.com", "AWSServiceRoleForECS", false, "Role to enable Amazon ECS to manage your cluster."),
        new("elasticloadbalancing.amazonaws.com", "AWSServiceRoleForElasticLoadBalancing", false, "Allows ELB to call AWS services on your behalf."),
        new("es.amazonaws.com", "AWSServiceRoleForAmazonElasticsearchService", false, "Allows Amazon ES to manage AWS resources for a domain on your behalf."),
        new("opensearchservice.amazonaws.com", "AWSServiceRoleForAmazonOpenSearchService", false, "Allows Amazon OpenSearch Service to manage AWS resources for a domain on your behalf."),
        new("spot.amazonaws.com", "AWSServiceRoleForEC2Spot", false, "Default EC2 Spot Service Linked Role"),
        new("spotfleet.amazonaws.com", "AWSServiceRoleForEC2SpotFleet", false, "Default EC2 Spot Fleet Service Linked Role"),
        new("rds.amazonaws.com", "AWSServiceRoleForRDS", false, "Allows Amazon RDS to manage AWS resources on your behalf"),
        new("eks.amazonaws.com", "AWSServiceRoleForAmazonEKS", false, "Allows Amazon EKS to call AWS services on your behalf."),
        new("eks-nodegroup.amazonaws.com", "AWSServiceRoleForAmazonEKSNodegroup", false, "This policy allows Amazon EKS to create and manage Nodegroups"),
        new("eks-fargate.amazonaws.com", "AWSServiceRoleForAmazonEKSForFargate", false, "This role allows Amazon EKS to call AWS services on your behalf for Fargate."),
        new("elasticache.amazonaws.com", "AWSServiceRoleForElastiCache", false, "This policy allows ElastiCache to manage AWS resources on your behalf as necessary for managing your cache."),
        new("elasticbeanstalk.amazonaws.com", "AWSServiceRoleForElasticBeanstalk", false, "Allows Elastic Beanstalk to create and manage AWS resources on your behalf."),
        new("organizations.amazonaws.com", "AWSServiceRoleForOrganizations", false, "Service-linked role used by AWS Organizations to enable integration of other AWS services with Organizations."),
        new("support.amazonaws.com", "AWSServiceRoleForSupport", false, "Enables resource access for AWS to provide billing, administrative and support services"),
        new("trustedadvisor.amazonaws.com", "AWSServiceRoleForTrustedAdvisor", false, "Access for the AWS Trusted Advisor Service to help reduce cost, increase performance, and improve security of your AWS environment."),
        new("config.amazonaws.com", "AWSServiceRoleForConfig", false, "Allows AWS Config to call AWS services and collect resource configurations on your behalf."),
        new("guardduty.amazonaws.com", "AWSServiceRoleForAmazonGuardDuty", false, "A service-linked role required for Amazon GuardDuty to access your resources."),
        new("securityhub.amazonaws.com", "AWSServiceRoleForSecurityHub", false, "A service-linked role required for AWS Security Hub to access your resources."),
        new("ssm.amazonaws.com", "AWSServiceRoleForAmazonSSM", false, "Provides access to AWS Resources managed or used by Amazon SSM."),
        new("kafka.amazonaws.com", "AWSServiceRoleForKafka", false, "Allows Amazon MSK to call AWS services on your behalf."),
        new("redshift.amazonaws.com", "AWSServiceRoleForRedshift", false, "Allows Amazon Redshift to call AWS services on your behalf"),
        new("transitgateway.amazonaws.com", "AWSServiceRoleForVPCTransitGateway", false, "Allows VPC Transit Gateway to access EC2 resources on your behalf."),
        new("apigateway.amazonaws.com", "AWSServiceRoleForAPIGateway", false, "The Service Linked Role is used by Amazon API Gateway."),
        new("replication.dynamodb.amazonaws.com", "AWSServiceRoleForDynamoDBReplication", false, "This policy allows DynamoDB to replicate tables across regions."),
        new("dynamodb.application-autoscaling.amazonaws.com", "AWSServiceRoleForApplicationAutoScaling_DynamoDBTable", false, "Allows Application Auto Scaling to call DynamoDB and CloudWatch on your behalf."),
        new("ecs.application-autoscaling.amazonaws.com", "AWSServiceRoleForApplicationAutoScaling_ECSService", false, "Allows Application Auto Scaling to call ECS and CloudWatch on your behalf."),
    }.ToDictionary(s => s.Principal, StringComparer.Ordinal);

    /// <summary>The service with this principal (principals are case-sensitive), or null.</summary>
    public static LinkedService? Find(string principal) => ByPrincipal.GetValueOrDefault(principal);
}
