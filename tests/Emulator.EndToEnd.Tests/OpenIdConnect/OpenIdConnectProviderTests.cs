using Emulator.EndToEnd.Tests.Infrastructure;

namespace Emulator.EndToEnd.Tests.OpenIdConnect;

/// <summary>OIDC providers through boto3: created from an https URL, stored and named without the scheme.</summary>
[Collection(Boto3WorkflowCollection.Name)]
public sealed class OpenIdConnectProviderTests(DefaultEmulator emulator)
{
    [Fact]
    public async Task An_OIDC_provider_is_stored_without_https_gains_client_ids_and_is_gone_after_delete()
    {
        var host = $"{UniqueName.For("oidc")}.example.com";
        var result = (await emulator.Boto3().RunAsync("""
            url = "https://" + arg("HOST") + "/issuer"
            arn = iam.create_open_id_connect_provider(Url=url, ClientIDList=["sts.amazonaws.com"], ThumbprintList=["9e99a48a9960b14926bb7f3b02e22da2b0ab7280"])["OpenIDConnectProviderArn"]
            fetched = iam.get_open_id_connect_provider(OpenIDConnectProviderArn=arn)
            iam.add_client_id_to_open_id_connect_provider(OpenIDConnectProviderArn=arn, ClientID="my-app")
            with_client = iam.get_open_id_connect_provider(OpenIDConnectProviderArn=arn)
            listed = [p["Arn"] for p in iam.list_open_id_connect_providers()["OpenIDConnectProviderList"]]
            duplicate = error_of(iam.create_open_id_connect_provider, Url=url, ClientIDList=["x"], ThumbprintList=["9e99a48a9960b14926bb7f3b02e22da2b0ab7280"])
            no_scheme = error_of(iam.create_open_id_connect_provider, Url=arg("HOST") + "/other", ClientIDList=["x"], ThumbprintList=["9e99a48a9960b14926bb7f3b02e22da2b0ab7280"])
            iam.delete_open_id_connect_provider(OpenIDConnectProviderArn=arn)
            emit({
                "arn": arn, "fetched": fetched, "withClient": with_client, "listed": listed,
                "duplicate": duplicate, "noScheme": no_scheme,
                "afterDelete": error_of(iam.get_open_id_connect_provider, OpenIDConnectProviderArn=arn),
            })
            """, new Dictionary<string, string> { ["HOST"] = host })).ShouldSucceed().Json;

        var arn = result.Text("arn");
        arn.Should().Be($"arn:aws:iam::123456789012:oidc-provider/{host}/issuer");
        result.Text("fetched", "Url").Should().Be($"{host}/issuer", "IAM stores the URL without https://");
        result.Items("fetched", "ClientIDList").Select(c => c.GetString()).Should().Equal("sts.amazonaws.com");
        result.Items("fetched", "ThumbprintList").Select(t => t.GetString()).Should().Equal("9e99a48a9960b14926bb7f3b02e22da2b0ab7280");
        result.Items("withClient", "ClientIDList").Select(c => c.GetString()).Should().BeEquivalentTo("sts.amazonaws.com", "my-app");
        result.Items("listed").Select(a => a.GetString()).Should().Contain(arn);
        result.Text("duplicate", "Code").Should().Be("EntityAlreadyExists");
        result.Text("duplicate", "Message").Should().Be($"Provider with url https://{host}/issuer already exists.");
        result.Text("noScheme", "Code").Should().Be("ValidationError");
        result.Text("noScheme", "Message").Should().Be("Invalid Open ID Connect Provider URL");
        result.Text("afterDelete", "Code").Should().Be("NoSuchEntity");
        result.Text("afterDelete", "Message").Should().Be($"OpenIDConnect Provider not found for arn {arn}");
    }
}
