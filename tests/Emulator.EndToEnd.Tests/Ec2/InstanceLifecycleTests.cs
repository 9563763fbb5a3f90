using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Ec2;

/// <summary>Instances through the AWS CLI and boto3: state transitions, filters, pagination, tags, metadata options and EC2's errors.</summary>
[Collection(Ec2EmulatorCollection.Name)]
public sealed class InstanceLifecycleTests(Ec2Emulator emulator)
{
    private AwsCli Cli => emulator.Cli(Ec2Emulator.Root);

    [Fact]
    public async Task Stop_start_and_terminate_report_previous_and_current_states()
    {
        var id = (await Cli.RunAsync("ec2", "run-instances", "--image-id", "ami-1", "--count", "1")).ShouldSucceed().Json.Text("Instances", 0, "InstanceId");

        var stopped = (await Cli.RunAsync("ec2", "stop-instances", "--instance-ids", id)).ShouldSucceed().Json.At("StoppingInstances", 0);
        var stateAfterStop = (await Cli.RunAsync("ec2", "describe-instances", "--instance-ids", id)).ShouldSucceed().Json.At("Reservations", 0, "Instances", 0);
        var started = (await Cli.RunAsync("ec2", "start-instances", "--instance-ids", id)).ShouldSucceed().Json.At("StartingInstances", 0);
        var terminated = (await Cli.RunAsync("ec2", "terminate-instances", "--instance-ids", id)).ShouldSucceed().Json.At("TerminatingInstances", 0);
        var again = (await Cli.RunAsync("ec2", "terminate-instances", "--instance-ids", id)).ShouldSucceed().Json.At("TerminatingInstances", 0);
        var startTerminated = (await Cli.RunAsync("ec2", "start-instances", "--instance-ids", id)).ShouldFailWith("IncorrectInstanceState");

        stopped.Text("PreviousState", "Name").Should().Be("running");
        stopped.Text("CurrentState", "Name").Should().Be("stopping");
        stateAfterStop.Text("State", "Name").Should().Be("stopped");
        stateAfterStop.At("State", "Code").GetInt32().Should().Be(80);
        stateAfterStop.Text("StateReason", "Code").Should().Be("Client.UserInitiatedShutdown");
        started.Text("PreviousState", "Name").Should().Be("stopped");
        started.Text("CurrentState", "Name").Should().Be("pending");
        terminated.Text("PreviousState", "Name").Should().Be("running");
        terminated.Text("CurrentState", "Name").Should().Be("shutting-down");
        again.Text("PreviousState", "Name").Should().Be("terminated");
        again.Text("CurrentState", "Name").Should().Be("terminated");
        again.At("CurrentState", "Code").GetInt32().Should().Be(48);
        startTerminated.Message.Should().Be($"The instance '{id}' is not in a state from which it can be started.");
    }

    [Fact]
    public async Task Describe_filters_by_state_tag_profile_and_address()
    {
        var launched = (await Cli.RunAsync("ec2", "run-instances", "--image-id", "ami-1", "--count", "2", "--iam-instance-profile", "Name=abcd-profile",
            "--tag-specifications", "ResourceType=instance,Tags=[{Key=team,Value=filters}]")).ShouldSucceed().Json;
        var ids = launched.Items("Instances").Select(i => i.Text("InstanceId")).ToList();
        var address = launched.Text("Instances", 1, "PrivateIpAddress");
        (await Cli.RunAsync("ec2", "stop-instances", "--instance-ids", ids[0])).ShouldSucceed();

        async Task<List<string>> Matching(params string[] filters) =>
            (await Cli.RunAsync(["ec2", "describe-instances", "--filters", .. filters, "--query", "Reservations[].Instances[].InstanceId"])).ShouldSucceed().Json
                .EnumerateArray().Select(e => e.GetString()!).ToList();

        (await Matching("Name=tag:team,Values=filters")).Should().BeEquivalentTo(ids);
        (await Matching("Name=tag:team,Values=filters", "Name=instance-state-name,Values=running")).Should().Equal(ids[1]);
        (await Matching("Name=tag:team,Values=filters", "Name=instance-state-name,Values=stopped")).Should().Equal(ids[0]);
        (await Matching("Name=private-ip-address,Values=" + address)).Should().Equal(ids[1]);
        (await Matching("Name=tag:team,Values=filt*", "Name=iam-instance-profile.arn,Values=arn:aws:iam::111111111111:instance-profile/abcd-profile")).Should().BeEquivalentTo(ids);
        (await Matching("Name=instance-id,Values=" + ids[1])).Should().Equal(ids[1]);
        (await Matching("Name=tag:team,Values=nobody")).Should().BeEmpty();
        launched.Items("Instances").Select(i => i.Text("Tags", 0, "Value")).Should().AllBe("filters");
    }

