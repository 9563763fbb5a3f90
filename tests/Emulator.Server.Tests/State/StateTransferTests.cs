using System.Net;
using System.Text.Json;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.State;

/// <summary>GET /_emulator/state exports the whole state; PUT replaces it; the export is a seed file too.</summary>
public sealed class StateTransferTests
{
    private const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    [Fact]
    public async Task An_export_without_secrets_names_every_entity_but_no_secret_key()
    {
        using var factory = new EmulatorFactory();
        var iam = factory.Iam();
        await iam.Call("CreateUser", ("UserName", "alice"));
        var key = await iam.Call("CreateAccessKey", ("UserName", "alice"));
        var secret = key.Value("SecretAccessKey")!;

        var reply = await AdminRequest.Get("/_emulator/state").SendAsync(factory.CreateClient());

        reply.Status.Should().Be(HttpStatusCode.OK);
        reply.Json.GetProperty("format").GetString().Should().Be("aws-identity-emulator-state");
        reply.Json.GetProperty("secretsIncluded").GetBoolean().Should().BeFalse();
        var rows = reply.Json.GetProperty("rows").EnumerateArray().ToList();
        rows.Should().Contain(r => r.GetProperty("kind").GetString() == "user" && r.GetProperty("document").GetProperty("UserName").GetString() == "alice");
        rows.Should().Contain(r => r.GetProperty("kind").GetString() == "access-key" && r.GetProperty("name").GetString() == key.Value("AccessKeyId"));
        reply.Body.Should().NotContain(secret).And.NotContain(EmulatorFactory.DefaultSecret).And.NotContain("SecretAccessKey");
    }

    [Fact]
    public async Task Export_with_secrets_then_import_after_a_reset_brings_back_the_same_entities_and_working_keys()
    {
        using var factory = new EmulatorFactory();
        var iam = factory.Iam();
        await iam.Call("CreateRole", ("RoleName", "app"), ("AssumeRolePolicyDocument", Trust), ("Tags.member.1.Key", "team"), ("Tags.member.1.Value", "a"));
        await iam.Call("PutRolePolicy", ("RoleName", "app"), ("PolicyName", "read"), ("PolicyDocument", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"""));
        await iam.Call("CreateUser", ("UserName", "bob"));
        var key = await iam.Call("CreateAccessKey", ("UserName", "bob"));
        await iam.Call("AttachUserPolicy", ("UserName", "bob"), ("PolicyArn", "arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
        var roleBefore = (await iam.Call("GetRole", ("RoleName", "app"))).Body;
        var http = factory.CreateClient();
        var exported = await AdminRequest.Get("/_emulator/state?secrets=true").SendAsync(http);
        exported.Json.GetProperty("secretsIncluded").GetBoolean().Should().BeTrue();

        (await AdminRequest.Post("/_emulator/reset").SendAsync(http)).Status.Should().Be(HttpStatusCode.OK);
        (await iam.Call("GetRole", ("RoleName", "app"))).ErrorCode.Should().Be("NoSuchEntity");
        var imported = await (new AdminRequest(HttpMethod.Put, "/_emulator/state") { Body = exported.Body }).SendAsync(http);

        imported.Status.Should().Be(HttpStatusCode.OK);
        imported.Json.GetProperty("status").GetString().Should().Be("imported");
        imported.Json.GetProperty("accounts").EnumerateArray().Select(a => a.GetString()).Should().Equal("123456789012");
        (await AdminRequest.Get("/_emulator/state?secrets=true").SendAsync(http)).Json.GetProperty("rows").GetRawText()
            .Should().Be(exported.Json.GetProperty("rows").GetRawText());
        StripRequestId((await iam.Call("GetRole", ("RoleName", "app"))).Body).Should().Be(StripRequestId(roleBefore));
        var asBob = factory.Iam(key.Value("AccessKeyId")!, key.Value("SecretAccessKey")!);
        (await asBob.Call("ListRoles")).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_export_with_secrets_works_as_a_seed_file()
    {
        string exported;
        using (var source = new EmulatorFactory())
        {
            await source.Iam().Call("CreateUser", ("UserName", "seeded-by-export"));
            exported = (await AdminRequest.Get("/_emulator/state?secrets=true").SendAsync(source.CreateClient())).Body;
        }

        using var factory = new EmulatorFactory(exported);
        var user = await factory.Iam().Call("GetUser", ("UserName", "seeded-by-export"));

        user.Status.Should().Be(HttpStatusCode.OK);
        user.Value("Arn").Should().Be("arn:aws:iam::123456789012:user/seeded-by-export");
    }

    [Theory]
    [InlineData("not json", "the state document is not JSON:")]
    [InlineData("""{"format":"other","version":1,"secretsIncluded":true,"rows":[]}""", "the document's \"format\" must be \"aws-identity-emulator-state\".")]
    [InlineData("""{"format":"aws-identity-emulator-state","version":2,"secretsIncluded":true,"rows":[]}""", "the document's \"version\" must be 1.")]
    [InlineData("""{"format":"aws-identity-emulator-state","version":1,"secretsIncluded":false,"rows":[]}""", "the document was exported without secrets (GET /_emulator/state?secrets=true includes them); access keys without their secrets cannot be imported.")]
    [InlineData("""{"format":"aws-identity-emulator-state","version":1,"secretsIncluded":true,"rows":[]}""", "the document holds no account.")]
    [InlineData("""{"format":"aws-identity-emulator-state","version":1,"secretsIncluded":true,"rows":[{"kind":"role","scope":"999999999999","name":"x","document":{}}]}""", "rows[0]: no table holds kind 'role' in scope '999999999999' (unknown kind, or an account without its account row).")]
    [InlineData("""{"format":"aws-identity-emulator-state","version":1,"secretsIncluded":true,"rows":[{"kind":"account","scope":"","name":"111111111111"}]}""", "rows[0]: \"document\" must be an object.")]
    [InlineData("""{"format":"aws-identity-emulator-state","version":1,"secretsIncluded":true,"rows":[{"kind":"account","scope":"","name":"111111111111","document":{"CreateDate":"yesterday"}}]}""", "rows[0] (account '111111111111'):")]
    public async Task A_document_that_cannot_be_imported_is_400_saying_why_and_the_state_is_unchanged(string body, string message)
    {
        using var factory = new EmulatorFactory();
        await factory.Iam().Call("CreateUser", ("UserName", "survivor"));

        var reply = await (new AdminRequest(HttpMethod.Put, "/_emulator/state") { Body = body }).SendAsync(factory.CreateClient());

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.Error.Should().StartWith(message);
        (await factory.Iam().Call("GetUser", ("UserName", "survivor"))).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Secrets_takes_only_true_or_false()
    {
        using var factory = new EmulatorFactory();

        var reply = await AdminRequest.Get("/_emulator/state?secrets=yes").SendAsync(factory.CreateClient());

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.Error.Should().Be("secrets must be true or false, not 'yes'.");
    }

    private static string StripRequestId(string xml) => System.Text.RegularExpressions.Regex.Replace(xml, "<RequestId>[^<]*</RequestId>", "");
}
