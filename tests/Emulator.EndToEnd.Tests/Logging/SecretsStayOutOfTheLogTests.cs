using System.Net.Http.Json;
using System.Text.Json;
using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Logging;

/// <summary>
/// A whole session of real client calls against a server logging at every level: no secret the run
/// created (secret keys, session tokens, an OIDC token, request signatures) appears in any log line.
/// </summary>
public sealed class SecretsStayOutOfTheLogTests
{
    [Fact]
    public async Task No_secret_key_session_token_OIDC_token_or_signature_of_a_run_reaches_the_log()
    {
        using var emulator = await EmulatorProcess.StartAsync(null, "--log-level", "Verbose",
            "--Serilog:MinimumLevel:Override:Microsoft=Verbose", "--Serilog:MinimumLevel:Override:Microsoft.AspNetCore=Verbose");
        using var mint = await emulator.Http.PostAsJsonAsync($"{emulator.Url}/_emulator/oidc/token", new { subject = "repo:acme/app:ref:refs/heads/main" });
        var oidcToken = (await mint.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;

        var secrets = (await emulator.Boto3().RunAsync("""
            import urllib.request
            trust = {"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "sts:AssumeRole"},
                {"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/oidc.emulator.test"},
                 "Action": "sts:AssumeRoleWithWebIdentity"}]}
            iam.create_open_id_connect_provider(Url="https://oidc.emulator.test", ClientIDList=["sts.amazonaws.com"], ThumbprintList=[])
            iam.create_role(RoleName="logged", AssumeRolePolicyDocument=json.dumps(trust))
            iam.create_user(UserName="logged")
            iam.put_user_policy(UserName="logged", PolicyName="sts", PolicyDocument=json.dumps(
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:*", "Resource": "*"}]}))
            key = iam.create_access_key(UserName="logged")["AccessKey"]
            user_sts = client("sts", key["AccessKeyId"], key["SecretAccessKey"])
            session = user_sts.get_session_token()["Credentials"]
            assumed = user_sts.assume_role(RoleArn="arn:aws:iam::123456789012:role/logged", RoleSessionName="logged")["Credentials"]
            web = client("sts").assume_role_with_web_identity(RoleArn="arn:aws:iam::123456789012:role/logged",
                RoleSessionName="web", WebIdentityToken=arg("token"))["Credentials"]
            chained = boto3.session.Session(aws_access_key_id=assumed["AccessKeyId"], aws_secret_access_key=assumed["SecretAccessKey"],
                aws_session_token=assumed["SessionToken"]).client("sts", endpoint_url=ENDPOINT, region_name="us-east-1")
            chained.get_caller_identity()
            url = client("sts").generate_presigned_url("get_caller_identity", ExpiresIn=60, HttpMethod="GET")
            urllib.request.urlopen(url).read()
            signature = urllib.parse.parse_qs(urllib.parse.urlparse(url).query)["X-Amz-Signature"][0]
            emit([key["SecretAccessKey"], session["SecretAccessKey"], session["SessionToken"], assumed["SecretAccessKey"],
                  assumed["SessionToken"], web["SecretAccessKey"], web["SessionToken"], signature])
            """, new Dictionary<string, string> { ["token"] = oidcToken })).ShouldSucceed().Json.EnumerateArray().Select(e => e.GetString()!).Append(oidcToken).ToList();
        await Task.Delay(TimeSpan.FromMilliseconds(300)); // the console sink is asynchronous

        var lines = emulator.StandardOutputLines;
        secrets.Should().HaveCount(9).And.OnlyContain(s => s.Length >= 16);
        lines.Should().Contain(line => line.Contains("sts:AssumeRoleWithWebIdentity", StringComparison.Ordinal), "the run itself is logged:\n{0}", emulator.Output);
        foreach (var secret in secrets)
        {
            lines.Should().NotContain(line => line.Contains(secret, StringComparison.Ordinal), "no secret may be logged:\n{0}", emulator.Output);
        }
    }
}
