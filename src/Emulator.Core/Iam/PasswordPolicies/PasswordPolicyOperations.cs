using Emulator.Core.Errors;
using Emulator.Core.Iam.Validation;

namespace Emulator.Core.Iam.PasswordPolicies;

/// <summary>UpdateAccountPasswordPolicy, GetAccountPasswordPolicy and DeleteAccountPasswordPolicy.</summary>
public sealed class PasswordPolicyOperations(IamContext context)
{
    /// <summary>Replaces the whole policy: AWS has no partial update, an omitted member takes its default.</summary>
    public PasswordPolicy Update(string accountId, PasswordPolicyRequest request)
    {
        new ParameterValidator().Range("minimumPasswordLength", request.MinimumPasswordLength, 6, 128)
            .Range("maxPasswordAge", request.MaxPasswordAge, 1, 1095)
            .Range("passwordReusePrevention", request.PasswordReusePrevention, 1, 24)
            .ThrowIfInvalid();
        var policy = new PasswordPolicy(
            request.MinimumPasswordLength ?? PasswordPolicy.DefaultMinimumLength,
            request.RequireSymbols ?? false,
            request.RequireNumbers ?? false,
            request.RequireUppercaseCharacters ?? false,
            request.RequireLowercaseCharacters ?? false,
            request.AllowUsersToChangePassword ?? false,
            request.MaxPasswordAge,
            request.PasswordReusePrevention,
            request.HardExpiry);
        return context.Store.Write(state => IamRules.Account(state, accountId).PasswordPolicy = policy);
    }

    public PasswordPolicy Get(string accountId) =>
        context.Store.Read(state => IamRules.Account(state, accountId).PasswordPolicy) ?? throw NotFound(accountId);

    /// <summary>The policy in force, or null when the account uses AWS's default.</summary>
    public PasswordPolicy? Find(string accountId) => context.Store.Read(state => IamRules.Account(state, accountId).PasswordPolicy);

    public void Delete(string accountId) => context.Store.Write(state =>
    {
        var account = IamRules.Account(state, accountId);
        if (account.PasswordPolicy is null)
        {
            throw NotFound(accountId);
        }

        account.PasswordPolicy = null;
        return true;
    });

    private static AwsException NotFound(string accountId) =>
        IamErrors.NoSuchEntity($"The Password Policy with domain name {accountId} cannot be found.");
}
