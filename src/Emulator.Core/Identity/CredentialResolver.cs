using Emulator.Core.Iam.AccessKeys;
using Emulator.Core.Store;

namespace Emulator.Core.Identity;

/// <summary>Finds the secret and principal behind a long-term access key id, across all accounts.</summary>
public sealed class CredentialResolver(IEmulatorStore store)
{
    public SigningCredential? Find(string accessKeyId) => store.Read(state =>
    {
        if (!state.AccessKeyOwners.TryGetValue(accessKeyId, out var accountId)
            || !state.Accounts.TryGetValue(accountId, out var account)
            || !account.AccessKeys.TryGetValue(accessKeyId, out var key))
        {
            return null;
        }

        if (key.UserName is null)
        {
            return new SigningCredential(key.AccessKeyId, key.SecretAccessKey, key.IsActive, Principal.Root(accountId, account.Partition, key.AccessKeyId));
        }

        var user = account.Users[key.UserName];
        var principal = new Principal(PrincipalType.User, accountId, user.Arn, user.UserId, user.UserName, key.AccessKeyId) { Partition = account.Partition };
        return new SigningCredential(key.AccessKeyId, key.SecretAccessKey, key.IsActive, principal);
    });

    /// <summary>GetAccessKeyInfo: the account that owns a key: a known long-term key, else the account the key id encodes.</summary>
    public string? AccountOf(string accessKeyId) =>
        store.Read(state => state.AccessKeyOwners.GetValueOrDefault(accessKeyId)) ?? Identifiers.IdGenerator.AccountOf(accessKeyId);

    /// <summary>The unique id of the user now holding this name, or null.</summary>
    public string? UserId(string accountId, string userName) => store.Read(state =>
        state.Accounts.TryGetValue(accountId, out var account) && account.Users.TryGetValue(userName, out var user) ? user.UserId : null);

    public bool AccountExists(string accountId) => store.Read(state => state.Accounts.ContainsKey(accountId));

    /// <summary>
    /// Records the key's last use (GetAccessKeyLastUsed). IAM reports it to the second, so a use in the same
    /// second, service and region changes nothing visible and is not written (a durable store would
    /// otherwise commit on every signed request).
    /// </summary>
    public void RecordUse(string accessKeyId, DateTimeOffset when, string serviceName, string region)
    {
        var used = new AccessKeyLastUsed(DateTimeOffset.FromUnixTimeSeconds(when.ToUnixTimeSeconds()), serviceName, region);
        if (store.Read(state => KeyOf(state, accessKeyId)?.LastUsed == used))
        {
            return;
        }

        store.Write(state =>
        {
            if (KeyOf(state, accessKeyId) is { } key)
            {
                state.Accounts[key.AccountId].AccessKeys[accessKeyId] = key with { LastUsed = used };
            }

            return true;
        });
    }

    private static AccessKey? KeyOf(EmulatorState state, string accessKeyId) =>
        state.AccessKeyOwners.TryGetValue(accessKeyId, out var accountId) && state.Accounts.TryGetValue(accountId, out var account)
            ? account.AccessKeys.GetValueOrDefault(accessKeyId)
            : null;
}
