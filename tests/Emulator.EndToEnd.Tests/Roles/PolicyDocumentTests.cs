using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Roles;

/// <summary>Policy documents as users submit them through files: kept verbatim, and refused with IAM's messages when malformed.</summary>
[Collection(CliWorkflowCollection.Name)]
public sealed class PolicyDocumentTests(DefaultEmulator emulator) : IDisposable
{
    /// <summary>Pretty-printed, with spaces (and a '+') inside a string that a '+'-for-space encoding would corrupt.</summary>
    private const string PrettyTrustPolicy = """
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "LetEc2InstancesAssumeThisRole",
                    "Effect": "Allow",
                    "Principal": { "Service": "ec2.amazonaws.com" },
                    "Action": "sts:AssumeRole",
                    "Condition": { "StringEquals": { "aws:PrincipalTag/team": "data platform + ops" } }
                }
            ]
        }
        """;

    private const string PrettyInlinePolicy = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Action": "s3:GetObject",
              "Resource": "*",
              "Condition": { "StringEquals": { "aws:PrincipalTag/team": "data platform + ops" } }
            }
          ]
        }
        """;

    private readonly ScratchDirectory files = new();

    [Fact]
    public async Task A_pretty_printed_trust_policy_comes_back_through_the_CLI_with_its_spaces()
    {
        files.Write("pretty-trust-policy.json", PrettyTrustPolicy);
        var role = UniqueName.For("pretty");

        var created = (await emulator.Cli(workingDirectory: files.Path).RunAsync("iam", "create-role", "--role-name", role,
            "--assume-role-policy-document", "file://pretty-trust-policy.json")).ShouldSucceed().Json.At("Role");

        var document = created.At("AssumeRolePolicyDocument");
        document.ShouldBeJson(PrettyTrustPolicy);
        document.Text("Statement", 0, "Sid").Should().Be("LetEc2InstancesAssumeThisRole");
        document.Text("Statement", 0, "Condition", "StringEquals", "aws:PrincipalTag/team").Should().Be("data platform + ops");
    }

    [Fact]
    public async Task Policy_documents_are_returned_percent_encoded_exactly_as_submitted()
    {
        // botocore decodes documents before users see them; the raw XML shows what the server sent.
        var result = await emulator.Boto3().RunAsync("""
            import re, html
            raw = {}
            def keep(http_response, model, **kwargs):
                raw[model.name] = http_response.text
            iam.meta.events.register("after-call.iam.*", keep)
            name = arg("ROLE")
            iam.create_role(RoleName=name, AssumeRolePolicyDocument=arg("TRUST"))
            iam.put_role_policy(RoleName=name, PolicyName="pretty", PolicyDocument=arg("INLINE"))
            iam.get_role(RoleName=name)
            iam.get_role_policy(RoleName=name, PolicyName="pretty")
            def encoded(operation, element):
                return html.unescape(re.search("<" + element + ">(.*?)</" + element + ">", raw[operation], re.S).group(1))
            emit({
                "trust": encoded("GetRole", "AssumeRolePolicyDocument"),
                "inline": encoded("GetRolePolicy", "PolicyDocument"),
            })
            """, new Dictionary<string, string>
        {
            ["ROLE"] = UniqueName.For("verbatim"),
            ["TRUST"] = PrettyTrustPolicy,
            ["INLINE"] = PrettyInlinePolicy,
        });

        var json = result.ShouldSucceed().Json;
        var trust = json.Text("trust");
        trust.Should().NotContain("+", "spaces must be encoded as %20; botocore does not turn '+' back into a space");
        trust.Should().NotContain("{", "the document is percent-encoded, not plain JSON");
        Uri.UnescapeDataString(trust).Should().Be(PrettyTrustPolicy);
        json.Text("inline").Should().NotContain("+").And.Contain("%2B", "a literal '+' is encoded as %2B");
        Uri.UnescapeDataString(json.Text("inline")).Should().Be(PrettyInlinePolicy);
    }

    [Fact]
    public async Task A_truncated_trust_policy_is_MalformedPolicyDocument_invalid_Json_and_no_role_is_created()
    {
        files.Write("truncated-trust-policy.json", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole" """.TrimEnd());
        var role = UniqueName.For("truncated");
        var aws = emulator.Cli(workingDirectory: files.Path);

        var error = (await aws.RunAsync("iam", "create-role", "--role-name", role,
            "--assume-role-policy-document", "file://truncated-trust-policy.json")).ShouldFailWith("MalformedPolicyDocument");
        error.Operation.Should().Be("CreateRole");
        error.Message.Should().Be("This policy contains invalid Json");

        (await aws.RunAsync("iam", "get-role", "--role-name", role)).ShouldFailWith("NoSuchEntity");
    }

    [Fact]
    public async Task An_action_without_a_vendor_prefix_is_MalformedPolicyDocument_and_no_policy_is_stored()
    {
        files.Write("ec2-role-trust-policy.json", PolicyDocuments.Ec2TrustPolicy);
        files.Write("no-vendor-policy.json", """{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "GetObject", "Resource": "*" } ] }""");
        var role = UniqueName.For("novendor");
        var aws = emulator.Cli(workingDirectory: files.Path);
        (await aws.RunAsync("iam", "create-role", "--role-name", role, "--assume-role-policy-document", "file://ec2-role-trust-policy.json"))
            .ShouldSucceed();

        var error = (await aws.RunAsync("iam", "put-role-policy", "--role-name", role, "--policy-name", "S3-Permissions",
            "--policy-document", "file://no-vendor-policy.json")).ShouldFailWith("MalformedPolicyDocument");
        error.Message.Should().Be("Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.");

        (await aws.RunAsync("iam", "list-role-policies", "--role-name", role)).ShouldSucceed().Json.Items("PolicyNames").Should().BeEmpty();
    }

    public void Dispose() => files.Dispose();
}
