using System.Net;
using System.Xml.Linq;
using Emulator.Server.Tests.Infrastructure;

namespace Emulator.Server.Tests.Ec2;

/// <summary>The EC2 protocol on the wire: envelope, namespace, content type, error shape and the wording of authentication failures.</summary>
public sealed class Ec2ProtocolTests(DefaultEmulator factory) : IClassFixture<DefaultEmulator>
{
    private static readonly XNamespace Ec2 = "http://ec2.amazonaws.com/doc/2016-11-15/";

    private IamTestClient Client => factory.Iam().For("ec2");

    [Fact]
    public async Task An_answer_has_the_versioned_namespace_with_its_slash_and_requestId_first_without_a_result_wrapper()
    {
        var response = await Client.Call("DescribeInstances");

        response.Status.Should().Be(HttpStatusCode.OK);
        var root = response.Xml.Root!;
        root.Name.Should().Be(Ec2 + "DescribeInstancesResponse");
        root.Elements().First().Name.Should().Be(Ec2 + "requestId");
        root.Elements().Select(e => e.Name.LocalName).Should().Equal("requestId", "reservationSet");
        root.Descendants().Should().NotContain(e => e.Name.LocalName == "DescribeInstancesResult" || e.Name.LocalName == "ResponseMetadata");
    }

    [Fact]
    public async Task Lists_are_item_elements_and_times_carry_milliseconds()
    {
        var response = await Client.Call("RunInstances", ("ImageId", "ami-1"), ("MinCount", "2"), ("MaxCount", "2"));

        response.Status.Should().Be(HttpStatusCode.OK);
        var instances = response.Xml.Root!.Element(Ec2 + "instancesSet")!.Elements().ToList();
        instances.Should().HaveCount(2).And.OnlyContain(e => e.Name == Ec2 + "item");
        instances[0].Element(Ec2 + "launchTime")!.Value.Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$");
        instances.Select(i => i.Element(Ec2 + "amiLaunchIndex")!.Value).Should().Equal("0", "1");
    }

    [Fact]
    public async Task Errors_are_Response_Errors_Error_with_an_upper_case_RequestID_matching_the_header()
    {
        var response = await Client.Call("TerminateInstances", ("InstanceId.1", "i-0123456789abcdef0"));

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        var root = response.Xml.Root!;
        root.Name.LocalName.Should().Be("Response");
        root.Name.NamespaceName.Should().BeEmpty();
        root.Elements().Select(e => e.Name.LocalName).Should().Equal("Errors", "RequestID");
        var error = root.Element("Errors")!.Element("Error")!;
        error.Element("Code")!.Value.Should().Be("InvalidInstanceID.NotFound");
        error.Element("Message")!.Value.Should().Be("The instance ID 'i-0123456789abcdef0' does not exist");
        root.Element("RequestID")!.Value.Should().MatchRegex("^[0-9a-f-]{36}$");
    }

    [Fact]
    public async Task An_unsigned_request_is_AuthFailure_in_text_xml_with_the_request_id_of_its_header()
    {
        var http = factory.CreateClient();
        var body = IamTestClient.Form([("Action", "DescribeInstances"), ("Version", "2016-11-15")]);

        using var raw = await http.PostAsync("/", new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        raw.Content.Headers.ContentType!.MediaType.Should().Be("text/xml");
        raw.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var xml = XDocument.Parse(await raw.Content.ReadAsStringAsync());
        xml.Root!.Element("RequestID")!.Value.Should().Be(raw.Headers.GetValues("x-amzn-RequestId").Single());
        xml.Root.Element("Errors")!.Element("Error")!.Element("Code")!.Value.Should().Be("AuthFailure");
    }

    [Fact]
    public async Task A_bad_signature_is_AuthFailure_401()
    {
        var response = await factory.Iam(EmulatorFactory.DefaultKeyId, "wrong").For("ec2").Call("DescribeInstances");

        response.Status.Should().Be(HttpStatusCode.Unauthorized);
        response.ErrorCode.Should().Be("AuthFailure");
        response.ErrorMessage.Should().Be("AWS was not able to validate the provided access credentials");
    }

    [Fact]
    public async Task A_request_signed_twenty_minutes_ago_is_RequestExpired_400()
    {
        var response = await Client.Send("DescribeInstances", [], DateTimeOffset.UtcNow.AddMinutes(-20));

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ErrorCode.Should().Be("RequestExpired");
        response.ErrorMessage.Should().Be("Request has expired.");
    }

    [Fact]
    public async Task An_unsupported_action_is_InvalidAction_not_a_signature_error()
    {
        var response = await Client.Call("CreateVpnGateway", ("Type", "ipsec.1"));

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ErrorCode.Should().Be("InvalidAction");
        response.ErrorMessage.Should().Be("The action CreateVpnGateway is not valid for this web service.");
    }

    [Theory]
    [InlineData("MinCount", "many", "Invalid value 'many' for MinCount. It must be an integer.")]
    [InlineData("DryRun", "perhaps", "Invalid value 'perhaps' for DryRun. It must be a boolean (true or false).")]
    public async Task Values_of_the_wrong_type_are_InvalidParameterValue(string name, string value, string message)
    {
        var parameters = new List<(string, string)> { ("ImageId", "ami-1"), ("MinCount", "1"), ("MaxCount", "1") };
        parameters.RemoveAll(p => p.Item1 == name);
        parameters.Add((name, value));

        var response = await Client.Call("RunInstances", [.. parameters]);

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ErrorCode.Should().Be("InvalidParameterValue");
        response.ErrorMessage.Should().Be(message);
    }

    [Fact]
    public async Task A_missing_count_is_MissingParameter()
    {
        var response = await Client.Call("RunInstances", ("ImageId", "ami-1"), ("MaxCount", "1"));

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ErrorCode.Should().Be("MissingParameter");
        response.ErrorMessage.Should().Be("The request must contain the parameter MinCount");
    }

    [Fact]
    public async Task A_control_character_in_a_value_is_echoed_safely_in_the_error()
    {
        var response = await Client.Call("DescribeInstances", ("InstanceId.1", "i-\u0001bad"));

        response.Status.Should().Be(HttpStatusCode.BadRequest);
        response.ErrorCode.Should().Be("InvalidInstanceID.Malformed");
        response.ErrorMessage.Should().Be("Invalid id: \"i-\\u0001bad\"");
    }
}
