using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Iam;

/// <summary>The credential report, service last accessed details, ListPoliciesGrantingServiceAccess and Organizations access reports.</summary>
public sealed class ReportTests
{
    private const string Account = "123456789012";

    private static string Csv(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    private static string Csv(string? apiTime) => Csv(DateTimeOffset.Parse(apiTime!, CultureInfo.InvariantCulture));

    private static string Decoded(IamResponse report) => Encoding.UTF8.GetString(Convert.FromBase64String(report.Value("Content")!));

    [Fact]
    public async Task GetCredentialReport_before_any_generation_is_ReportNotPresent_410_without_a_message()
    {
        using var factory = new EmulatorFactory();

        var reply = await factory.Iam().Call("GetCredentialReport");

        reply.Status.Should().Be(HttpStatusCode.Gone);
        reply.ErrorCode.Should().Be("ReportNotPresent");
        reply.Element("Message").Should().BeNull();
    }

    [Fact]
    public async Task The_first_generation_is_STARTED_a_second_within_four_hours_COMPLETE_and_reuses_the_report_until_it_expires()
    {
        using var factory = new EmulatorFactory();
        var iam = factory.Iam();
        var http = factory.CreateClient();
        await http.PostAsJsonAsync("/_emulator/clock", new { time = "2026-03-01T12:00:00Z" });

        var first = await iam.Call("GenerateCredentialReport");
        await iam.Call("CreateUser", ("UserName", "late"));
        var second = await iam.Call("GenerateCredentialReport");
        var reused = await iam.Call("GetCredentialReport");
        await http.PostAsJsonAsync("/_emulator/clock", new { offsetSeconds = 4 * 3600 });
        var expired = await iam.Call("GetCredentialReport");
        var third = await iam.Call("GenerateCredentialReport");
        var fresh = await iam.Call("GetCredentialReport");
        await http.PostAsJsonAsync("/_emulator/clock", new { reset = true });

        first.Value("State").Should().Be("STARTED");
        first.Value("Description").Should().Be("No report exists. Starting a new report generation task");
        second.Value("State").Should().Be("COMPLETE");
        second.Element("Description").Should().BeNull();
        reused.Value("ReportFormat").Should().Be("text/csv");
        DateTimeOffset.Parse(reused.Value("GeneratedTime")!, CultureInfo.InvariantCulture).Should().BeCloseTo(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero), TimeSpan.FromSeconds(30));
        Decoded(reused).Split('\n').Should().HaveCount(2, "the report was built before 'late' existed");
        expired.Status.Should().Be(HttpStatusCode.Gone);
        expired.ErrorCode.Should().Be("ReportExpired");
        third.Value("State").Should().Be("STARTED");
        Decoded(fresh).Split('\n').Should().HaveCount(3);
        Decoded(fresh).Split('\n')[2].Should().StartWith($"late,arn:aws:iam::{Account}:user/late,");
    }

