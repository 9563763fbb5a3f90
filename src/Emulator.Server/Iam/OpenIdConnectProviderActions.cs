using Emulator.Core.Iam;
using Emulator.Server.Pipeline;
using static Emulator.Server.Iam.IamActions;

namespace Emulator.Server.Iam;

/// <summary>Action-table entries for IAM OIDC identity providers.</summary>
public static class OpenIdConnectProviderActions
{
    public static IEnumerable<AwsOperation> All(IamService iam)
    {
        var providers = iam.OpenIdConnectProviders;
        yield return Op("CreateOpenIDConnectProvider", c => c["Url"] is { } url ? c.IamArn($"oidc-provider/{StripScheme(url)}") : "*", (c, w) =>
        {
            var provider = providers.Create(c.AccountId, c["Url"], c.Parameters.List("ClientIDList"), c.Parameters.List("ThumbprintList"), c.Parameters.Tags());
            w.Value("OpenIDConnectProviderArn", provider.Arn);
            IamXml.Tags(w, provider.Tags, omitWhenEmpty: true);
        });
        yield return Op("GetOpenIDConnectProvider", IamResources.OpenIdConnectProvider, (c, w) =>
        {
            var provider = providers.Get(c.AccountId, c["OpenIDConnectProviderArn"]);
            w.Value("Url", provider.Url).StringList("ClientIDList", provider.ClientIds).StringList("ThumbprintList", provider.Thumbprints)
                .Value("CreateDate", provider.CreateDate);

            // "The returned list of tags is sorted by tag key" (GetOpenIDConnectProvider's output shape).
            IamXml.Tags(w, provider.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).ToList());
        });
        yield return Op("ListOpenIDConnectProviders", AwsOperation.Everything, (c, w) =>
            w.List("OpenIDConnectProviderList", providers.List(c.AccountId), (p, provider) => p.Value("Arn", provider.Arn)));
        yield return Op("DeleteOpenIDConnectProvider", IamResources.OpenIdConnectProvider, (c, w) =>
            providers.Delete(c.AccountId, c["OpenIDConnectProviderArn"]));
        yield return Op("UpdateOpenIDConnectProviderThumbprint", IamResources.OpenIdConnectProvider, (c, w) =>
            providers.UpdateThumbprints(c.AccountId, c["OpenIDConnectProviderArn"], c.Parameters.List("ThumbprintList")));
        yield return Op("AddClientIDToOpenIDConnectProvider", IamResources.OpenIdConnectProvider, (c, w) =>
            providers.AddClientId(c.AccountId, c["OpenIDConnectProviderArn"], c["ClientID"]));
        yield return Op("RemoveClientIDFromOpenIDConnectProvider", IamResources.OpenIdConnectProvider, (c, w) =>
            providers.RemoveClientId(c.AccountId, c["OpenIDConnectProviderArn"], c["ClientID"]));
        yield return Op("TagOpenIDConnectProvider", IamResources.OpenIdConnectProvider, (c, w) =>
            providers.Tag(c.AccountId, c["OpenIDConnectProviderArn"], c.Parameters.Tags()));
        yield return Op("UntagOpenIDConnectProvider", IamResources.OpenIdConnectProvider, (c, w) =>
            providers.Untag(c.AccountId, c["OpenIDConnectProviderArn"], c.Parameters.List("TagKeys")));
        yield return Op("ListOpenIDConnectProviderTags", IamResources.OpenIdConnectProvider, (c, w) =>
        {
            var page = providers.ListTags(c.AccountId, c["OpenIDConnectProviderArn"], c["Marker"], MaxItems(c));
            IamXml.Tags(w, page.Items);
            IamXml.Paging(w, page);
        });
    }

    private static string StripScheme(string url) =>
        (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? url["https://".Length..] : url).TrimEnd('/');
}
