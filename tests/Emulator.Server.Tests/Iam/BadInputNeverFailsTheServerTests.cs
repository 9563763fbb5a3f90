using System.Net;
using Emulator.Server.Pipeline;
using Emulator.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Emulator.Server.Tests.Iam;

/// <summary>
/// Every operation of every service, called with missing, malformed and oversized parameters, answers
/// with an AWS-shaped error (or succeeds), never with a 500.
/// </summary>
public sealed class BadInputNeverFailsTheServerTests : IClassFixture<DefaultEmulator>
{
    private static readonly string[] Names =
    [
        "RoleName", "UserName", "GroupName", "InstanceProfileName", "PolicyName", "PolicyArn", "PolicyDocument", "AssumeRolePolicyDocument",
        "Path", "PathPrefix", "Marker", "MaxItems", "VersionId", "AccessKeyId", "Status", "Url", "OpenIDConnectProviderArn", "ClientID",
        "AccountAlias", "PermissionsBoundary", "MaxSessionDuration", "Description", "NewUserName", "NewPath", "PolicySourceArn", "Scope",
        "RoleArn", "RoleSessionName", "DurationSeconds", "ExternalId", "Policy", "WebIdentityToken", "EncodedMessage", "Name", "SerialNumber",
        "TokenCode", "SourceIdentity", "EntityFilter", "SetAsDefault", "OnlyAttached", "PolicyUsageFilter", "CallerArn", "ResourcePolicy",
        "SAMLMetadataDocument", "SAMLProviderArn", "SAMLAssertion", "PrincipalArn",
        "GlobalEndpointTokenVersion", "Audience.member.1", "SigningAlgorithm", "TargetPrincipal", "TaskPolicyArn.arn", "TradeInToken",
        "DelegationRequestId", "Notes", "EntityArn", "Locale", "OwnerId", "RequestorWorkflowId", "NotificationChannel", "SessionDuration",
        "RedirectUrl", "OwnerAccountId", "Permissions.PolicyTemplateArn",
        "ServerCertificateName", "NewServerCertificateName", "CertificateBody", "PrivateKey", "CertificateChain",
        "ServiceName", "ServiceSpecificCredentialId", "CredentialAgeDays", "AllUsers",
    ];

    private static readonly string[] Values =
    [
        "", " ", "x", "arn:", "arn:aws:iam::123456789012:", "arn:aws:iam::aws:policy/", "-1", "0", "99999999999999999999", "{", "[]", "{}",
        "{\"Version\":\"2012-10-17\",\"Statement\":{}}", "https://", "%", "v0", "null", new string('a', 5000), "\u00e9\u00e8", "true",
        "arn:aws:iam::123456789012:role/", "arn:aws:sts::123456789012:assumed-role/x/y",
    ];

