using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.Authentication;

/// <summary>The default (strict) server verifies every SigV4 signature against the key's secret.</summary>
[Collection(CliWorkflowCollection.Name)]
public sealed class StrictSignatureTests(DefaultEmulator emulator)
{
    [Fact]
    public async Task The_right_key_id_with_a_wrong_secret_is_SignatureDoesNotMatch()
    {
        var aws = emulator.Cli(AwsCredentials.DefaultRoot.WithSecret("wJalrXUtnFEMI/K7MDENG/bPxRfiCYWRONGSECRET"));

        var error = (await aws.RunAsync("iam", "list-roles")).ShouldFailWith("SignatureDoesNotMatch");

        error.Operation.Should().Be("ListRoles");
        error.Message.Should().StartWith("The request signature we calculated does not match the signature you provided.");
    }

    [Fact]
    public async Task An_unknown_key_id_is_InvalidClientTokenId()
    {
        var aws = emulator.Cli(new AwsCredentials("AKIAUNKNOWNKEY000000", "any-secret"));

        var error = (await aws.RunAsync("iam", "list-roles")).ShouldFailWith("InvalidClientTokenId");

        error.Message.Should().Be("The security token included in the request is invalid.");
    }
}
