using System.Net;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Iam;

/// <summary>
/// Tag keys that differ only in case. The IAM User Guide ("Case sensitivity"): role and user keys are not case
/// sensitive, so two such keys in one request are a duplicate; managed policies, instance profiles and OIDC
/// providers keep Costcenter and costcenter as two tags.
/// </summary>
public sealed class TagKeyCaseTests : IClassFixture<DefaultEmulator>
{
    private const string Duplicate = "Duplicate tag keys found. Please note that Tag keys are case insensitive.";

    private static readonly (string, string)[] TwoCasings =
        [("Tags.member.1.Key", "Costcenter"), ("Tags.member.1.Value", "1234"), ("Tags.member.2.Key", "costcenter"), ("Tags.member.2.Value", "5678")];

    private readonly IamTestClient iam;

    public TagKeyCaseTests(DefaultEmulator factory) => iam = factory.Iam();

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    [Theory]
    [InlineData("Role")]
    [InlineData("User")]
    public async Task Create_and_Tag_with_keys_differing_only_in_case_are_InvalidInput_for_roles_and_users(string kind)
    {
        var name = Unique(kind.ToLowerInvariant());
        (string, string)[] create = kind == "Role"
            ? [("RoleName", name), ("AssumeRolePolicyDocument", Documents.Ec2Trust)]
            : [("UserName", name)];

        var created = await iam.Call($"Create{kind}", [.. create, .. TwoCasings]);
        await iam.Call($"Create{kind}", create);
        var tagged = await iam.Call($"Tag{kind}", [($"{kind}Name", name), .. TwoCasings]);
        var listed = await iam.Call($"List{kind}Tags", ($"{kind}Name", name));

        foreach (var response in new[] { created, tagged })
        {
            response.Status.Should().Be(HttpStatusCode.BadRequest);
            response.ErrorCode.Should().Be("InvalidInput");
            response.ErrorMessage.Should().Be(Duplicate);
        }

        listed.All("Key").Should().BeEmpty("the refused requests changed nothing");
    }

    [Fact]
    public async Task Managed_policies_instance_profiles_and_OIDC_providers_keep_both_casings()
    {
        var policy = await iam.Call("CreatePolicy", [("PolicyName", Unique("pol")), ("PolicyDocument", Documents.S3Read), .. TwoCasings]);
        var profileName = Unique("prof");
        var profile = await iam.Call("CreateInstanceProfile", [("InstanceProfileName", profileName), .. TwoCasings]);
        var provider = await iam.Call("CreateOpenIDConnectProvider",
            [("Url", $"https://{Unique("idp")}.example.com"), ("ThumbprintList.member.1", new string('a', 40)), .. TwoCasings]);

        var policyTags = await iam.Call("ListPolicyTags", ("PolicyArn", policy.Value("Arn")!));
        var profileTags = await iam.Call("ListInstanceProfileTags", ("InstanceProfileName", profileName));
        var providerTags = await iam.Call("ListOpenIDConnectProviderTags", ("OpenIDConnectProviderArn", provider.Value("OpenIDConnectProviderArn")!));

        profile.Status.Should().Be(HttpStatusCode.OK);
        foreach (var tags in new[] { policyTags, profileTags, providerTags })
        {
            tags.Status.Should().Be(HttpStatusCode.OK);
            tags.All("Key").Select(k => k.Value).Should().BeEquivalentTo("Costcenter", "costcenter");
        }
    }
}
