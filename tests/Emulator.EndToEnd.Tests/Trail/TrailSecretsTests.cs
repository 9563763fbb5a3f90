using System.Net.Http.Json;
using System.Text.Json;
using Emulator.EndToEnd.Tests.Infrastructure;
using Emulator.EndToEnd.Tests.Story;

namespace Emulator.EndToEnd.Tests.Trail;

/// <summary>
/// A full run of real client calls (a user and its access key, AssumeRole, GetSessionToken, GetFederationToken,
/// AssumeRoleWithWebIdentity, a presigned call with session credentials, an instance launched and its IMDS token
/// and credentials used) is all in the audit trail and its JSON-lines file, and no secret of the run is in either.
/// </summary>
[Collection(TrailStoryCollection.Name)]
public sealed class TrailSecretsTests(TrailStoryEmulator emulator)
{
    [Fact]
    public async Task No_secret_key_session_token_IMDS_token_OIDC_token_or_signature_of_a_full_run_is_in_the_trail_or_its_file()
    {
        using var mint = await emulator.Http.PostAsJsonAsync($"{emulator.Url}/_emulator/oidc/token", new { subject = "repo:acme/app:ref:refs/heads/main" });
        var oidcToken = (await mint.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        var instance = await emulator.LaunchAsync("abcd");
        var name = UniqueName.For("scan");

        var run = (await emulator.Boto3(StoryEmulator.Root).RunAsync("""
            import urllib.request
            name = arg("NAME")
            trust = {"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:root"}, "Action": "sts:AssumeRole"},
                {"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111111111111:oidc-provider/oidc.emulator.test"},
                 "Action": "sts:AssumeRoleWithWebIdentity"}]}
            if not [p for p in iam.list_open_id_connect_providers()["OpenIDConnectProviderList"] if p["Arn"].endswith("oidc.emulator.test")]:
                iam.create_open_id_connect_provider(Url="https://oidc.emulator.test", ClientIDList=["sts.amazonaws.com"], ThumbprintList=[])
            role = iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]
            iam.create_user(UserName=name)
            iam.put_user_policy(UserName=name, PolicyName="sts", PolicyDocument=json.dumps(
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:*", "Resource": "*"}]}))
            key = iam.create_access_key(UserName=name)["AccessKey"]
            user_sts = client("sts", key["AccessKeyId"], key["SecretAccessKey"])
            session = user_sts.get_session_token()["Credentials"]
            federated = user_sts.get_federation_token(Name="fed", Policy=json.dumps(
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:GetCallerIdentity", "Resource": "*"}]}))["Credentials"]
            assumed = user_sts.assume_role(RoleArn=role, RoleSessionName="scan")["Credentials"]
            web = client("sts").assume_role_with_web_identity(RoleArn=role, RoleSessionName="web", WebIdentityToken=arg("TOKEN"))["Credentials"]
            def sts_of(creds):
                return boto3.session.Session(aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretAccessKey"],
                    aws_session_token=creds["SessionToken"]).client("sts", endpoint_url=ENDPOINT, region_name="us-east-1")
            for creds in (session, federated, assumed, web):
                sts_of(creds).get_caller_identity()
            url = sts_of(assumed).generate_presigned_url("get_caller_identity", ExpiresIn=60, HttpMethod="GET")
            urllib.request.urlopen(url).read()
            signature = urllib.parse.parse_qs(urllib.parse.urlparse(url).query)["X-Amz-Signature"][0]
            imds = arg("IMDS")
            imds_token = urllib.request.urlopen(urllib.request.Request(imds + "/latest/api/token", method="PUT",
                headers={"X-aws-ec2-metadata-token-ttl-seconds": "300"})).read().decode()
            instance = json.loads(urllib.request.urlopen(urllib.request.Request(imds + "/latest/meta-data/iam/security-credentials/abcd",
                headers={"X-aws-ec2-metadata-token": imds_token})).read())
            instance_creds = {"AccessKeyId": instance["AccessKeyId"], "SecretAccessKey": instance["SecretAccessKey"], "SessionToken": instance["Token"]}
            sts_of(instance_creds).get_caller_identity()
            emit({"keyId": key["AccessKeyId"], "assumedKeyId": assumed["AccessKeyId"], "instanceKeyId": instance["AccessKeyId"],
                  "secrets": [key["SecretAccessKey"], session["SecretAccessKey"], session["SessionToken"], federated["SecretAccessKey"],
                    federated["SessionToken"], assumed["SecretAccessKey"], assumed["SessionToken"], web["SecretAccessKey"], web["SessionToken"],
                    signature, imds_token, instance["SecretAccessKey"], instance["Token"]]})
            """, new Dictionary<string, string> { ["NAME"] = name, ["TOKEN"] = oidcToken, ["IMDS"] = instance.Text("imdsEndpoint") })).ShouldSucceed().Json;
        var secrets = run.At("secrets").EnumerateArray().Select(e => e.GetString()!).Append(oidcToken)
            .Append(StoryEmulator.Root.SecretAccessKey).Append(TrailStoryEmulator.SecondRoot.SecretAccessKey).ToList();

        var text = await emulator.TrailTextAsync();
        var trail = await emulator.TrailAsync();
        var file = await emulator.TrailFileWithAsync(trail.Select(r => r.Text("eventID")).ToList());

        secrets.Should().HaveCount(16).And.OnlyContain(s => s.Length >= 10).And.OnlyHaveUniqueItems();
        foreach (var secret in secrets)
        {
            text.Should().NotContain(secret, "GET /_emulator/trail must hold no secret");
            file.Should().NotContain(secret, "the trail file must hold no secret");
        }

        trail.Should().Contain(r => r.Text("eventName") == "CreateAccessKey" && r.Text("responseElements", "accessKey", "accessKeyId") == run.Text("keyId"));
        trail.Should().Contain(r => r.Text("eventName") == "GetSessionToken" && r.Text("userIdentity", "accessKeyId") == run.Text("keyId"));
        trail.Should().Contain(r => r.Text("eventName") == "GetFederationToken" && r.Text("requestParameters", "name") == "fed");
        trail.Should().Contain(r => r.Text("eventName") == "AssumeRole" && r.Text("responseElements", "credentials", "accessKeyId") == run.Text("assumedKeyId"));
        var web = trail.Should().ContainSingle(r => r.Text("eventName") == "AssumeRoleWithWebIdentity").Subject;
        web.Text("userIdentity", "type").Should().Be("WebIdentityUser");
        web.Text("userIdentity", "userName").Should().Be("repo:acme/app:ref:refs/heads/main");
        web.GetProperty("requestParameters").TryGetProperty("webIdentityToken", out _).Should().BeFalse();
        web.Text("requestParameters", "roleSessionName").Should().Be("web");
        trail.Should().Contain(r => r.Text("eventName") == "GetCallerIdentity" && r.Text("userIdentity", "type") == "FederatedUser"
            && r.Text("userIdentity", "sessionContext", "sessionIssuer", "userName") == name);
        trail.Should().Contain(r => r.Text("eventName") == "GetCallerIdentity" && r.Text("userIdentity", "accessKeyId") == run.Text("instanceKeyId")
            && r.Text("userIdentity", "sessionContext", "ec2RoleDelivery") == "2.0");
        trail.Count(r => r.Text("eventName") == "GetCallerIdentity" && r.Text("userIdentity", "accessKeyId") == run.Text("assumedKeyId")).Should().Be(2, "one signed call, one presigned");
        trail.Should().Contain(r => r.Text("eventName") == "RunInstances" && r.Text("responseElements", "instancesSet", 0, "instanceId") == instance.Text("instanceId"));
        file.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().OnlyContain(line => JsonDocument.Parse(line, default).RootElement.GetProperty("eventVersion").GetString() == "1.08");
    }
}
