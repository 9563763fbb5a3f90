using Emulator.Core.Iam;
using Emulator.Server.Hosting;
using Microsoft.Extensions.Configuration;

namespace Emulator.Server.Tests.Iam;

/// <summary>--quota is read at start-up, may be repeated or comma-separated, and a setting it cannot use stops the start.</summary>
public sealed class QuotaOptionsTests
{
    [Fact]
    public void Without_quota_the_options_hold_AWS_defaults()
    {
        var options = FromArguments();

        options.Quotas.Should().Be(IamQuotas.Default);
        options.Quotas.RolesPerAccount.Should().Be(1000);
        options.Quotas.PoliciesPerRole.Should().Be(10);
    }

    [Fact]
    public void Quota_given_several_times_in_every_command_line_form_adds_up()
    {
        string[] args = ["--quota", "RolesPerAccount=3", "--auth", "lenient", "--quota=PoliciesPerRole=20,UsersPerAccount=7", "/quota", "GroupsPerUser=12", "quota=ACLSizePerRole=4096"];

        CommandLine.Validate(args);
        var options = FromArguments(args);

        options.Quotas.Should().Be(IamQuotas.Default with
        {
            RolesPerAccount = 3, PoliciesPerRole = 20, UsersPerAccount = 7, GroupsPerUser = 12, ACLSizePerRole = 4096,
        });
        options.Authentication.Should().Be(Emulator.Server.Authentication.AuthenticationMode.Lenient);
        CommandLine.Options.Should().Contain(("quota", "NAME=VALUE,..."));
    }

    [Fact]
    public void Quota_is_read_from_configuration_like_the_other_options()
    {
        var options = EmulatorOptions.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>("quota", "RolesPerAccount=10000, PoliciesPerRole=20")])
            .Build());

        options.Quotas.Should().Be(IamQuotas.Default with { RolesPerAccount = 10000, PoliciesPerRole = 20 });
    }

    [Theory]
    [InlineData("RolesPerAccount=0", "--quota: RolesPerAccount must be a whole number from 1 to 2147483647, not '0'.")]
    [InlineData("RolesPerAccount=-1", "--quota: RolesPerAccount must be a whole number from 1 to 2147483647, not '-1'.")]
    [InlineData("RolesPerAccount=lots", "--quota: RolesPerAccount must be a whole number from 1 to 2147483647, not 'lots'.")]
    [InlineData("RolesPerAccount=2.5", "--quota: RolesPerAccount must be a whole number from 1 to 2147483647, not '2.5'.")]
    public void A_value_that_is_not_a_positive_whole_number_stops_the_start(string setting, string message)
    {
        var read = () => FromArguments("--quota", setting);

        read.Should().Throw<ArgumentException>().WithMessage(message);
    }

    [Theory]
    [InlineData("RolesPerAcount=10", "--quota: 'RolesPerAcount' is not a quota. Quotas (with AWS's defaults): UsersPerAccount=5000, ")]
    [InlineData("RolesPerAccount", "--quota: 'RolesPerAccount' is not NAME=VALUE (e.g. RolesPerAccount=10000). Quotas (with AWS's defaults): UsersPerAccount=5000, ")]
    public void An_unknown_name_or_a_missing_value_stops_the_start_listing_the_valid_quotas(string setting, string start)
    {
        var read = () => FromArguments("--quota", setting);

        var message = read.Should().Throw<ArgumentException>().Which.Message;
        message.Should().StartWith(start).And.Contain("RolesPerAccount=1000").And.Contain("PoliciesPerRole=10").And.EndWith("ACLSizePerRole=2048.");
    }

    [Fact]
    public void The_same_quota_in_two_repetitions_stops_the_start()
    {
        var read = () => FromArguments("--quota", "RolesPerAccount=10", "--quota", "rolesperaccount=20");

        read.Should().Throw<ArgumentException>().WithMessage("--quota: RolesPerAccount is given more than once.");
    }

    private static EmulatorOptions FromArguments(params string[] args) =>
        EmulatorOptions.FromConfiguration(new ConfigurationBuilder().AddCommandLine(CommandLine.JoinRepeated(args)).Build());
}
