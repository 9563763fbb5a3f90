using System.Globalization;
using System.Text.Json;
using Emulator.Core.Ec2;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Imds;

/// <summary>iam/ and identity-credentials/ (imds.md §6–§8): the instance profile's role as rotating sets, one per delivery version.</summary>
[Collection(ImdsCollection.Name)]
public sealed class ImdsCredentialTests
{
    private readonly ImdsTestBed bed;

    public ImdsCredentialTests(ImdsTestBed bed)
    {
        this.bed = bed;
        bed.Reset();
    }

    private static DateTimeOffset Time(JsonElement json, string name) =>
        DateTimeOffset.ParseExact(json.GetProperty(name).GetString()!, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    [Fact]
    public async Task Iam_lists_info_and_the_role_name_exactly_and_info_names_the_profile()
    {
        bed.RoleWithProfile("app-role");
        bed.Launch("app-role");
        var profile = bed.Runtime.Iam.InstanceProfiles.Get(ImdsTestBed.Account, "app-role").Profile;

        (await bed.Get("/latest/meta-data/")).Text.Should().Contain("\niam/\n");
        (await bed.Get("/latest/meta-data/iam/")).Text.Should().Be("info\nsecurity-credentials/");
        (await bed.Get("/latest/meta-data/iam/security-credentials/")).Text.Should().Be("app-role");
        var info = (await bed.Get("/latest/meta-data/iam/info")).Text;
        info.Should().StartWith("{\n  \"Code\" : \"Success\",\n  \"LastUpdated\" : \"");
        var json = JsonDocument.Parse(info).RootElement;
        json.GetProperty("InstanceProfileArn").GetString().Should().Be(profile.Arn);
        json.GetProperty("InstanceProfileId").GetString().Should().Be(profile.InstanceProfileId).And.StartWith("AIPA");
        (await bed.Get("/latest/meta-data/iam/security-credentials/other-role")).Status.Should().Be(404);
        (await bed.Get("/latest/meta-data/iam/security-credentials-extended/")).Status.Should().Be(404);
    }

    [Fact]
    public async Task The_credential_document_has_AWS_keys_order_and_format_and_signs_as_the_role_session_named_after_the_instance()
    {
        bed.RoleWithProfile("app-role");
        var instance = bed.Launch("app-role");
        var text = (await bed.Get("/latest/meta-data/iam/security-credentials/app-role")).Text;

        text.Should().MatchRegex(
            "^\\{\n  \"Code\" : \"Success\",\n  \"LastUpdated\" : \"[0-9T:-]{19}Z\",\n  \"Type\" : \"AWS-HMAC\",\n  \"AccessKeyId\" : \"ASIA[A-Z0-9]{16}\",\n"
            + "  \"SecretAccessKey\" : \"[^\"]{40}\",\n  \"Token\" : \"[^\"]+\",\n  \"Expiration\" : \"[0-9T:-]{19}Z\"\n\\}$");
        var json = JsonDocument.Parse(text).RootElement;
        (Time(json, "Expiration") - Time(json, "LastUpdated")).Should().Be(TimeSpan.FromMinutes(385));

        var caller = await bed.CallerIdentity(json);
        caller.Value("Arn").Should().Be($"arn:aws:sts::{ImdsTestBed.Account}:assumed-role/app-role/{instance.InstanceId}");
        caller.Value("UserId").Should().EndWith(":" + instance.InstanceId).And.StartWith("AROA");
    }

    [Fact]
    public async Task With_and_without_a_token_the_instance_gets_two_different_sets_for_the_same_principal()
    {
        bed.RoleWithProfile("app-role");
        var instance = bed.Launch("app-role");
        var v1 = await bed.Credentials(instance.InstanceId, "app-role");
        var v2 = await bed.Credentials(instance.InstanceId, "app-role", await bed.Token($"/{instance.InstanceId}"));

        v2.GetProperty("AccessKeyId").GetString().Should().NotBe(v1.GetProperty("AccessKeyId").GetString());
        (await bed.CallerIdentity(v1)).Value("Arn").Should().Be((await bed.CallerIdentity(v2)).Value("Arn"));
        (await bed.Credentials(instance.InstanceId, "app-role")).GetProperty("AccessKeyId").GetString().Should().Be(v1.GetProperty("AccessKeyId").GetString());
    }

    [Fact]
    public async Task Sets_carry_the_delivery_version_instance_ARN_VPC_and_private_IP_that_policies_can_test()
    {
        bed.RoleWithProfile("gated-role");
        var instance = bed.Launch("gated-role");
        bed.Runtime.Iam.Roles.PutPolicy(ImdsTestBed.Account, "gated-role", "imdsv2-only", $$$"""
            {"Version":"2012-10-17","Statement":[ {"Effect":"Allow","Action":"iam:ListRoles","Resource":"*","Condition": {
              "NumericGreaterThanEquals":{"ec2:RoleDelivery":"2.0"},
              "ArnEquals":{"ec2:SourceInstanceARN":"{{{instance.Arn}}}"},
              "StringEquals":{"aws:Ec2InstanceSourceVpc":"{{{instance.VpcId}}}"},
              "IpAddress":{"aws:Ec2InstanceSourcePrivateIPv4":"{{{instance.PrivateIpAddress}}}/32"} } } ] }
            """);
        var v1 = await bed.Credentials(instance.InstanceId, "gated-role");
        var v2 = await bed.Credentials(instance.InstanceId, "gated-role", await bed.Token($"/{instance.InstanceId}"));

        IamTestClient Iam(JsonElement keys) => new(bed.Factory.CreateClient(), keys.GetProperty("AccessKeyId").GetString()!, keys.GetProperty("SecretAccessKey").GetString()!)
        {
            SessionToken = keys.GetProperty("Token").GetString(),
        };

        (await Iam(v2).Call("ListRoles")).Status.Should().Be(System.Net.HttpStatusCode.OK, "the IMDSv2 set has ec2:RoleDelivery 2.0 and the instance's ARN, VPC and address");
        var refused = await Iam(v1).Call("ListRoles");
        refused.Status.Should().Be(System.Net.HttpStatusCode.Forbidden, "the IMDSv1 set has ec2:RoleDelivery 1.0");
        refused.ErrorCode.Should().Be("AccessDenied");
    }

    [Fact]
    public async Task A_new_set_appears_each_hour_the_old_one_keeps_working_and_the_served_set_always_has_hours_left()
    {
        bed.RoleWithProfile("app-role");
        var instance = bed.Launch("app-role");
        var first = await bed.Credentials(instance.InstanceId, "app-role");

        bed.Runtime.Clock.Advance(TimeSpan.FromMinutes(59));
        var sameHour = await bed.Credentials(instance.InstanceId, "app-role");
        sameHour.GetProperty("AccessKeyId").GetString().Should().Be(first.GetProperty("AccessKeyId").GetString());

        bed.Runtime.Clock.Advance(TimeSpan.FromMinutes(2));
        var next = await bed.Credentials(instance.InstanceId, "app-role");
        next.GetProperty("AccessKeyId").GetString().Should().NotBe(first.GetProperty("AccessKeyId").GetString());
        Time(next, "LastUpdated").Should().BeAfter(Time(first, "LastUpdated"));
        (await bed.CallerIdentity(first)).Status.Should().Be(System.Net.HttpStatusCode.OK, "earlier sets stay valid until their own expiry");

        for (var hour = 0; hour < 8; hour++)
        {
            bed.Runtime.Clock.Advance(TimeSpan.FromMinutes(37));
            var served = await bed.Credentials(instance.InstanceId, "app-role");
            (Time(served, "Expiration") - bed.Runtime.Clock.GetUtcNow()).Should().BeGreaterThan(TimeSpan.FromMinutes(30));
        }
    }

    [Fact]
    public async Task A_role_that_does_not_trust_EC2_gets_AWS_AssumeRoleUnauthorizedAccess_body_on_info_and_credentials()
    {
        bed.RoleWithProfile("lambda-role", ImdsTestBed.LambdaTrust);
        bed.Launch("lambda-role");

        (await bed.Get("/latest/meta-data/iam/security-credentials/")).Text.Should().Be("lambda-role");
        foreach (var path in new[] { "/latest/meta-data/iam/info", "/latest/meta-data/iam/security-credentials/lambda-role" })
        {
            var reply = await bed.Get(path);
            reply.Status.Should().Be(200);
            reply.Text.Should().MatchRegex(
                "^\\{\n  \"Code\" : \"AssumeRoleUnauthorizedAccess\",\n  \"Message\" : \"EC2 cannot assume the role lambda-role\\.  Please see documentation at "
                + "http://docs\\.amazonwebservices\\.com/IAM/latest/UserGuide/RolesTroubleshooting\\.html\\.\",\n  \"LastUpdated\" : \"[0-9T:-]{19}Z\"\n\\}$");
        }
    }

    [Fact]
    public async Task A_deleted_profile_shows_InstanceProfileNotFound_and_no_credentials()
    {
        bed.RoleWithProfile("app-role");
        bed.Launch("app-role");
        bed.Runtime.Iam.InstanceProfiles.RemoveRole(ImdsTestBed.Account, "app-role", "app-role");
        bed.Runtime.Iam.InstanceProfiles.Delete(ImdsTestBed.Account, "app-role");

        JsonDocument.Parse((await bed.Get("/latest/meta-data/iam/info")).Text).RootElement.GetProperty("Code").GetString().Should().Be("InstanceProfileNotFound");
        (await bed.Get("/latest/meta-data/iam/security-credentials/")).Status.Should().Be(404);
    }

    [Fact]
    public async Task Disassociating_removes_iam_and_replacing_serves_the_new_role()
    {
        bed.RoleWithProfile("first-role");
        bed.RoleWithProfile("second-role");
        var instance = bed.Launch("first-role");
        var association = bed.Runtime.Ec2.Associations.Describe(ImdsTestBed.Account, ImdsTestBed.Region, [], [], null, null).Associations.Single().Association;

        var replaced = bed.Runtime.Ec2.Associations.Replace(ImdsTestBed.Account, ImdsTestBed.Region, association.AssociationId, new InstanceProfileReference("second-role", null));
        (await bed.Get("/latest/meta-data/iam/security-credentials/")).Text.Should().Be("second-role");
        (await bed.CallerIdentity(await bed.Credentials(instance.InstanceId, "second-role"))).Value("Arn").Should().EndWith($"assumed-role/second-role/{instance.InstanceId}");

        bed.Runtime.Ec2.Associations.Disassociate(ImdsTestBed.Account, ImdsTestBed.Region, replaced.Association.AssociationId);
        (await bed.Get("/latest/meta-data/iam/info")).Status.Should().Be(404);
        (await bed.Get("/latest/meta-data/")).Text.Should().NotContain("iam/");
    }

    [Fact]
    public async Task An_instance_without_a_profile_answers_iam_with_404()
    {
        bed.Launch();
        (await bed.Get("/latest/meta-data/iam/")).Status.Should().Be(404);
        (await bed.Get("/latest/meta-data/iam/security-credentials/")).Status.Should().Be(404);
    }

    [Fact]
    public async Task Every_instance_has_identity_credentials_for_the_aws_ec2_instance_role()
    {
        var instance = bed.Launch();
        var info = JsonDocument.Parse((await bed.Get("/latest/meta-data/identity-credentials/ec2/info")).Text).RootElement;
        info.GetProperty("Code").GetString().Should().Be("Success");
        info.GetProperty("AccountId").GetString().Should().Be(ImdsTestBed.Account);
        (await bed.Get("/latest/meta-data/identity-credentials/ec2/security-credentials/")).Text.Should().Be("ec2-instance");

        var text = (await bed.Get("/latest/meta-data/identity-credentials/ec2/security-credentials/ec2-instance")).Text;
        var caller = await bed.CallerIdentity(JsonDocument.Parse(text).RootElement);
        caller.Value("Arn").Should().Be($"arn:aws:sts::{ImdsTestBed.Account}:assumed-role/aws:ec2-instance/{instance.InstanceId}");
        caller.Value("UserId").Should().Be($"{ImdsTestBed.Account}:aws:ec2-instance:{instance.InstanceId}");
    }
}
