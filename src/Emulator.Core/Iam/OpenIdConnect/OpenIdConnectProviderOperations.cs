using Emulator.Core.Errors;
using Emulator.Core.Iam.Tags;
using Emulator.Core.Iam.Validation;
using Emulator.Core.Store;

namespace Emulator.Core.Iam.OpenIdConnect;

/// <summary>IAM OIDC identity providers (the trust anchors of AssumeRoleWithWebIdentity).</summary>
public sealed class OpenIdConnectProviderOperations(IamContext context)
{
    public const int MaxThumbprints = 5;

    private static readonly ModelPattern Thumbprint = new("[0-9A-Fa-f]{40}");

    public OpenIdConnectProvider Create(string accountId, string? url, IReadOnlyList<string> clientIds, IReadOnlyList<string> thumbprints, IReadOnlyList<Tag> tags)
    {
        var validator = new ParameterValidator().Required("url", url).Length("url", url, 1, 255);
        ValidateClientIds(validator, clientIds);
        ValidateThumbprints(validator, thumbprints);
        validator.ThrowIfInvalid();
        TagRules.Validate(validator, tags, caseInsensitiveKeys: false);
        var stored = StoredUrl(url!);
        return context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var provider = new OpenIdConnectProvider(accountId, stored, [.. clientIds.Distinct(StringComparer.Ordinal)], [.. thumbprints], context.Now(), [.. tags])
            {
                Partition = account.Partition,
            };
            if (account.OpenIdConnectProviders.ContainsKey(provider.Arn))
            {
                throw IamErrors.EntityAlreadyExists($"Provider with url https://{stored} already exists.");
            }

            if (account.OpenIdConnectProviders.Count >= context.Quotas.OpenIdConnectProvidersPerAccount)
            {
                throw IamErrors.LimitExceeded($"Cannot exceed quota for OpenIdConnectProvidersPerAccount: {context.Quotas.OpenIdConnectProvidersPerAccount}");
            }

            return account.OpenIdConnectProviders[provider.Arn] = provider;
        });
    }

    public OpenIdConnectProvider Get(string accountId, string? arn)
    {
        new ParameterValidator().Arn("openIDConnectProviderArn", arn).ThrowIfInvalid();
        return context.Store.Read(state => Find(IamRules.Account(state, accountId), arn!));
    }

    public Paging.Page<Tag> ListTags(string accountId, string? arn, string? marker, int? maxItems)
    {
        var validator = new ParameterValidator().Arn("openIDConnectProviderArn", arn);
        Paging.Paginator.Validate(validator, marker, maxItems);
        validator.ThrowIfInvalid();
        return Paging.Paginator.Paginate(Get(accountId, arn).Tags, t => t.Key, marker, maxItems);
    }

    public IReadOnlyList<OpenIdConnectProvider> List(string accountId) =>
        context.Store.Read(state => IamRules.Account(state, accountId).OpenIdConnectProviders.Values
            .OrderBy(p => p.Arn, StringComparer.Ordinal).ToList());

    public void Delete(string accountId, string? arn)
    {
        new ParameterValidator().Arn("openIDConnectProviderArn", arn).ThrowIfInvalid();
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            return account.OpenIdConnectProviders.Remove(Find(account, arn!).Arn);
        });
    }

    public void UpdateThumbprints(string accountId, string? arn, IReadOnlyList<string> thumbprints)
    {
        var validator = new ParameterValidator().Arn("openIDConnectProviderArn", arn).Check(thumbprints.Count > 0, "thumbprintList", "Member must not be null");
        ValidateThumbprints(validator, thumbprints);
        validator.ThrowIfInvalid();
        Change(accountId, arn!, p => p with { Thumbprints = [.. thumbprints] });
    }

    public void AddClientId(string accountId, string? arn, string? clientId)
    {
        new ParameterValidator().Arn("openIDConnectProviderArn", arn).Required("clientID", clientId).Length("clientID", clientId, 1, 255).ThrowIfInvalid();
        Change(accountId, arn!, p =>
        {
            if (p.ClientIds.Contains(clientId!))
            {
                return p;
            }

            return p.ClientIds.Count >= context.Quotas.ClientIdsPerOpenIdConnectProvider
                ? throw IamErrors.LimitExceeded($"Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: {context.Quotas.ClientIdsPerOpenIdConnectProvider}")
                : p with { ClientIds = p.ClientIds.Add(clientId!) };
        });
    }

    public void RemoveClientId(string accountId, string? arn, string? clientId)
    {
        new ParameterValidator().Arn("openIDConnectProviderArn", arn).Required("clientID", clientId).Length("clientID", clientId, 1, 255).ThrowIfInvalid();
        Change(accountId, arn!, p => p with { ClientIds = p.ClientIds.Remove(clientId!) });
    }

    public void Tag(string accountId, string? arn, IReadOnlyList<Tag> tags)
    {
        var validator = new ParameterValidator().Arn("openIDConnectProviderArn", arn);
        validator.ThrowIfInvalid();
        TagRules.Validate(validator, tags, caseInsensitiveKeys: false);
        Change(accountId, arn!, p => p with { Tags = TagRules.Apply(p.Tags, tags, caseInsensitiveKeys: false) });
    }

    public void Untag(string accountId, string? arn, IReadOnlyList<string> tagKeys)
    {
        var validator = new ParameterValidator().Arn("openIDConnectProviderArn", arn);
        TagRules.ValidateKeys(validator, tagKeys);
        validator.ThrowIfInvalid();
        Change(accountId, arn!, p => p with { Tags = TagRules.Remove(p.Tags, tagKeys, caseInsensitiveKeys: false) });
    }

    public static OpenIdConnectProvider Find(AccountState account, string arn) =>
        account.OpenIdConnectProviders.TryGetValue(arn, out var provider)
            ? provider
            : throw IamErrors.NoSuchEntity($"OpenIDConnect Provider not found for arn {arn}");

    /// <summary>IAM keeps the URL without its scheme (and without a trailing slash).</summary>
    private static string StoredUrl(string url)
    {
        if (!url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.Length <= "https://".Length
            || !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            throw IamErrors.ValidationError("Invalid Open ID Connect Provider URL");
        }

        return url["https://".Length..].TrimEnd('/');
    }

    private void ValidateClientIds(ParameterValidator validator, IReadOnlyList<string> clientIds)
    {
        for (var i = 0; i < clientIds.Count; i++)
        {
            validator.Length($"clientIDList.{i + 1}.member", clientIds[i], 1, 255);
        }

        if (clientIds.Count > context.Quotas.ClientIdsPerOpenIdConnectProvider)
        {
            throw IamErrors.LimitExceeded($"Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: {context.Quotas.ClientIdsPerOpenIdConnectProvider}");
        }
    }

    private static void ValidateThumbprints(ParameterValidator validator, IReadOnlyList<string> thumbprints)
    {
        for (var i = 0; i < thumbprints.Count; i++)
        {
            validator.Length($"thumbprintList.{i + 1}.member", thumbprints[i], 40, 40)
                .Pattern($"thumbprintList.{i + 1}.member", thumbprints[i], Thumbprint);
        }

        if (thumbprints.Count > MaxThumbprints)
        {
            throw IamErrors.InvalidInput("Thumbprint list must contain fewer than 5 entries.");
        }
    }

    private void Change(string accountId, string arn, Func<OpenIdConnectProvider, OpenIdConnectProvider> change) =>
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var updated = change(Find(account, arn));
            return account.OpenIdConnectProviders[updated.Arn] = updated;
        });
}
