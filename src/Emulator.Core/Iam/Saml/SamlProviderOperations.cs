using Emulator.Core.Errors;
using Emulator.Core.Iam.Tags;
using Emulator.Core.Iam.Validation;
using Emulator.Core.Saml;
using Emulator.Core.Store;

namespace Emulator.Core.Iam.Saml;

/// <summary>IAM SAML identity providers (the trust anchors of AssumeRoleWithSAML).</summary>
public sealed class SamlProviderOperations(IamContext context)
{
    public const int MinMetadataLength = 1000;
    public const int MaxMetadataLength = 10_000_000;

    private static readonly ModelPattern ProviderName = new(@"[\w._-]+");

    public SamlProvider Create(string accountId, string? name, string? metadata, IReadOnlyList<Tag> tags, string? encryptionMode, string? addPrivateKey)
    {
        var validator = new ParameterValidator()
            .Required("sAMLMetadataDocument", metadata).Length("sAMLMetadataDocument", metadata, MinMetadataLength, MaxMetadataLength)
            .Required("name", name).Length("name", name, 1, 128).Pattern("name", name, ProviderName)
            .OneOf("assertionEncryptionMode", encryptionMode, "Required", "Allowed");
        validator.ThrowIfInvalid();
        TagRules.Validate(validator, tags, caseInsensitiveKeys: true);
        RefuseEncryption(encryptionMode, addPrivateKey, null);
        var parsed = Parse(metadata!);
        return context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var now = context.Now();
            var provider = new SamlProvider(accountId, name!, metadata!, parsed.EntityId, [.. parsed.SigningCertificates], now,
                parsed.ValidUntil ?? DefaultValidUntil(now), encryptionMode, [.. tags]) { Partition = account.Partition };
            if (account.SamlProviders.ContainsKey(provider.Arn))
            {
                throw IamErrors.EntityAlreadyExists($"Provider with name {name} already exists.");
            }

            if (account.SamlProviders.Count >= context.Quotas.SAMLProvidersPerAccount)
            {
                throw IamErrors.LimitExceeded($"Cannot exceed quota for SAMLProvidersPerAccount: {context.Quotas.SAMLProvidersPerAccount}");
            }

            return account.SamlProviders[provider.Arn] = provider;
        });
    }

    public SamlProvider Get(string accountId, string? arn)
    {
        new ParameterValidator().Arn("sAMLProviderArn", arn).ThrowIfInvalid();
        return context.Store.Read(state => Find(IamRules.Account(state, accountId), arn!));
    }

    public IReadOnlyList<SamlProvider> List(string accountId) =>
        context.Store.Read(state => IamRules.Account(state, accountId).SamlProviders.Values
            .OrderBy(p => p.Arn, StringComparer.Ordinal).ToList());

    public void Delete(string accountId, string? arn)
    {
        new ParameterValidator().Arn("sAMLProviderArn", arn).ThrowIfInvalid();
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            return account.SamlProviders.Remove(Find(account, arn!).Arn);
        });
    }

    /// <summary>UpdateSAMLProvider: new metadata (read again, as on create) and/or the assertion encryption mode.</summary>
    public SamlProvider Update(string accountId, string? arn, string? metadata, string? encryptionMode, string? addPrivateKey, string? removePrivateKey)
    {
        new ParameterValidator().Arn("sAMLProviderArn", arn)
            .Length("sAMLMetadataDocument", metadata, MinMetadataLength, MaxMetadataLength)
            .OneOf("assertionEncryptionMode", encryptionMode, "Required", "Allowed")
            .ThrowIfInvalid();
        if (metadata is null && encryptionMode is null && addPrivateKey is null && removePrivateKey is null)
        {
            throw IamErrors.InvalidInput("Unable to update identity provider. No updates are defined for metadata or encryption assertion.");
        }

        RefuseEncryption(encryptionMode, addPrivateKey, removePrivateKey);
        var parsed = metadata is null ? null : Parse(metadata);
        return Change(accountId, arn!, p =>
        {
            var updated = parsed is null ? p : p with
            {
                MetadataDocument = metadata!,
                EntityId = parsed.EntityId,
                SigningCertificates = [.. parsed.SigningCertificates],
                ValidUntil = parsed.ValidUntil ?? DefaultValidUntil(context.Now()),
            };
            return encryptionMode is null ? updated : updated with { AssertionEncryptionMode = encryptionMode };
        });
    }

    public void Tag(string accountId, string? arn, IReadOnlyList<Tag> tags)
    {
        var validator = new ParameterValidator().Arn("sAMLProviderArn", arn);
        validator.ThrowIfInvalid();
        TagRules.Validate(validator, tags, caseInsensitiveKeys: true);
        Change(accountId, arn!, p => p with { Tags = TagRules.Apply(p.Tags, tags, caseInsensitiveKeys: true) });
    }

    public void Untag(string accountId, string? arn, IReadOnlyList<string> tagKeys)
    {
        var validator = new ParameterValidator().Arn("sAMLProviderArn", arn);
        TagRules.ValidateKeys(validator, tagKeys);
        validator.ThrowIfInvalid();
        Change(accountId, arn!, p => p with { Tags = TagRules.Remove(p.Tags, tagKeys, caseInsensitiveKeys: true) });
    }

    /// <summary>IAM names a provider it cannot find by its ARN, calling it a manifest.</summary>
    public static SamlProvider Find(AccountState account, string arn) =>
        account.SamlProviders.TryGetValue(arn, out var provider)
            ? provider
            : throw IamErrors.NoSuchEntity($"Manifest not found for arn {arn}");

    /// <summary>The provider an ARN names in this emulator (any account), or null.</summary>
    public static SamlProvider? Find(EmulatorState state, string arn)
    {
        return Emulator.Policy.Arn.TryParse(arn, out var parsed) && state.Accounts.TryGetValue(parsed.Account, out var account)
            ? account.SamlProviders.GetValueOrDefault(arn)
            : null;
    }

    private static SamlMetadata Parse(string metadata) =>
        SamlMetadata.Parse(metadata) ?? throw IamErrors.InvalidInput("Could not parse metadata");

    /// <summary>Metadata without validUntil: IAM keeps the provider valid for 100 years from the upload.</summary>
    private static DateTimeOffset DefaultValidUntil(DateTimeOffset now) => now.AddYears(100);

    /// <summary>
    /// Encrypted assertions need the provider's private keys, which this emulator does not keep:
    /// such requests are refused rather than accepted and then silently not honoured.
    /// </summary>
    private static void RefuseEncryption(string? encryptionMode, string? addPrivateKey, string? removePrivateKey)
    {
        if (encryptionMode == "Required" && addPrivateKey is null)
        {
            throw IamErrors.InvalidInput("Unable to set assertion encryption mode to Required because no private key is provided.");
        }

        if (addPrivateKey is not null && removePrivateKey is not null)
        {
            throw IamErrors.InvalidInput("Unable to add and remove private keys in the same request. Set a value for only one of the two parameters.");
        }

        if (addPrivateKey is not null || removePrivateKey is not null)
        {
            throw IamErrors.InvalidInput("The emulator does not decrypt SAML assertions: AddPrivateKey and RemovePrivateKey are not supported.");
        }
    }

    private SamlProvider Change(string accountId, string arn, Func<SamlProvider, SamlProvider> change) =>
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var updated = change(Find(account, arn));
            return account.SamlProviders[updated.Arn] = updated;
        });
}