    /// <summary>Valid values for every name, so mutating a few of them reaches each handler's own rules.</summary>
    private static readonly Dictionary<string, string> Baseline = new()
    {
        ["RoleName"] = "fuzz-role", ["UserName"] = "fuzz-user", ["GroupName"] = "fuzz-group", ["InstanceProfileName"] = "fuzz-profile",
        ["PolicyName"] = "fuzz-policy", ["PolicyArn"] = "arn:aws:iam::aws:policy/ReadOnlyAccess",
        ["PolicyDocument"] = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""",
        ["AssumeRolePolicyDocument"] = Documents.Ec2Trust, ["Path"] = "/fuzz/", ["PathPrefix"] = "/", ["MaxItems"] = "2", ["VersionId"] = "v1",
        ["AccessKeyId"] = "AKIAIOSFODNN7EXAMPLE", ["Status"] = "Active", ["Url"] = "https://fuzz.example.com",
        ["OpenIDConnectProviderArn"] = "arn:aws:iam::123456789012:oidc-provider/fuzz.example.com", ["ClientID"] = "sts.amazonaws.com",
        ["AccountAlias"] = "fuzz-alias", ["PermissionsBoundary"] = "arn:aws:iam::aws:policy/ReadOnlyAccess", ["MaxSessionDuration"] = "3600",
        ["Description"] = "fuzz", ["PolicySourceArn"] = "arn:aws:iam::123456789012:user/fuzz-user", ["Scope"] = "All",
        ["RoleArn"] = "arn:aws:iam::123456789012:role/fuzz-role", ["RoleSessionName"] = "fuzz", ["DurationSeconds"] = "900",
        ["Policy"] = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""",
        ["Name"] = "fuzz", ["EncodedMessage"] = "AAAA",
        ["SAMLMetadataDocument"] = $"<!-- {new string('.', 1000)} --><md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"https://fuzz\"/>",
        ["SAMLProviderArn"] = "arn:aws:iam::123456789012:saml-provider/fuzz", ["PrincipalArn"] = "arn:aws:iam::123456789012:saml-provider/fuzz",
        ["SAMLAssertion"] = "PHNhbWxwOlJlc3BvbnNlLz4=", ["ActionNames.member.1"] = "iam:GetRole",
        ["PolicyInputList.member.1"] = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:*","Resource":"*"}]}""",
        ["GlobalEndpointTokenVersion"] = "v2Token", ["Audience.member.1"] = "https://api.example.com", ["SigningAlgorithm"] = "RS256",
        ["TargetPrincipal"] = "111122223333", ["TaskPolicyArn.arn"] = "arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy",
        ["TradeInToken"] = "fuzz-token", ["DelegationRequestId"] = "fuzz-delegation-0001", ["Notes"] = "fuzz",
        ["EntityArn"] = "arn:aws:iam::123456789012:delegation-request/fuzz-delegation-0001", ["Locale"] = "en",
        ["OwnerId"] = "arn:aws:iam::123456789012:user/fuzz-user", ["RequestorWorkflowId"] = "fuzz-flow", ["NotificationChannel"] = "fuzz",
        ["SessionDuration"] = "3600", ["RedirectUrl"] = "https://fuzz.example.com", ["OwnerAccountId"] = "123456789012",
        ["Permissions.PolicyTemplateArn"] = "arn:aws:iam::aws:policy/ReadOnlyAccess",
        ["Arn"] = "arn:aws:iam::123456789012:user/fuzz-user", ["Granularity"] = "ACTION_LEVEL", ["JobId"] = "00000000-0000-0000-0000-000000000000",
        ["ServiceNamespace"] = "iam", ["ServiceNamespaces.member.1"] = "iam", ["EntityPath"] = "o-a1b2c3d4e5/r-f6g7h8i9j0example",
        ["OrganizationsPolicyId"] = "p-12345678", ["SortKey"] = "SERVICE_NAMESPACE_ASCENDING",
        ["ServerCertificateName"] = "fuzz-cert", ["CertificateBody"] = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----",
        ["PrivateKey"] = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----", ["ServiceName"] = "codecommit.amazonaws.com",
        ["ServiceSpecificCredentialId"] = "ACCAAAAAAAAAAAAAAAAAA",
    };

    private readonly DefaultEmulator factory;

    public BadInputNeverFailsTheServerTests(DefaultEmulator factory) => this.factory = factory;

    [Fact]
    public async Task No_operation_answers_500_to_missing_malformed_or_oversized_parameters()
    {
        var pipeline = factory.Services.GetRequiredService<AwsRequestPipeline>();
        var random = new Random(20261124);
        var failures = new List<string>();
        var outcomes = new HashSet<string>();
        foreach (var service in pipeline.Services)
        {
            var client = factory.Iam().For(service.SigningName);
            foreach (var operation in service.Operations.Keys)
            {
                var attempts = new List<(string, string)[]> { Array.Empty<(string, string)>() };
                for (var i = 0; i < 16; i++)
                {
                    var parameters = new Dictionary<string, string>(Baseline);
                    for (var m = random.Next(0, 3); m > 0; m--)
                    {
                        parameters[Names[random.Next(Names.Length)]] = Values[random.Next(Values.Length)];
                    }

                    if (random.Next(3) == 0)
                    {
                        parameters["Tags.member.1.Key"] = Values[random.Next(Values.Length)];
                        parameters["Tags.member.1.Value"] = Values[random.Next(Values.Length)];
                    }

                    attempts.Add(parameters.Select(p => (p.Key, p.Value)).ToArray());
                }

                foreach (var parameters in attempts)
                {
                    var response = await client.Call(operation, parameters);
                    outcomes.Add(response.ErrorCode ?? "OK");
                    if (response.Status == HttpStatusCode.InternalServerError || (response.Status != HttpStatusCode.OK && response.ErrorCode is null))
                    {
                        failures.Add($"{service.SigningName}:{operation} {string.Join('&', parameters.Select(p => $"{p.Item1}={p.Item2[..Math.Min(p.Item2.Length, 40)]}"))} -> {(int)response.Status} {response.ErrorCode}");
                    }
                }
            }
        }

        failures.Should().BeEmpty();
        // The inputs reach past parameter validation into the handlers, not only the first check.
        outcomes.Should().Contain(["OK", "ValidationError", "NoSuchEntity", "MalformedPolicyDocument", "InvalidInput"]);
    }
}