    [Fact]
    public async Task The_credential_report_is_AWSs_CSV_of_the_state_when_it_was_generated()
    {
        using var factory = new EmulatorFactory();
        var iam = factory.Iam();
        var http = factory.CreateClient();
        await http.PostAsJsonAsync("/_emulator/clock", new { time = "2026-03-01T12:00:00Z" });
        await iam.Call("UpdateAccountPasswordPolicy", ("MaxPasswordAge", "90"));
        await iam.Call("CreateUser", ("UserName", "alice"));
        await iam.Call("CreateUser", ("UserName", "bob"));
        await iam.Call("CreateLoginProfile", ("UserName", "alice"), ("Password", "Correct-Horse-9"));
        await iam.Call("PutUserPolicy", ("UserName", "alice"), ("PolicyName", "read"),
            ("PolicyDocument", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetUser","Resource":"*"}]}"""));
        var key1 = await iam.Call("CreateAccessKey", ("UserName", "alice"));
        await http.PostAsJsonAsync("/_emulator/clock", new { offsetSeconds = 60 });
        var key2 = await iam.Call("CreateAccessKey", ("UserName", "alice"));
        await iam.Call("UpdateAccessKey", ("UserName", "alice"), ("AccessKeyId", key2.Value("AccessKeyId")!), ("Status", "Inactive"));
        await factory.Iam(key1.Value("AccessKeyId")!, key1.Value("SecretAccessKey")!).Call("GetUser");
        var device = await iam.Call("CreateVirtualMFADevice", ("VirtualMFADeviceName", "alice-phone"));
        var seed = TestTotp.SeedOf(device);
        var step = TestTotp.StepAt(await TestTotp.EmulatorNow(http));
        (await iam.Call("EnableMFADevice", ("UserName", "alice"), ("SerialNumber", device.Value("SerialNumber")!),
            ("AuthenticationCode1", TestTotp.Code(seed, step)), ("AuthenticationCode2", TestTotp.Code(seed, step + 1)))).Status.Should().Be(HttpStatusCode.OK);
        await iam.Call("UploadSigningCertificate", ("UserName", "bob"), ("CertificateBody", Certificate()));

        await iam.Call("GenerateCredentialReport");
        var report = await iam.Call("GetCredentialReport");
        await http.PostAsJsonAsync("/_emulator/clock", new { reset = true });

        var alice = await iam.Call("GetUser", ("UserName", "alice"));
        var bob = await iam.Call("GetUser", ("UserName", "bob"));
        var profile = await iam.Call("GetLoginProfile", ("UserName", "alice"));
        var keys = (await iam.Call("ListAccessKeys", ("UserName", "alice"))).All("member")
            .ToDictionary(m => m.Elements().First(e => e.Name.LocalName == "AccessKeyId").Value, m => m.Elements().First(e => e.Name.LocalName == "CreateDate").Value);
        var used = await iam.Call("GetAccessKeyLastUsed", ("AccessKeyId", key1.Value("AccessKeyId")!));
        var certificate = await iam.Call("ListSigningCertificates", ("UserName", "bob"));
        var created = Csv(profile.Value("CreateDate"));
        var rotation = Csv(DateTimeOffset.Parse(profile.Value("CreateDate")!, CultureInfo.InvariantCulture).AddDays(90));
        var lines = Decoded(report).Split('\n');

        lines.Should().HaveCount(4);
        lines[0].Should().Be("user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,"
            + "access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
            + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,"
            + "cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated");
        lines[1].Should().MatchRegex($@"^<root_account>,arn:aws:iam::{Account}:root,\d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00,not_supported,no_information,not_supported,not_supported,false,"
            + @"true,[^,]+\+00:00,[^,]+\+00:00,us-east-1,iam,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A$");
        lines[2].Should().Be($"alice,arn:aws:iam::{Account}:user/alice,{Csv(alice.Value("CreateDate"))},true,no_information,{created},{rotation},true,"
            + $"true,{Csv(keys[key1.Value("AccessKeyId")!])},{Csv(used.Value("LastUsedDate"))},us-east-1,iam,"
            + $"false,{Csv(keys[key2.Value("AccessKeyId")!])},N/A,N/A,N/A,false,N/A,false,N/A");
        lines[3].Should().Be($"bob,arn:aws:iam::{Account}:user/bob,{Csv(bob.Value("CreateDate"))},false,N/A,N/A,N/A,false,"
            + $"false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,true,{Csv(certificate.Value("UploadDate"))},false,N/A");
        Csv(used.Value("LastUsedDate")).Should().StartWith("2026-03-01T12:0");
    }

