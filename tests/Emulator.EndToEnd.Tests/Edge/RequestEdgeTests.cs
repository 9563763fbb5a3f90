using System.Text;
using System.Xml.Linq;
using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Edge;

/// <summary>
/// The request edge of the real server process: services it does not serve, identities bound to
/// unique ids, and decoding that stays linear in the size of hostile input.
/// </summary>
[Collection(CliWorkflowCollection.Name)]
public sealed class RequestEdgeTests(DefaultEmulator emulator)
{
    [Fact]
    public async Task A_call_for_a_service_the_emulator_does_not_serve_names_it_and_lists_the_served_ones()
    {
        var error = (await emulator.Cli().RunAsync("sns", "list-topics", "--region", "us-east-1")).ShouldFailWith("UnknownService");

        error.Operation.Should().Be("ListTopics");
        error.Message.Should().Be("The emulator does not serve the service 'sns' named by the request's credential scope. It serves: iam, sts, ec2.");
    }

    [Fact]
    public async Task GetSessionToken_credentials_of_a_deleted_user_stop_working_even_when_the_name_is_reused_by_an_admin()
    {
        var name = UniqueName.For("bob");
        var result = (await emulator.Boto3().RunAsync("""
            name = arg("name")
            iam.create_user(UserName=name)
            iam.put_user_policy(UserName=name, PolicyName="sts", PolicyDocument=json.dumps(
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:GetSessionToken", "Resource": "*"}]}))
            key = iam.create_access_key(UserName=name)["AccessKey"]
            creds = client("sts", key["AccessKeyId"], key["SecretAccessKey"]).get_session_token()["Credentials"]
            session = boto3.session.Session(aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretAccessKey"],
                aws_session_token=creds["SessionToken"])
            sts = session.client("sts", endpoint_url=ENDPOINT, region_name="us-east-1", config=Config(retries={"total_max_attempts": 1}))
            before = sts.get_caller_identity()["Arn"]
            iam.delete_access_key(UserName=name, AccessKeyId=key["AccessKeyId"])
            iam.delete_user_policy(UserName=name, PolicyName="sts")
            iam.delete_user(UserName=name)
            iam.create_user(UserName=name)
            iam.attach_user_policy(UserName=name, PolicyArn="arn:aws:iam::aws:policy/AdministratorAccess")
            emit({"before": before, "after": error_of(sts.get_caller_identity)})
            """, new Dictionary<string, string> { ["name"] = name })).ShouldSucceed().Json;

        result.GetProperty("before").GetString().Should().Be($"arn:aws:iam::123456789012:user/{name}");
        result.GetProperty("after").GetProperty("Code").GetString().Should().Be("InvalidClientTokenId");
        result.GetProperty("after").GetProperty("Status").GetInt32().Should().Be(403);
    }

    [Fact]
    public async Task A_tag_call_of_almost_a_mebibyte_with_20000_tags_is_answered_with_the_validation_error()
    {
        var role = UniqueName.For("tagged");
        var result = (await emulator.Boto3().RunAsync("""
            iam.create_role(RoleName=arg("role"), AssumeRolePolicyDocument=json.dumps(
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}))
            emit(error_of(iam.tag_role, RoleName=arg("role"), Tags=[{"Key": "k", "Value": ""} for _ in range(20000)]))
            """, new Dictionary<string, string> { ["role"] = role })).ShouldSucceed().Json;

        result.GetProperty("Status").GetInt32().Should().Be(400);
        result.GetProperty("Code").GetString().Should().Be("ValidationError");
        result.GetProperty("Message").GetString().Should().Contain("at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50");
    }

    [Fact]
    public async Task A_parameter_given_twice_is_refused_rather_than_resolved_by_last_wins()
    {
        using var content = new StringContent("Action=GetCallerIdentity&Version=2011-06-15&Action=GetSessionToken", Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await emulator.Http.PostAsync(emulator.Url + "/", content);
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());

        ((int)response.StatusCode).Should().Be(400);
        xml.Descendants().Single(e => e.Name.LocalName == "Code").Value.Should().Be("MalformedQueryString");
        xml.Descendants().Single(e => e.Name.LocalName == "Message").Value.Should().Be("The parameter Action is given more than once.");
    }

    [Theory]
    [InlineData("--store", "sqlite:x.db")]
    [InlineData("--enforce-mode", "soft")]
    public async Task An_unknown_option_stops_the_start_with_exit_code_2_and_the_valid_options(string option, string value)
    {
        var exit = await EmulatorProcess.RunUntilExitAsync(null, option, value);

        exit.ExitCode.Should().Be(2, "the server should refuse the option; it printed {0}", exit.Describe());
        exit.Stderr.Should().Contain($"unknown option '{option}'").And.Contain("Valid options: --urls").And.Contain("--enforce strict|soft");
    }
}
