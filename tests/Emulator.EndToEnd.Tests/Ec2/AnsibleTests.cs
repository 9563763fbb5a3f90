using System.Text.Json;
using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Ec2;

/// <summary>
/// Ansible's amazon.aws.ec2_instance (Debian's ansible package, boto3 from Debian's python3) against the emulator: it
/// finds the default VPC and subnet, launches with an instance profile and waits, tags, replaces the profile and
/// terminates, as a playbook run against AWS would.
/// </summary>
[Collection(Ec2EmulatorCollection.Name)]
public sealed class AnsibleTests(Ec2Emulator emulator)
{
    private const string Playbook = """
        - hosts: localhost
          connection: local
          gather_facts: false
          vars:
            ansible_python_interpreter: /usr/bin/python3
          module_defaults:
            group/amazon.aws.aws:
              endpoint_url: "{{ lookup('env', 'EMULATOR_URL') }}"
              aws_access_key: "{{ lookup('env', 'AWS_ACCESS_KEY_ID') }}"
              aws_secret_key: "{{ lookup('env', 'AWS_SECRET_ACCESS_KEY') }}"
              region: us-east-1
          tasks:
            - name: Launch with an instance profile
              amazon.aws.ec2_instance:
                name: "{{ lookup('env', 'INSTANCE_NAME') }}"
                image_id: ami-0123456789abcdef0
                instance_type: t3.micro
                iam_instance_profile: "{{ lookup('env', 'FIRST_PROFILE') }}"
                tags:
                  team: ansible
                wait: true
                state: running
              register: launched
            - name: Tag it and change its profile
              amazon.aws.ec2_instance:
                instance_ids: "{{ launched.instance_ids }}"
                iam_instance_profile: "{{ lookup('env', 'SECOND_PROFILE') }}"
                tags:
                  stage: tagged
                purge_tags: false
                state: running
              register: changed
            - name: Terminate it
              amazon.aws.ec2_instance:
                instance_ids: "{{ launched.instance_ids }}"
                state: terminated
                wait: true
              register: terminated
            - name: Keep the results
              ansible.builtin.copy:
                dest: "{{ lookup('env', 'RESULT_FILE') }}"
                content: "{{ {'launched': launched, 'changed': changed, 'terminated': terminated} | to_json }}"
        """;

    [Fact]
    public async Task Ec2_instance_launches_tags_reprofiles_and_terminates_an_instance()
    {
        var cli = emulator.Cli(Ec2Emulator.Root);
        var first = await CreateProfileAsync(cli, "ansible-web");
        var second = await CreateProfileAsync(cli, "ansible-batch");
        var name = UniqueName.For("ansible");
        using var scratch = new ScratchDirectory();
        var playbook = scratch.Write("playbook.yml", Playbook);
        var resultFile = Path.Combine(scratch.Path, "result.json");

        var run = await ProcessRunner.RunAsync("ansible-playbook", ["-i", "localhost,", playbook], environment =>
        {
            IsolatedAwsEnvironment.Apply(environment, Ec2Emulator.Root, emulator.Url);
            environment["INSTANCE_NAME"] = name;
            environment["FIRST_PROFILE"] = first;
            environment["SECOND_PROFILE"] = second;
            environment["RESULT_FILE"] = resultFile;
            environment["ANSIBLE_LOCAL_TEMP"] = Path.Combine(scratch.Path, "tmp");
            environment["ANSIBLE_HOME"] = Path.Combine(scratch.Path, "ansible");
        }, scratch.Path, TimeSpan.FromMinutes(5));

        run.ExitCode.Should().Be(0, "the playbook should run.\n{0}", run.Describe());
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(resultFile));
        var results = document.RootElement;
        var id = results.Text("launched", "instance_ids", 0);
        var launched = results.At("launched", "instances", 0);
        var changed = results.At("changed", "instances", 0);
        var described = (await cli.RunAsync("ec2", "describe-instances", "--instance-ids", id)).ShouldSucceed().Json.At("Reservations", 0, "Instances", 0);
        var subnets = (await cli.RunAsync("ec2", "describe-subnets", "--filters", "Name=default-for-az,Values=true", "--query", "Subnets[].SubnetId"))
            .ShouldSucceed().Json.EnumerateArray().Select(s => s.GetString()).ToList();

        results.At("launched", "changed").GetBoolean().Should().BeTrue();
        launched.Text("state", "name").Should().Be("running");
        launched.Text("iam_instance_profile", "arn").Should().Be($"arn:aws:iam::{Ec2Emulator.Account}:instance-profile/{first}");
        launched.At("tags").ShouldBeJson($$"""{"Name":"{{name}}","team":"ansible"}""");
        subnets.Should().Contain(launched.Text("subnet_id"));
        results.At("changed", "changed").GetBoolean().Should().BeTrue();
        changed.Text("iam_instance_profile", "arn").Should().Be($"arn:aws:iam::{Ec2Emulator.Account}:instance-profile/{second}");
        changed.At("tags").ShouldBeJson($$"""{"Name":"{{name}}","team":"ansible","stage":"tagged"}""");
        results.At("terminated", "changed").GetBoolean().Should().BeTrue();

        described.Text("State", "Name").Should().Be("terminated");
        described.Has("IamInstanceProfile").Should().BeFalse();
        described.Items("Tags").Select(t => $"{t.Text("Key")}={t.Text("Value")}").Should().BeEquivalentTo($"Name={name}", "team=ansible", "stage=tagged");
    }

    /// <summary>A role EC2 may assume, in an instance profile of the same name plus <c>-profile</c>; returns the profile name.</summary>
    private static async Task<string> CreateProfileAsync(AwsCli cli, string prefix)
    {
        var role = UniqueName.For(prefix);
        (await cli.RunAsync("iam", "create-role", "--role-name", role, "--assume-role-policy-document",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""")).ShouldSucceed();
        (await cli.RunAsync("iam", "create-instance-profile", "--instance-profile-name", role + "-profile")).ShouldSucceed();
        (await cli.RunAsync("iam", "add-role-to-instance-profile", "--instance-profile-name", role + "-profile", "--role-name", role)).ShouldSucceed();
        return role + "-profile";
    }
}
