namespace Emulator.Server.Tests.ContainerCredentials;

/// <summary>
/// Roles with each kind of trust a container binding may meet, and one binding in the seed file. eks-app
/// may read roles only from a pod in the prod namespace (its aws:PrincipalTag/kubernetes-namespace).
/// </summary>
public static class ContainerSeed
{
    public const string AccountId = "123456789012";
    public const string SeededToken = "seeded-token-0001";

    public const string Json = """
        {"accounts":[{"id":"123456789012","rootAccessKeyId":"AKIAIOSFODNN7EXAMPLE","rootSecretAccessKey":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
          "roles":[
            {"RoleName":"ecs-app","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}},
            {"RoleName":"eks-app","Tags":[{"Key":"team","Value":"blue"},{"Key":"kubernetes-namespace","Value":"from-role"}],
             "AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"pods.eks.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession"]}]},
             "Policies":[{"PolicyName":"prod-pods-read-roles","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetRole","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/kubernetes-namespace":"prod"}}}]}}]},
            {"RoleName":"eks-untaggable","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"pods.eks.amazonaws.com"},"Action":"sts:AssumeRole"}]}},
            {"RoleName":"ec2-app","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}}]}],
         "containerCredentials":[{"token":"seeded-token-0001","roleArn":"arn:aws:iam::123456789012:role/ecs-app","sessionName":"seeded-task"}]}
        """;

    public static string RoleArn(string name) => $"arn:aws:iam::{AccountId}:role/{name}";

    /// <summary>The six session tags EKS Pod Identity sets.</summary>
    public static Dictionary<string, string> EksTags(string @namespace) => new()
    {
        ["eks-cluster-arn"] = "arn:aws:eks:us-east-1:123456789012:cluster/main",
        ["eks-cluster-name"] = "main",
        ["kubernetes-namespace"] = @namespace,
        ["kubernetes-service-account"] = "app",
        ["kubernetes-pod-name"] = "app-7d9f8b6c5-x2x9q",
        ["kubernetes-pod-uid"] = "0c4b9e3e-62f4-4c39-9a0b-3f7c1d2e9a11",
    };
}
