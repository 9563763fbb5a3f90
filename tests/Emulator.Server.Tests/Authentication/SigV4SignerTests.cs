using System.Text;
using Emulator.Server.Authentication;

namespace Emulator.Server.Tests.Authentication;

/// <summary>The botocore-generated vectors of shared/reference/sigv4.md.</summary>
public sealed class SigV4SignerTests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    [Fact]
    public void Header_form_vector_from_botocore_gives_the_same_canonical_request_and_signature()
    {
        var body = Encoding.UTF8.GetBytes("Action=GetCallerIdentity&Version=2011-06-15");
        var request = new SignedRequest("POST", "/", "", new Dictionary<string, IReadOnlyList<string>>
        {
            ["content-type"] = ["application/x-www-form-urlencoded; charset=utf-8"],
            ["host"] = ["sts.us-east-1.amazonaws.com"],
            ["x-amz-date"] = ["20240501T120000Z"],
        }, body);

        var canonical = SigV4Signer.CanonicalRequest(request, ["content-type", "host", "x-amz-date"], SigV4Signer.PayloadHash(body), false);
        canonical.Should().Be("POST\n/\n\ncontent-type:application/x-www-form-urlencoded; charset=utf-8\nhost:sts.us-east-1.amazonaws.com\nx-amz-date:20240501T120000Z\n\ncontent-type;host;x-amz-date\nab821ae955788b0e33ebd34c208442ccfc2d406e2edc5e7a39bd6458fbb4f843");
        var toSign = SigV4Signer.StringToSign("20240501T120000Z", "20240501/us-east-1/sts/aws4_request", canonical);
        toSign.Should().EndWith("53c50b2f6024b888e3493b7c845ee346b4801c32d37c8c807491ac8322b7603b");
        SigV4Signer.Signature(SigV4Signer.SigningKey(Secret, "20240501", "us-east-1", "sts"), toSign)
            .Should().Be("53179379fda2b55611a22a829deb04154f49e68715e8029e3f559ff1673e4313");
    }

    [Fact]
    public void Presigned_vector_from_botocore_excludes_the_signature_and_hashes_the_empty_body()
    {
        const string query = "Action=GetCallerIdentity&Version=2011-06-15&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20240501%2Fus-east-1%2Fsts%2Faws4_request&X-Amz-Date=20240501T120000Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host%3Bx-k8s-aws-id&X-Amz-Signature=fb16d1a8dacd043e18049de0dc7498bfe579bab772ede2b9e2fd90c108103823";
        var request = new SignedRequest("GET", "/", query, new Dictionary<string, IReadOnlyList<string>>
        {
            ["host"] = ["sts.us-east-1.amazonaws.com"],
            ["x-k8s-aws-id"] = ["demo"],
        }, []);

        SigV4Signer.CanonicalQueryString(query, excludeSignatureParameter: true).Should().Be(
            "Action=GetCallerIdentity&Version=2011-06-15&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20240501%2Fus-east-1%2Fsts%2Faws4_request&X-Amz-Date=20240501T120000Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host%3Bx-k8s-aws-id");
        var claim = new SigV4Credential("AKIAIOSFODNN7EXAMPLE", "20240501", "us-east-1", "sts", "aws4_request", ["host", "x-k8s-aws-id"],
            "fb16d1a8dacd043e18049de0dc7498bfe579bab772ede2b9e2fd90c108103823", "20240501T120000Z", null, IsPresigned: true);

        var verify = () => RequestAuthenticator.VerifySignature(request, claim, Secret);

        verify.Should().NotThrow();
    }

    [Fact]
    public void A_wrong_secret_does_not_verify()
    {
        var request = new SignedRequest("GET", "/", "Action=GetCallerIdentity&Version=2011-06-15&X-Amz-Signature=fb16d1a8dacd043e18049de0dc7498bfe579bab772ede2b9e2fd90c108103823",
            new Dictionary<string, IReadOnlyList<string>> { ["host"] = ["sts.us-east-1.amazonaws.com"], ["x-k8s-aws-id"] = ["demo"] }, []);
        var claim = new SigV4Credential("AKIAIOSFODNN7EXAMPLE", "20240501", "us-east-1", "sts", "aws4_request", ["host", "x-k8s-aws-id"],
            "fb16d1a8dacd043e18049de0dc7498bfe579bab772ede2b9e2fd90c108103823", "20240501T120000Z", null, IsPresigned: true);

        var verify = () => RequestAuthenticator.VerifySignature(request, claim, Secret + "x");

        verify.Should().Throw<Emulator.Core.Errors.AwsException>().Which.Error.Code.Should().Be("SignatureDoesNotMatch");
    }

    [Theory]
    [InlineData("", "/")]
    [InlineData("/", "/")]
    [InlineData("/a//b/./c/../d", "/a/b/d")]
    [InlineData("/with%20space", "/with%2520space")]
    public void Canonical_uri_is_normalised_then_encoded_again(string raw, string expected) =>
        SigV4Signer.CanonicalUri(raw).Should().Be(expected);

    [Fact]
    public void Canonical_query_sorts_and_reencodes_with_percent_twenty_for_spaces() =>
        SigV4Signer.CanonicalQueryString("b=2&a=x%20y&a=%7e&c", false).Should().Be("a=x%20y&a=~&b=2&c=");

    /// <summary>The signature and the parameters share one decoder: a raw '+' is a space in both (SDKs send a plus as %2B).</summary>
    [Fact]
    public void Canonical_query_decodes_plus_as_a_space_like_the_parameters()
    {
        SigV4Signer.CanonicalQueryString("a=x+y&b=x%2By", false).Should().Be("a=x%20y&b=x%2By");
        var parameters = Emulator.Server.Protocol.QueryParameters.Parse("a=x+y&b=x%2By");
        parameters["a"].Should().Be("x y");
        parameters["b"].Should().Be("x+y");
    }
}
