using Emulator.Core.Errors;
using Emulator.Core.Iam.PasswordPolicies;
using Emulator.Core.Iam.Users;
using Emulator.Core.Iam.Validation;
using Emulator.Core.Store;

namespace Emulator.Core.Iam.LoginProfiles;

/// <summary>Console passwords: Create/Get/Update/DeleteLoginProfile and the user's own ChangePassword.</summary>
public sealed class LoginProfileOperations(IamContext context)
{
    private static readonly ModelPattern Password = new(@"[\u0009\u000A\u000D\u0020-\u00FF]+");

    public LoginProfile Create(string accountId, string? userName, string? password, bool passwordResetRequired)
    {
        new ParameterValidator().Name("userName", userName, 64).Required("password", password).Length("password", password, 1, 128)
            .Pattern("password", password, Password).ThrowIfInvalid();
        var hash = HashOf(password!);
        return context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var user = UserOperations.Find(account, userName!);
            if (account.LoginProfiles.ContainsKey(user.UserName))
            {
                throw IamErrors.EntityAlreadyExists($"Login Profile for user {user.UserName} already exists.");
            }

            PasswordRules.Check(account.PasswordPolicy, password!);
            var now = context.Now();
            var profile = new LoginProfile(accountId, user.UserName, now, passwordResetRequired, hash, now, [], null);
            account.LoginProfiles[user.UserName] = profile;
            return profile;
        });
    }

    /// <summary>
    /// The profile as GetLoginProfile shows it: a password older than the policy's MaxPasswordAge must be
    /// changed at the next sign-in, so it reads as PasswordResetRequired.
    /// </summary>
    public LoginProfile Get(string accountId, string? userName)
    {
        new ParameterValidator().Name("userName", userName, 64).ThrowIfInvalid();
        return context.Store.Read(state =>
        {
            var account = IamRules.Account(state, accountId);
            var profile = Find(account, userName!);
            return PasswordRules.IsExpired(account.PasswordPolicy, profile.PasswordChangedDate, context.Now())
                ? profile with { PasswordResetRequired = true }
                : profile;
        });
    }

    /// <summary>When the user last signed in with a password (GetUser's PasswordLastUsed), if ever.</summary>
    public DateTimeOffset? PasswordLastUsed(string accountId, string userName) =>
        context.Store.Read(state => state.Accounts.TryGetValue(accountId, out var account)
            ? account.LoginProfiles.GetValueOrDefault(userName)?.PasswordLastUsed
            : null);

    /// <summary>An administrator's change: a new password must pass the policy and its reuse rule; either member may be left out.</summary>
    public void Update(string accountId, string? userName, string? password, bool? passwordResetRequired)
    {
        new ParameterValidator().Name("userName", userName, 64).Length("password", password, 1, 128)
            .Pattern("password", password, Password).ThrowIfInvalid();
        var hash = password is null ? null : HashOf(password);
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var profile = Find(account, userName!);
            if (password is not null)
            {
                PasswordRules.Check(account.PasswordPolicy, password);
                PasswordRules.CheckReuse(account.PasswordPolicy, password, profile.RecentHashes());
                profile = profile.WithNewPassword(hash!, context.Now(), profile.PasswordResetRequired);
            }

            profile = profile with { PasswordResetRequired = passwordResetRequired ?? profile.PasswordResetRequired };
            account.LoginProfiles[profile.UserName] = profile;
            return profile;
        });
    }

    public void Delete(string accountId, string? userName)
    {
        new ParameterValidator().Name("userName", userName, 64).ThrowIfInvalid();
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            return account.LoginProfiles.Remove(Find(account, userName!).UserName);
        });
    }

    /// <summary>
    /// ChangePassword: an IAM user changes their own password, proving the old one. The new one must pass the
    /// policy and its reuse rule; it clears PasswordResetRequired and counts as a use of the password.
    /// </summary>
    /// <param name="userName">The calling IAM user, or null when the caller is not one (the root, a role).</param>
    public void ChangePassword(string accountId, string? userName, string? oldPassword, string? newPassword)
    {
        new ParameterValidator().Required("oldPassword", oldPassword).Length("oldPassword", oldPassword, 1, 128).Pattern("oldPassword", oldPassword, Password)
            .Required("newPassword", newPassword).Length("newPassword", newPassword, 1, 128).Pattern("newPassword", newPassword, Password)
            .ThrowIfInvalid();
        if (userName is null)
        {
            // The root's console password is not an IAM login profile; ChangePassword is for IAM users only.
            throw IamErrors.InvalidUserType("Only IAM users can change their own password.");
        }

        var hash = HashOf(newPassword!);
        context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var profile = Find(account, userName);
            if (!PasswordHasher.Verify(oldPassword!, profile.PasswordHash))
            {
                throw IamErrors.AccessDenied("The old password is incorrect.");
            }

            var now = context.Now();
            if (account.PasswordPolicy is { HardExpiry: true } policy && PasswordRules.IsExpired(policy, profile.PasswordChangedDate, now))
            {
                // HardExpiry: once expired, only an administrator (UpdateLoginProfile) can set a new password.
                throw IamErrors.AccessDenied("The password has expired and the account password policy requires an administrator to reset it.");
            }

            PasswordRules.Check(account.PasswordPolicy, newPassword!);
            PasswordRules.CheckReuse(account.PasswordPolicy, newPassword!, profile.RecentHashes());
            profile = profile.WithNewPassword(hash, now, resetRequired: false) with { PasswordLastUsed = now };
            account.LoginProfiles[profile.UserName] = profile;
            return profile;
        });
    }

    public static LoginProfile Find(AccountState account, string userName)
    {
        var user = UserOperations.Find(account, userName);
        return account.LoginProfiles.GetValueOrDefault(user.UserName)
            ?? throw IamErrors.NoSuchEntity($"Login Profile for User {user.UserName} cannot be found.");
    }

    private string HashOf(string password) => PasswordHasher.Hash(password, context.Ids.Bytes(PasswordHasher.SaltLength));
}