    [Fact]
    public async Task Boto3_pages_through_instances_with_MaxResults_and_NextToken()
    {
        var result = (await emulator.Boto3(Ec2Emulator.Root).RunAsync("""
            ec2 = client("ec2")
            ec2.run_instances(ImageId="ami-1", MinCount=7, MaxCount=7, TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "batch", "Value": "paging"}]}])
            pages, token, seen = 0, None, []
            while True:
                kwargs = {"Filters": [{"Name": "tag:batch", "Values": ["paging"]}], "MaxResults": 5}
                if token:
                    kwargs["NextToken"] = token
                page = ec2.describe_instances(**kwargs)
                pages += 1
                seen += [i["InstanceId"] for r in page["Reservations"] for i in r["Instances"]]
                token = page.get("NextToken")
                if not token:
                    break
            emit({"pages": pages, "seen": len(seen), "distinct": len(set(seen)),
                  "small": error_of(ec2.describe_instances, MaxResults=4),
                  "combined": error_of(ec2.describe_instances, MaxResults=5, InstanceIds=[seen[0]]),
                  "token": error_of(ec2.describe_instances, MaxResults=5, NextToken="garbage")})
            """)).ShouldSucceed().Json;

        result.At("pages").GetInt32().Should().Be(2);
        result.At("seen").GetInt32().Should().Be(7);
        result.At("distinct").GetInt32().Should().Be(7);
        result.Text("small", "Code").Should().Be("InvalidParameterValue");
        result.Text("combined", "Code").Should().Be("InvalidParameterCombination");
        result.Text("token", "Code").Should().Be("InvalidPaginationToken");
    }

    [Fact]
    public async Task Tags_are_created_described_and_deleted()
    {
        var id = (await Cli.RunAsync("ec2", "run-instances", "--image-id", "ami-1")).ShouldSucceed().Json.Text("Instances", 0, "InstanceId");

        (await Cli.RunAsync("ec2", "create-tags", "--resources", id, "--tags", "Key=Name,Value=web", "Key=env,Value=test")).ShouldSucceed();
        var described = (await Cli.RunAsync("ec2", "describe-tags", "--filters", $"Name=resource-id,Values={id}")).ShouldSucceed().Json;
        (await Cli.RunAsync("ec2", "delete-tags", "--resources", id, "--tags", "Key=env,Value=other", "Key=Name")).ShouldSucceed();
        var after = (await Cli.RunAsync("ec2", "describe-instances", "--instance-ids", id)).ShouldSucceed().Json.At("Reservations", 0, "Instances", 0);

        described.Items("Tags").Select(t => (t.Text("Key"), t.Text("Value"), t.Text("ResourceType"))).Should().Equal(("Name", "web", "instance"), ("env", "test", "instance"));
        after.Items("Tags").Select(t => (t.Text("Key"), t.Text("Value"))).Should().Equal(("env", "test"));
    }

    [Fact]
    public async Task Metadata_options_come_from_the_launch_then_the_account_defaults_and_modify_answers_pending()
    {
        var strict = (await Cli.RunAsync("ec2", "run-instances", "--image-id", "ami-1", "--metadata-options", "HttpTokens=required,HttpPutResponseHopLimit=2,InstanceMetadataTags=enabled"))
            .ShouldSucceed().Json.At("Instances", 0);
        var id = strict.Text("InstanceId");
        var modified = (await Cli.RunAsync("ec2", "modify-instance-metadata-options", "--instance-id", id, "--http-tokens", "optional", "--http-endpoint", "disabled"))
            .ShouldSucceed().Json;
        var described = (await Cli.RunAsync("ec2", "describe-instances", "--instance-ids", id)).ShouldSucceed().Json.At("Reservations", 0, "Instances", 0, "MetadataOptions");
        var badHops = (await Cli.RunAsync("ec2", "modify-instance-metadata-options", "--instance-id", id, "--http-put-response-hop-limit", "65")).ShouldFailWith("InvalidParameterValue");

        strict.Text("MetadataOptions", "HttpTokens").Should().Be("required");
        strict.At("MetadataOptions", "HttpPutResponseHopLimit").GetInt32().Should().Be(2);
        modified.Text("InstanceId").Should().Be(id);
        modified.Text("InstanceMetadataOptions", "State").Should().Be("pending");
        modified.Text("InstanceMetadataOptions", "HttpTokens").Should().Be("optional");
        modified.Text("InstanceMetadataOptions", "HttpEndpoint").Should().Be("disabled");
        modified.At("InstanceMetadataOptions", "HttpPutResponseHopLimit").GetInt32().Should().Be(2);
        described.Text("State").Should().Be("applied");
        described.Text("InstanceMetadataTags").Should().Be("enabled");
        badHops.Message.Should().Contain("65");
    }

