using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Saml;

/// <summary>
/// SAML federation with the AWS CLI, as a user tests it: register the built-in IdP's metadata with
/// create-saml-provider, trust it in a role, and exchange a signed assertion with assume-role-with-saml.
/// </summary>
[Collection(CliWorkflowCollection.Name)]
public sealed class SamlCliTests(DefaultEmulator emulator)
{
    private const string Account = AwsCredentials.DefaultAccountId;

    private async Task<string> MintAsync(object request)
    {
        using var response = await emulator.Http.PostAsJsonAsync($"{emulator.Url}/_emulator/saml/assertion", request);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, "the IdP answered {0}", text);
        using var document = JsonDocument.Parse(text);
        document.RootElement.GetProperty("issuer").GetString().Should().Be("https://saml.emulator.test");
        return document.RootElement.GetProperty("samlResponse").GetString()!;
    }

    [Fact]
    public async Task An_assertion_from_the_built_in_IdP_becomes_role_credentials_through_the_CLI()
    {
        using var scratch = new ScratchDirectory();
        var providerName = UniqueName.For("idp");
        var roleName = UniqueName.For("saml-role");
        var providerArn = $"arn:aws:iam::{Account}:saml-provider/{providerName}";
        var roleArn = $"arn:aws:iam::{Account}:role/{roleName}";
        var cli = emulator.Cli(workingDirectory: scratch.Path);
        scratch.Write("metadata.xml", await emulator.Http.GetStringAsync($"{emulator.Url}/_emulator/saml/metadata"));
        scratch.Write("trust.json", $$$$"""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"{{{{providerArn}}}}"},
              "Action":"sts:AssumeRoleWithSAML","Condition":{"StringEquals":{"SAML:aud":"https://signin.aws.amazon.com/saml"}}}]}
            """);

        var created = (await cli.RunAsync("iam", "create-saml-provider", "--name", providerName, "--saml-metadata-document", "file://metadata.xml")).ShouldSucceed().Json;
        var fetched = (await cli.RunAsync("iam", "get-saml-provider", "--saml-provider-arn", providerArn)).ShouldSucceed().Json;
        (await cli.RunAsync("iam", "create-role", "--role-name", roleName, "--assume-role-policy-document", "file://trust.json")).ShouldSucceed();
        var assertion = await MintAsync(new { subject = "alice@example.com", roles = new[] { $"{roleArn},{providerArn}" }, roleSessionName = "alice" });

        var assumed = (await cli.RunAsync("sts", "assume-role-with-saml", "--role-arn", roleArn, "--principal-arn", providerArn,
            "--saml-assertion", assertion)).ShouldSucceed().Json;
        var credentials = new AwsCredentials(assumed.Text("Credentials", "AccessKeyId"), assumed.Text("Credentials", "SecretAccessKey"),
            assumed.Text("Credentials", "SessionToken"));
        var identity = (await emulator.Cli(credentials).RunAsync("sts", "get-caller-identity")).ShouldSucceed().Json;

        created.Text("SAMLProviderArn").Should().Be(providerArn);
        fetched.Text("SAMLMetadataDocument").Should().Contain("https://saml.emulator.test");
        assumed.Text("AssumedRoleUser", "Arn").Should().Be($"arn:aws:sts::{Account}:assumed-role/{roleName}/alice");
        assumed.Text("Subject").Should().Be("alice@example.com");
        assumed.Text("SubjectType").Should().Be("persistent");
        assumed.Text("Issuer").Should().Be("https://saml.emulator.test");
        assumed.Text("Audience").Should().Be("https://signin.aws.amazon.com/saml");
        identity.Text("Arn").Should().Be($"arn:aws:sts::{Account}:assumed-role/{roleName}/alice");
        identity.Text("Account").Should().Be(Account);
    }

    [Fact]
    public async Task The_CLI_reports_a_tampered_assertion_as_InvalidIdentityToken()
    {
        using var scratch = new ScratchDirectory();
        var providerName = UniqueName.For("idp");
        var providerArn = $"arn:aws:iam::{Account}:saml-provider/{providerName}";
        var roleArn = $"arn:aws:iam::{Account}:role/{UniqueName.For("saml-role")}";
        scratch.Write("metadata.xml", await emulator.Http.GetStringAsync($"{emulator.Url}/_emulator/saml/metadata"));
        (await emulator.Cli(workingDirectory: scratch.Path).RunAsync("iam", "create-saml-provider", "--name", providerName,
            "--saml-metadata-document", "file://metadata.xml")).ShouldSucceed();
        var genuine = Encoding.UTF8.GetString(Convert.FromBase64String(await MintAsync(new { subject = "alice", roles = new[] { $"{roleArn},{providerArn}" } })));
        var tampered = Convert.ToBase64String(Encoding.UTF8.GetBytes(genuine.Replace(">alice<", ">mallory<", StringComparison.Ordinal)));

        var error = (await emulator.Cli().RunAsync("sts", "assume-role-with-saml", "--role-arn", roleArn, "--principal-arn", providerArn,
            "--saml-assertion", tampered)).ShouldFailWith("InvalidIdentityToken");

        error.Message.Should().Be("Response signature invalid");
    }
}
