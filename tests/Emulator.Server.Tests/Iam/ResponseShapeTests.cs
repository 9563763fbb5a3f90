using System.Net;
using System.Xml.Linq;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Iam;

/// <summary>
/// Which members each Create/Get/List call returns, as AWS answers them: CreatePolicy has no Description and
/// Tags only when given, GetPolicy has Description when set and always Tags, ListPolicies and
/// ListInstanceProfiles return no tags (their API reference), GetOpenIDConnectProvider sorts its tags by key.
/// </summary>
public sealed class ResponseShapeTests : IClassFixture<DefaultEmulator>
{
    private readonly IamTestClient iam;

    public ResponseShapeTests(DefaultEmulator factory) => iam = factory.Iam();

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    private static XElement Member(IamResponse response, string name) => response.Element(name) ?? throw new InvalidOperationException($"no {name} in {response.Body}");

    private static IEnumerable<string> Children(XElement element) => element.Elements().Select(e => e.Name.LocalName);

    [Fact]
    public async Task CreatePolicy_omits_Description_and_has_Tags_only_when_tags_were_given()
    {
        var path = $"/{Unique("shape")}/";
        var plain = await iam.Call("CreatePolicy", ("PolicyName", Unique("plain")), ("Path", path), ("PolicyDocument", Documents.S3Read), ("Description", "read the bucket"));
        var tagged = await iam.Call("CreatePolicy", ("PolicyName", Unique("tagged")), ("Path", path), ("PolicyDocument", Documents.S3Read),
            ("Tags.member.1.Key", "team"), ("Tags.member.1.Value", "blue"));

        plain.Status.Should().Be(HttpStatusCode.OK);
        Children(Member(plain, "Policy")).Should().Equal("PolicyName", "PolicyId", "Arn", "Path", "DefaultVersionId", "AttachmentCount",
            "PermissionsBoundaryUsageCount", "IsAttachable", "CreateDate", "UpdateDate");
        Children(Member(tagged, "Policy")).Should().EndWith("Tags");
        tagged.Value("Key").Should().Be("team");
    }

    [Fact]
    public async Task GetPolicy_has_Description_only_when_set_and_always_Tags_while_ListPolicies_has_neither()
    {
        var path = $"/{Unique("shape")}/";
        var described = await iam.Call("CreatePolicy", ("PolicyName", Unique("desc")), ("Path", path), ("PolicyDocument", Documents.S3Read),
            ("Description", "read the bucket"), ("Tags.member.1.Key", "team"), ("Tags.member.1.Value", "blue"));
        var bare = await iam.Call("CreatePolicy", ("PolicyName", Unique("bare")), ("Path", path), ("PolicyDocument", Documents.S3Read));

        var getDescribed = await iam.Call("GetPolicy", ("PolicyArn", described.Value("Arn")!));
        var getBare = await iam.Call("GetPolicy", ("PolicyArn", bare.Value("Arn")!));
        var listed = await iam.Call("ListPolicies", ("Scope", "Local"), ("PathPrefix", path));

        getDescribed.Value("Description").Should().Be("read the bucket");
        getDescribed.Value("Key").Should().Be("team");
        getBare.Element("Description").Should().BeNull();
        var emptyTags = Member(getBare, "Tags");
        emptyTags.HasElements.Should().BeFalse("GetPolicy answers <Tags/> for a policy without tags");
        var members = Member(listed, "Policies").Elements().ToList();
        members.Should().HaveCount(2);
        members.Should().OnlyContain(m => !Children(m).Contains("Description") && !Children(m).Contains("Tags"));
    }

    [Fact]
    public async Task ListInstanceProfiles_returns_no_tags_where_GetInstanceProfile_does()
    {
        var path = $"/{Unique("shape")}/";
        var name = Unique("prof");
        await iam.Call("CreateInstanceProfile", ("InstanceProfileName", name), ("Path", path), ("Tags.member.1.Key", "team"), ("Tags.member.1.Value", "blue"));

        var got = await iam.Call("GetInstanceProfile", ("InstanceProfileName", name));
        var listed = await iam.Call("ListInstanceProfiles", ("PathPrefix", path));

        got.Value("Key").Should().Be("team");
        listed.Value("InstanceProfileName").Should().Be(name);
        listed.Element("Tags").Should().BeNull("ListInstanceProfiles does not return tags");
    }

    [Fact]
    public async Task GetOpenIDConnectProvider_lists_its_tags_sorted_by_key()
    {
        var created = await iam.Call("CreateOpenIDConnectProvider", ("Url", $"https://{Unique("idp")}.example.com"), ("ThumbprintList.member.1", new string('a', 40)),
            ("Tags.member.1.Key", "zone"), ("Tags.member.1.Value", "1"), ("Tags.member.2.Key", "app"), ("Tags.member.2.Value", "2"),
            ("Tags.member.3.Key", "Middle"), ("Tags.member.3.Value", "3"));

        var got = await iam.Call("GetOpenIDConnectProvider", ("OpenIDConnectProviderArn", created.Value("OpenIDConnectProviderArn")!));

        got.All("Key").Select(k => k.Value).Should().Equal("Middle", "app", "zone");
    }
}