    [Fact]
    public async Task Account_metadata_defaults_apply_to_later_launches_and_enforcement_refuses_optional_tokens()
    {
        var cli = emulator.Cli(Ec2Emulator.Root);
        var region = new[] { "--region", "eu-west-3" };

        var initial = (await cli.RunAsync(["ec2", "get-instance-metadata-defaults", .. region])).ShouldSucceed().Json;
        (await cli.RunAsync(["ec2", "modify-instance-metadata-defaults", "--http-tokens", "required", "--http-put-response-hop-limit", "3", .. region])).ShouldSucceed();
        var set = (await cli.RunAsync(["ec2", "get-instance-metadata-defaults", .. region])).ShouldSucceed().Json;
        var launched = (await cli.RunAsync(["ec2", "run-instances", "--image-id", "ami-1", .. region])).ShouldSucceed().Json.At("Instances", 0, "MetadataOptions");
        (await cli.RunAsync(["ec2", "modify-instance-metadata-defaults", "--http-tokens-enforced", "enabled", "--http-tokens", "no-preference", .. region])).ShouldSucceed();
        var refused = (await cli.RunAsync(["ec2", "run-instances", "--image-id", "ami-1", .. region])).ShouldFailWith("InvalidParameterValue");
        var required = (await cli.RunAsync(["ec2", "run-instances", "--image-id", "ami-1", "--metadata-options", "HttpTokens=required", .. region])).ShouldSucceed();
        (await cli.RunAsync(["ec2", "modify-instance-metadata-defaults", "--http-tokens-enforced", "no-preference", "--http-put-response-hop-limit", "-1", .. region])).ShouldSucceed();
        var cleared = (await cli.RunAsync(["ec2", "get-instance-metadata-defaults", .. region])).ShouldSucceed().Json;

        initial.At("AccountLevel").SameJsonAs("""{"ManagedBy":"account"}""").Should().BeTrue(initial.ToString());
        set.Text("AccountLevel", "HttpTokens").Should().Be("required");
        set.At("AccountLevel", "HttpPutResponseHopLimit").GetInt32().Should().Be(3);
        launched.Text("HttpTokens").Should().Be("required");
        launched.At("HttpPutResponseHopLimit").GetInt32().Should().Be(3);
        refused.Message.Should().Contain("HttpTokens");
        required.ExitCode.Should().Be(0);
        cleared.At("AccountLevel").SameJsonAs("""{"ManagedBy":"account"}""").Should().BeTrue(cleared.ToString());
    }

    [Fact]
    public async Task EC2s_errors_for_bad_ids_unknown_actions_and_bad_credentials()
    {
        var malformed = (await Cli.RunAsync("ec2", "describe-instances", "--instance-ids", "xyz")).ShouldFailWith("InvalidInstanceID.Malformed");
        var missing = (await Cli.RunAsync("ec2", "terminate-instances", "--instance-ids", "i-0123456789abcdef0", "i-0123456789abcdef1")).ShouldFailWith("InvalidInstanceID.NotFound");
        var unknown = (await Cli.RunAsync("ec2", "create-key-pair", "--key-name", "k")).ShouldFailWith("InvalidAction");
        var badSecret = (await emulator.Cli(Ec2Emulator.Root.WithSecret("wrong")).RunAsync("ec2", "describe-instances")).ShouldFailWith("AuthFailure");

        malformed.Message.Should().Be("Invalid id: \"xyz\"");
        missing.Message.Should().Be("The instance IDs 'i-0123456789abcdef0, i-0123456789abcdef1' do not exist");
        unknown.Message.Should().Be("The action CreateKeyPair is not valid for this web service.");
        badSecret.Message.Should().Be("AWS was not able to validate the provided access credentials");
    }

    [Fact]
    public async Task Instances_live_per_account_and_region()
    {
        var id = (await Cli.RunAsync("ec2", "run-instances", "--image-id", "ami-1", "--region", "ap-south-1")).ShouldSucceed().Json.Text("Instances", 0, "InstanceId");

        var otherRegion = (await Cli.RunAsync("ec2", "describe-instances", "--instance-ids", id, "--region", "us-west-2")).ShouldFailWith("InvalidInstanceID.NotFound");
        var otherAccount = (await emulator.Cli(new AwsCredentials("AKIABBBBBBBBBBBBBBB2", "secret-two")).RunAsync("ec2", "describe-instances", "--instance-ids", id, "--region", "ap-south-1"))
            .ShouldFailWith("InvalidInstanceID.NotFound");
        var own = (await Cli.RunAsync("ec2", "describe-instances", "--instance-ids", id, "--region", "ap-south-1")).ShouldSucceed().Json;

        otherRegion.Message.Should().Be($"The instance ID '{id}' does not exist");
        otherAccount.Message.Should().Be($"The instance ID '{id}' does not exist");
        own.Text("Reservations", 0, "Instances", 0, "Placement", "AvailabilityZone").Should().Be("ap-south-1a");
    }
}
