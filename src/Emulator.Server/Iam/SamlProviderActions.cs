using Emulator.Core.Iam;
using Emulator.Server.Pipeline;
using static Emulator.Server.Iam.IamActions;

namespace Emulator.Server.Iam;

/// <summary>Action-table entries for IAM SAML identity providers.</summary>
public static class SamlProviderActions
{
    public static IEnumerable<AwsOperation> All(IamService iam)
    {
        var providers = iam.SamlProviders;
        yield return Op("CreateSAMLProvider", c => c["Name"] is { } name ? c.IamArn($"saml-provider/{name}") : "*", (c, w) =>
        {
            var provider = providers.Create(c.AccountId, c["Name"], c["SAMLMetadataDocument"], c.Parameters.Tags(), c["AssertionEncryptionMode"], c["AddPrivateKey"]);
            w.Value("SAMLProviderArn", provider.Arn);
            IamXml.Tags(w, provider.Tags, omitWhenEmpty: true);
        });
        yield return Op("GetSAMLProvider", IamResources.SamlProvider, (c, w) =>
        {
            var provider = providers.Get(c.AccountId, c["SAMLProviderArn"]);
            w.Value("SAMLMetadataDocument", provider.MetadataDocument).Value("CreateDate", provider.CreateDate).Value("ValidUntil", provider.ValidUntil)
                .Value("AssertionEncryptionMode", provider.AssertionEncryptionMode);
            IamXml.Tags(w, provider.Tags);
        });
        yield return Op("ListSAMLProviders", AwsOperation.Everything, (c, w) =>
            w.List("SAMLProviderList", providers.List(c.AccountId), (p, provider) =>
                p.Value("Arn", provider.Arn).Value("ValidUntil", provider.ValidUntil).Value("CreateDate", provider.CreateDate)));
        yield return Op("UpdateSAMLProvider", IamResources.SamlProvider, (c, w) =>
        {
            var provider = providers.Update(c.AccountId, c["SAMLProviderArn"], c["SAMLMetadataDocument"], c["AssertionEncryptionMode"],
                c["AddPrivateKey"], c["RemovePrivateKey"]);
            w.Value("SAMLProviderArn", provider.Arn);
        });
        yield return Op("DeleteSAMLProvider", IamResources.SamlProvider, (c, w) =>
            providers.Delete(c.AccountId, c["SAMLProviderArn"]));
        yield return Op("TagSAMLProvider", IamResources.SamlProvider, (c, w) =>
            providers.Tag(c.AccountId, c["SAMLProviderArn"], c.Parameters.Tags()));
        yield return Op("UntagSAMLProvider", IamResources.SamlProvider, (c, w) =>
            providers.Untag(c.AccountId, c["SAMLProviderArn"], c.Parameters.List("TagKeys")));
        yield return Op("ListSAMLProviderTags", IamResources.SamlProvider, (c, w) =>
        {
            IamXml.Tags(w, providers.Get(c.AccountId, c["SAMLProviderArn"]).Tags);
            w.Value("IsTruncated", false);
        });
    }
}
