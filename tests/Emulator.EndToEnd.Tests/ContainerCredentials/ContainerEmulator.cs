using System.Net;
using System.Text;
using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.ContainerCredentials;

/// <summary>
/// A server with an ECS task role and an EKS Pod Identity role (which may read roles only from pods in the
/// prod namespace), and the helpers to bind tokens and point each SDK at its container endpoint.
/// </summary>
public sealed class ContainerEmulator() : EmulatorProcess(Seed)
{
    public const string Seed = """
        {"accounts":[{"id":"123456789012","rootAccessKeyId":"AKIAIOSFODNN7EXAMPLE","rootSecretAccessKey":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
          "roles":[
            {"RoleName":"task-role","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}},
            {"RoleName":"pod-role","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"pods.eks.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession"]}]},
             "Policies":[{"PolicyName":"prod-reads-roles","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetRole","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/kubernetes-namespace":"prod"}}}]}}]}]}]}
        """;

    public static string RoleArn(string name) => $"arn:aws:iam::123456789012:role/{name}";

    public string FullUri => $"{Url}/v1/credentials";

    /// <summary>Binds <paramref name="token"/> through the admin API; asserts 201.</summary>
    public async Task RegisterAsync(string token, string role, string sessionName, IReadOnlyDictionary<string, string>? sessionTags = null)
    {
        var body = System.Text.Json.JsonSerializer.Serialize(new { token, roleArn = RoleArn(role), sessionName, sessionTags = sessionTags ?? new Dictionary<string, string>() });
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync($"{Url}/_emulator/container-credentials", content);
        response.StatusCode.Should().Be(HttpStatusCode.Created, "the server answered {0}", await response.Content.ReadAsStringAsync());
    }

    /// <summary>AWS_CONTAINER_CREDENTIALS_FULL_URI and the token, as an EKS pod or a custom endpoint sets them.</summary>
    public Dictionary<string, string> WithToken(string token) => new()
    {
        ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = FullUri,
        ["AWS_CONTAINER_AUTHORIZATION_TOKEN"] = token,
    };
}