    /// <summary>A user "dev" (in group "devs") and a role "worker" that dev may assume, each with its own policies.</summary>
    private static async Task<(IamTestClient Dev, IamTestClient Worker)> Principals(EmulatorFactory factory)
    {
        var iam = factory.Iam();
        await iam.Call("CreateUser", ("UserName", "dev"));
        await iam.Call("CreateGroup", ("GroupName", "devs"));
        await iam.Call("AddUserToGroup", ("GroupName", "devs"), ("UserName", "dev"));
        await iam.Call("PutUserPolicy", ("UserName", "dev"), ("PolicyName", "assume"),
            ("PolicyDocument", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}"""));
        await iam.Call("AttachGroupPolicy", ("GroupName", "devs"), ("PolicyArn", "arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
        await iam.Call("PutGroupPolicy", ("GroupName", "devs"), ("PolicyName", "s3-read"),
            ("PolicyDocument", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}]}"""));
        await iam.Call("CreateRole", ("RoleName", "worker"), ("AssumeRolePolicyDocument",
            $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Account}}:user/dev"},"Action":"sts:AssumeRole"}]}"""));
        await iam.Call("AttachRolePolicy", ("RoleName", "worker"), ("PolicyArn", "arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess"));
        var key = await iam.Call("CreateAccessKey", ("UserName", "dev"));
        var dev = factory.Iam(key.Value("AccessKeyId")!, key.Value("SecretAccessKey")!);
        var assumed = await dev.For("sts").Call("AssumeRole", ("RoleArn", $"arn:aws:iam::{Account}:role/worker"), ("RoleSessionName", "job"));
        assumed.Status.Should().Be(HttpStatusCode.OK);
        return (dev, dev.WithCredentials(assumed, "ec2").InRegion("eu-west-1"));
    }

    private static async Task<IamResponse> Report(IamTestClient iam, string arn, string granularity = "SERVICE_LEVEL")
    {
        var job = await iam.Call("GenerateServiceLastAccessedDetails", ("Arn", arn), ("Granularity", granularity));
        job.Status.Should().Be(HttpStatusCode.OK);
        job.Value("JobId").Should().MatchRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
        return await iam.Call("GetServiceLastAccessedDetails", ("JobId", job.Value("JobId")!));
    }

    private static Dictionary<string, Dictionary<string, string>> Services(IamResponse report) =>
        report.Element("ServicesLastAccessed")!.Elements().ToDictionary(
            m => m.Elements().First(e => e.Name.LocalName == "ServiceNamespace").Value,
            m => m.Elements().Where(e => !e.HasElements).ToDictionary(e => e.Name.LocalName, e => e.Value));

    [Fact]
    public async Task A_users_report_lists_every_service_its_and_its_groups_policies_grant_with_the_last_attempt()
    {
        using var factory = new EmulatorFactory();
        var iam = factory.Iam();
        var (dev, _) = await Principals(factory);
        await dev.Call("ListUsers");
        var now = await TestTotp.EmulatorNow(factory.CreateClient());

        var report = await Report(iam, $"arn:aws:iam::{Account}:user/dev");
        var services = Services(report);

        report.Value("JobStatus").Should().Be("COMPLETED");
        report.Value("JobType").Should().Be("SERVICE_LEVEL");
        services.Keys.Should().Equal("iam", "s3", "sts");
        services["iam"]["ServiceName"].Should().Be("AWS Identity and Access Management");
        services["iam"]["LastAuthenticatedEntity"].Should().Be($"arn:aws:iam::{Account}:user/dev");
        services["iam"]["LastAuthenticatedRegion"].Should().Be("us-east-1");
        services["iam"]["TotalAuthenticatedEntities"].Should().Be("1");
        DateTimeOffset.Parse(services["iam"]["LastAuthenticated"], CultureInfo.InvariantCulture).Should().BeCloseTo(now, TimeSpan.FromSeconds(5));
        services["sts"]["ServiceName"].Should().Be("AWS Security Token Service");
        services["sts"].Should().ContainKey("LastAuthenticated", "dev called sts:AssumeRole");
        services["s3"]["ServiceName"].Should().Be("Amazon Simple Storage Service");
        services["s3"].Should().NotContainKey("LastAuthenticated");
        services["s3"]["TotalAuthenticatedEntities"].Should().Be("0");
        report.Value("IsTruncated").Should().Be("false");
    }

    [Fact]
    public async Task A_denied_attempt_counts_as_access_as_AWS_counts_every_attempt_not_just_the_successful_ones()
    {
        using var factory = new EmulatorFactory();
        var iam = factory.Iam();
        var (dev, _) = await Principals(factory);
        var denied = await dev.Call("CreateUser", ("UserName", "not-allowed"));

        var services = Services(await Report(iam, $"arn:aws:iam::{Account}:user/dev"));

        denied.ErrorCode.Should().Be("AccessDenied");
        services["iam"]["LastAuthenticatedEntity"].Should().Be($"arn:aws:iam::{Account}:user/dev");
        services["iam"].Should().ContainKey("LastAuthenticated");
        services["iam"]["TotalAuthenticatedEntities"].Should().Be("1");
        services["s3"].Should().NotContainKey("LastAuthenticated", "dev never tried S3");
    }

    [Fact]
    public async Task A_role_sessions_requests_count_for_the_role_at_action_level_with_the_role_as_entity()
    {
        using var factory = new EmulatorFactory();
        var iam = factory.Iam();
        var (_, worker) = await Principals(factory);
        (await worker.Call("DescribeInstances")).Status.Should().Be(HttpStatusCode.OK);
        var roleArn = $"arn:aws:iam::{Account}:role/worker";

        var job = await iam.Call("GenerateServiceLastAccessedDetails", ("Arn", roleArn), ("Granularity", "ACTION_LEVEL"));
        var report = await iam.Call("GetServiceLastAccessedDetails", ("JobId", job.Value("JobId")!));
        var entities = await iam.Call("GetServiceLastAccessedDetailsWithEntities", ("JobId", job.Value("JobId")!), ("ServiceNamespace", "ec2"));
        var services = Services(report);
        var ec2 = report.Element("ServicesLastAccessed")!.Elements().Single(m => m.Elements().Any(e => e.Name.LocalName == "ServiceNamespace" && e.Value == "ec2"));
        var tracked = ec2.Descendants().Where(e => e.Name.LocalName == "ActionName").Select(e => e.Value);

        report.Value("JobType").Should().Be("ACTION_LEVEL");
        services.Keys.Should().Equal("autoscaling", "cloudwatch", "ec2", "elasticloadbalancing");
        services["ec2"]["LastAuthenticatedEntity"].Should().Be(roleArn);
        services["ec2"]["LastAuthenticatedRegion"].Should().Be("eu-west-1");
        services["cloudwatch"].Should().NotContainKey("LastAuthenticated");
        tracked.Should().Equal("DescribeInstances");
        entities.All("Arn").Select(e => e.Value).Should().Equal(roleArn);
        entities.Value("Type").Should().Be("ROLE");
        entities.Value("Name").Should().Be("worker");
        entities.Value("Path").Should().Be("/");
        entities.Value("LastAuthenticated").Should().Be(services["ec2"]["LastAuthenticated"]);
    }

    [Fact]
    public async Task A_group_and_a_managed_policy_report_their_members_use_of_what_they_grant()
    {
        using var factory = new EmulatorFactory();
        var iam = factory.Iam();
        var (dev, _) = await Principals(factory);
        await dev.Call("GetUser");
        var devArn = $"arn:aws:iam::{Account}:user/dev";

        var group = Services(await Report(iam, $"arn:aws:iam::{Account}:group/devs"));
        var policyJob = await iam.Call("GenerateServiceLastAccessedDetails", ("Arn", "arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
        var policy = await iam.Call("GetServiceLastAccessedDetails", ("JobId", policyJob.Value("JobId")!));
        var users = await iam.Call("GetServiceLastAccessedDetailsWithEntities", ("JobId", policyJob.Value("JobId")!), ("ServiceNamespace", "iam"));

        group.Keys.Should().Equal("iam", "s3");
        group["iam"]["LastAuthenticatedEntity"].Should().Be(devArn);
        Services(policy).Keys.Should().Equal("iam");
        Services(policy)["iam"]["LastAuthenticatedEntity"].Should().Be(devArn);
        users.All("Arn").Select(e => e.Value).Should().Equal(devArn);
        users.Value("Type").Should().Be("USER");
    }

    [Fact]
    public async Task A_request_allowed_in_the_same_second_writes_nothing_and_a_later_one_moves_LastAuthenticated()
    {
        using var factory = new EmulatorFactory();
        var iam = factory.Iam();
        var http = factory.CreateClient();
        var (dev, _) = await Principals(factory);
        await dev.Call("ListUsers");
        var first = Services(await Report(iam, $"arn:aws:iam::{Account}:user/dev"))["iam"]["LastAuthenticated"];
        await http.PostAsJsonAsync("/_emulator/clock", new { offsetSeconds = 3600 });
        await dev.Call("ListUsers");
        var later = Services(await Report(iam, $"arn:aws:iam::{Account}:user/dev"))["iam"]["LastAuthenticated"];
        await http.PostAsJsonAsync("/_emulator/clock", new { reset = true });

        (DateTimeOffset.Parse(later, CultureInfo.InvariantCulture) - DateTimeOffset.Parse(first, CultureInfo.InvariantCulture)).Should().BeCloseTo(TimeSpan.FromHours(1), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Service_last_accessed_refuses_bad_input_unknown_entities_and_unknown_jobs()
    {
        using var factory = new EmulatorFactory();
        var iam = factory.Iam();

        var missing = await iam.Call("GenerateServiceLastAccessedDetails");
        var granularity = await iam.Call("GenerateServiceLastAccessedDetails", ("Arn", $"arn:aws:iam::{Account}:user/nobody"), ("Granularity", "FINE"));
        var notAnEntity = await iam.Call("GenerateServiceLastAccessedDetails", ("Arn", "arn:aws:s3:::some-bucket-name"));
        var nobody = await iam.Call("GenerateServiceLastAccessedDetails", ("Arn", $"arn:aws:iam::{Account}:user/nobody"));
        var noPolicy = await iam.Call("GenerateServiceLastAccessedDetails", ("Arn", $"arn:aws:iam::{Account}:policy/none"));
        var shortJob = await iam.Call("GetServiceLastAccessedDetails", ("JobId", "abc"));
        var unknownJob = await iam.Call("GetServiceLastAccessedDetails", ("JobId", "00000000-0000-0000-0000-000000000000"));
        var badNamespace = await iam.Call("GetServiceLastAccessedDetailsWithEntities", ("JobId", "00000000-0000-0000-0000-000000000000"), ("ServiceNamespace", "s 3"));

        missing.ErrorMessage.Should().Be("1 validation error detected: Value null at 'arn' failed to satisfy constraint: Member must not be null");
        granularity.ErrorMessage.Should().Be("1 validation error detected: Value at 'granularity' failed to satisfy constraint: Member must satisfy enum value set: [SERVICE_LEVEL, ACTION_LEVEL]");
        notAnEntity.Status.Should().Be(HttpStatusCode.BadRequest);
        notAnEntity.ErrorCode.Should().Be("InvalidInput");
        notAnEntity.ErrorMessage.Should().Be("ARN arn:aws:s3:::some-bucket-name is not valid.");
        nobody.Status.Should().Be(HttpStatusCode.NotFound);
        nobody.ErrorMessage.Should().Be("The user with name nobody cannot be found.");
        noPolicy.ErrorCode.Should().Be("NoSuchEntity");
        shortJob.ErrorMessage.Should().Be("1 validation error detected: Value at 'jobId' failed to satisfy constraint: Member must have length greater than or equal to 36");
        unknownJob.Status.Should().Be(HttpStatusCode.NotFound);
        unknownJob.ErrorCode.Should().Be("NoSuchEntity");
        unknownJob.ErrorMessage.Should().Be("The job with ID 00000000-0000-0000-0000-000000000000 cannot be found.");
        badNamespace.ErrorMessage.Should().Be(@"1 validation error detected: Value at 'serviceNamespace' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w-]*");
    }

    [Fact]
    public async Task GetServiceLastAccessedDetails_pages_with_MaxItems_and_Marker()
    {
        using var factory = new EmulatorFactory();
        var iam = factory.Iam();
        await Principals(factory);
        var job = await iam.Call("GenerateServiceLastAccessedDetails", ("Arn", $"arn:aws:iam::{Account}:user/dev"));

        var first = await iam.Call("GetServiceLastAccessedDetails", ("JobId", job.Value("JobId")!), ("MaxItems", "2"));
        var rest = await iam.Call("GetServiceLastAccessedDetails", ("JobId", job.Value("JobId")!), ("Marker", first.Value("Marker")!));

        Services(first).Keys.Should().Equal("iam", "s3");
        first.Value("IsTruncated").Should().Be("true");
        Services(rest).Keys.Should().Equal("sts");
        rest.Value("IsTruncated").Should().Be("false");
    }

    [Fact]
    public async Task ListPoliciesGrantingServiceAccess_names_a_users_own_and_its_groups_policies_per_service()
    {
        using var factory = new EmulatorFactory();
        var iam = factory.Iam();
        await Principals(factory);

        var reply = await iam.Call("ListPoliciesGrantingServiceAccess", ("Arn", $"arn:aws:iam::{Account}:user/dev"),
            ("ServiceNamespaces.member.1", "iam"), ("ServiceNamespaces.member.2", "sts"), ("ServiceNamespaces.member.3", "s3"), ("ServiceNamespaces.member.4", "ec2"));
        var services = reply.Element("PoliciesGrantingServiceAccess")!.Elements().ToDictionary(
            m => m.Elements().First(e => e.Name.LocalName == "ServiceNamespace").Value,
            m => m.Descendants().Where(e => e.Name.LocalName == "member")
                .Select(p => string.Join('|', p.Elements().Select(e => $"{e.Name.LocalName}={e.Value}"))).ToList());

        reply.Status.Should().Be(HttpStatusCode.OK);
        services["iam"].Should().Equal("PolicyName=IAMReadOnlyAccess|PolicyType=MANAGED|PolicyArn=arn:aws:iam::aws:policy/IAMReadOnlyAccess");
        services["sts"].Should().Equal("PolicyName=assume|PolicyType=INLINE|EntityType=USER|EntityName=dev");
        services["s3"].Should().Equal("PolicyName=s3-read|PolicyType=INLINE|EntityType=GROUP|EntityName=devs");
        services["ec2"].Should().BeEmpty();
        reply.Value("IsTruncated").Should().Be("false");
    }

    [Fact]
    public async Task ListPoliciesGrantingServiceAccess_refuses_bad_input()
    {
        using var factory = new EmulatorFactory();
        var iam = factory.Iam();

        var none = await iam.Call("ListPoliciesGrantingServiceAccess", ("Arn", $"arn:aws:iam::{Account}:user/nobody"));
        var unknown = await iam.Call("ListPoliciesGrantingServiceAccess", ("Arn", $"arn:aws:iam::{Account}:user/nobody"), ("ServiceNamespaces.member.1", "iam"));
        var policy = await iam.Call("ListPoliciesGrantingServiceAccess", ("Arn", "arn:aws:iam::aws:policy/IAMReadOnlyAccess"), ("ServiceNamespaces.member.1", "iam"));
        var tooMany = await iam.Call("ListPoliciesGrantingServiceAccess", [("Arn", $"arn:aws:iam::{Account}:user/nobody"),
            .. Enumerable.Range(1, 201).Select(i => ($"ServiceNamespaces.member.{i}", "iam"))]);

        none.ErrorMessage.Should().Be("1 validation error detected: Value at 'serviceNamespaces' failed to satisfy constraint: Member must have length greater than or equal to 1");
        unknown.Status.Should().Be(HttpStatusCode.NotFound);
        unknown.ErrorMessage.Should().Be("The user with name nobody cannot be found.");
        policy.ErrorCode.Should().Be("InvalidInput");
        tooMany.ErrorMessage.Should().Be("1 validation error detected: Value at 'serviceNamespaces' failed to satisfy constraint: Member must have length less than or equal to 200");
    }

    [Fact]
    public async Task Organizations_access_reports_answer_as_for_an_account_outside_any_organization()
    {
        using var factory = new EmulatorFactory();
        var iam = factory.Iam();

        var generate = await iam.Call("GenerateOrganizationsAccessReport", ("EntityPath", "o-a1b2c3d4e5/r-f6g7h8i9j0example"));
        var badPath = await iam.Call("GenerateOrganizationsAccessReport", ("EntityPath", "not-an-organizations-path"));
        var get = await iam.Call("GetOrganizationsAccessReport", ("JobId", "00000000-0000-0000-0000-000000000000"));
        var badSort = await iam.Call("GetOrganizationsAccessReport", ("JobId", "00000000-0000-0000-0000-000000000000"), ("SortKey", "NEWEST"));

        generate.Status.Should().Be(HttpStatusCode.BadRequest);
        generate.ErrorCode.Should().Be("AWSOrganizationsNotInUseException");
        generate.ErrorMessage.Should().Be("Your account is not a member of an organization.");
        badPath.ErrorCode.Should().Be("ValidationError");
        badPath.ErrorMessage.Should().Contain("'entityPath'");
        get.Status.Should().Be(HttpStatusCode.NotFound);
        get.ErrorCode.Should().Be("NoSuchEntity");
        badSort.ErrorCode.Should().Be("ValidationError");
    }

    [Fact]
    public async Task A_caller_without_permission_is_denied_the_reports()
    {
        using var factory = new EmulatorFactory();
        var iam = factory.Iam();
        await iam.Call("CreateUser", ("UserName", "plain"));
        var key = await iam.Call("CreateAccessKey", ("UserName", "plain"));
        var plain = factory.Iam(key.Value("AccessKeyId")!, key.Value("SecretAccessKey")!);

        var generate = await plain.Call("GenerateCredentialReport");
        var list = await plain.Call("ListPoliciesGrantingServiceAccess", ("Arn", $"arn:aws:iam::{Account}:user/plain"), ("ServiceNamespaces.member.1", "iam"));

        generate.Status.Should().Be(HttpStatusCode.Forbidden);
        generate.ErrorMessage.Should().Contain("iam:GenerateCredentialReport");
        list.Status.Should().Be(HttpStatusCode.Forbidden);
        list.ErrorMessage.Should().Contain($"on resource: arn:aws:iam::{Account}:user/plain");
    }

    private static string Certificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=signer", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        return certificate.ExportCertificatePem();
    }
}
