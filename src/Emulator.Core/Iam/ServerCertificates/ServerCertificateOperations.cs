using Emulator.Core.Errors;
using Emulator.Core.Iam.Paging;
using Emulator.Core.Iam.Tags;
using Emulator.Core.Iam.Validation;
using Emulator.Core.Store;

namespace Emulator.Core.Iam.ServerCertificates;

/// <summary>
/// UploadServerCertificate, GetServerCertificate, ListServerCertificates, UpdateServerCertificate,
/// DeleteServerCertificate and their tags. Names are unique in the account (case-insensitively, as IAM names are).
/// </summary>
public sealed class ServerCertificateOperations(IamContext context)
{
    private static readonly ModelPattern PathPrefix = new(@"\u002F[\u0021-\u007F]*");

    public ServerCertificate Upload(string accountId, string? path, string? name, string? body, string? privateKey, string? chain, IReadOnlyList<Tag> tags)
    {
        var validator = new ParameterValidator().Path("path", path).Name("serverCertificateName", name, 128)
            .Required("certificateBody", body).Length("certificateBody", body, 1, 16384).Pattern("certificateBody", body, ModelPattern.PolicyDocument)
            .Required("privateKey", privateKey).Length("privateKey", privateKey, 1, 16384).Pattern("privateKey", privateKey, ModelPattern.PolicyDocument)
            .Length("certificateChain", chain, 1, 2097152).Pattern("certificateChain", chain, ModelPattern.PolicyDocument);
        validator.ThrowIfInvalid();
        TagRules.Validate(validator, tags, caseInsensitiveKeys: true);
        var now = context.Now();
        var expiration = ServerCertificatePem.Validate(body!, privateKey!, chain, now);
        return context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            if (account.ServerCertificates.ContainsKey(name!))
            {
                throw IamErrors.EntityAlreadyExists($"The Server Certificate with name {name} already exists.");
            }

            if (account.ServerCertificates.Count >= context.Quotas.ServerCertificatesPerAccount)
            {
                throw IamErrors.LimitExceeded($"Cannot exceed quota for ServerCertificatesPerAccount: {context.Quotas.ServerCertificatesPerAccount}");
            }

            var certificate = new ServerCertificate(accountId, path ?? "/", name!, context.Ids.UniqueId("ASCA"), body!, chain, privateKey!, now, expiration, [.. tags])
            {
                Partition = account.Partition,
            };
            return account.ServerCertificates[certificate.ServerCertificateName] = certificate;
        });
    }

    public ServerCertificate Get(string accountId, string? name)
    {
        new ParameterValidator().Name("serverCertificateName", name, 128).ThrowIfInvalid();
        return context.Store.Read(state => Find(IamRules.Account(state, accountId), name!));
    }

    public Page<ServerCertificate> List(string accountId, string? pathPrefix, string? marker, int? maxItems)
    {
        var validator = new ParameterValidator().Length("pathPrefix", pathPrefix, 1, 512).Pattern("pathPrefix", pathPrefix, PathPrefix);
        Paginator.Validate(validator, marker, maxItems);
        validator.ThrowIfInvalid();
        var certificates = context.Store.Read(state => IamRules.Account(state, accountId).ServerCertificates.Values
            .Where(c => pathPrefix is null || c.Path.StartsWith(pathPrefix, StringComparison.Ordinal)).ToList());
        return Paginator.Paginate(certificates, c => IamRules.SortKey(c.ServerCertificateName), marker, maxItems);
    }

    /// <summary>A new path and/or name; the id, dates, key and tags stay.</summary>
    public void Update(string accountId, string? name, string? newPath, string? newName)
    {
        new ParameterValidator().Name("serverCertificateName", name, 128).Path("newPath", newPath)
            .Name("newServerCertificateName", newName, 128, required: false).ThrowIfInvalid();
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var certificate = Find(account, name!);
            if (newName is not null && !string.Equals(newName, certificate.ServerCertificateName, StringComparison.OrdinalIgnoreCase)
                && account.ServerCertificates.ContainsKey(newName))
            {
                throw IamErrors.EntityAlreadyExists($"The Server Certificate with name {newName} already exists.");
            }

            var updated = certificate with { ServerCertificateName = newName ?? certificate.ServerCertificateName, Path = newPath ?? certificate.Path };
            account.ServerCertificates.Remove(certificate.ServerCertificateName);
            return account.ServerCertificates[updated.ServerCertificateName] = updated;
        });
    }

    public void Delete(string accountId, string? name)
    {
        new ParameterValidator().Name("serverCertificateName", name, 128).ThrowIfInvalid();
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            return account.ServerCertificates.Remove(Find(account, name!).ServerCertificateName);
        });
    }

    public void Tag(string accountId, string? name, IReadOnlyList<Tag> tags)
    {
        var validator = new ParameterValidator().Name("serverCertificateName", name, 128);
        validator.ThrowIfInvalid();
        TagRules.Validate(validator, tags, caseInsensitiveKeys: true);
        Change(accountId, name!, c => c with { Tags = TagRules.Apply(c.Tags, tags, caseInsensitiveKeys: true) });
    }

    public void Untag(string accountId, string? name, IReadOnlyList<string> tagKeys)
    {
        var validator = new ParameterValidator().Name("serverCertificateName", name, 128);
        TagRules.ValidateKeys(validator, tagKeys);
        validator.ThrowIfInvalid();
        Change(accountId, name!, c => c with { Tags = TagRules.Remove(c.Tags, tagKeys, caseInsensitiveKeys: true) });
    }

    public Page<Tag> ListTags(string accountId, string? name, string? marker, int? maxItems)
    {
        var validator = new ParameterValidator().Name("serverCertificateName", name, 128);
        Paginator.Validate(validator, marker, maxItems);
        validator.ThrowIfInvalid();
        return Paginator.Paginate(Get(accountId, name).Tags, t => t.Key, marker, maxItems);
    }

    /// <summary>The certificate's ARN with its real path, or null when it does not exist (authorization then uses the request's path).</summary>
    public string? ArnOf(string accountId, string name) =>
        context.Store.Read(state => state.Accounts.TryGetValue(accountId, out var account) ? account.ServerCertificates.GetValueOrDefault(name)?.Arn : null);

    public static ServerCertificate Find(AccountState account, string name) =>
        account.ServerCertificates.TryGetValue(name, out var certificate)
            ? certificate
            : throw IamErrors.NoSuchEntity($"The Server Certificate with name {name} cannot be found.");

    private void Change(string accountId, string name, Func<ServerCertificate, ServerCertificate> change) =>
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var updated = change(Find(account, name));
            return account.ServerCertificates[updated.ServerCertificateName] = updated;
        });
}
