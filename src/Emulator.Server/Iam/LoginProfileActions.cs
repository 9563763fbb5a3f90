using Emulator.Core.Iam;
using Emulator.Core.Iam.LoginProfiles;
using Emulator.Core.Iam.PasswordPolicies;
using Emulator.Server.Pipeline;
using Emulator.Server.Protocol;
using static Emulator.Server.Iam.IamActions;

namespace Emulator.Server.Iam;

/// <summary>Action-table entries for console passwords: login profiles, ChangePassword and the account password policy.</summary>
public static class LoginProfileActions
{
    public static IEnumerable<AwsOperation> All(IamService iam, IamResources resources)
    {
        var profiles = iam.LoginProfiles;
        yield return Op("CreateLoginProfile", c => resources.User(c), (c, w) =>
        {
            var profile = profiles.Create(c.AccountId, c.UserNameOrCaller, c["Password"], c.Parameters.Bool("PasswordResetRequired") ?? false);
            w.Object("LoginProfile", p => Profile(p, profile));
        });
        yield return Op("GetLoginProfile", c => resources.User(c), (c, w) =>
        {
            var profile = profiles.Get(c.AccountId, c.UserNameOrCaller);
            w.Object("LoginProfile", p => Profile(p, profile));
        });
        yield return Op("UpdateLoginProfile", c => resources.User(c), (c, w) =>
            profiles.Update(c.AccountId, c["UserName"], c["Password"], c.Parameters.Bool("PasswordResetRequired")));
        yield return Op("DeleteLoginProfile", c => resources.User(c), (c, w) => profiles.Delete(c.AccountId, c.UserNameOrCaller));
        yield return Op("ChangePassword", c => resources.User(c), (c, w) =>
            profiles.ChangePassword(c.AccountId, c.CallerUserName, c["OldPassword"], c["NewPassword"]));

        var policies = iam.PasswordPolicy;
        yield return Op("UpdateAccountPasswordPolicy", AwsOperation.Everything, (c, w) =>
            policies.Update(c.AccountId, new PasswordPolicyRequest(
                c.Parameters.Int("MinimumPasswordLength", "minimumPasswordLength"),
                c.Parameters.Bool("RequireSymbols"),
                c.Parameters.Bool("RequireNumbers"),
                c.Parameters.Bool("RequireUppercaseCharacters"),
                c.Parameters.Bool("RequireLowercaseCharacters"),
                c.Parameters.Bool("AllowUsersToChangePassword"),
                c.Parameters.Int("MaxPasswordAge", "maxPasswordAge"),
                c.Parameters.Int("PasswordReusePrevention", "passwordReusePrevention"),
                c.Parameters.Bool("HardExpiry"))));
        yield return Op("GetAccountPasswordPolicy", AwsOperation.Everything, (c, w) =>
        {
            var policy = policies.Get(c.AccountId);
            w.Object("PasswordPolicy", p =>
            {
                p.Value("MinimumPasswordLength", policy.MinimumPasswordLength).Value("RequireSymbols", policy.RequireSymbols)
                    .Value("RequireNumbers", policy.RequireNumbers).Value("RequireUppercaseCharacters", policy.RequireUppercaseCharacters)
                    .Value("RequireLowercaseCharacters", policy.RequireLowercaseCharacters)
                    .Value("AllowUsersToChangePassword", policy.AllowUsersToChangePassword).Value("ExpirePasswords", policy.ExpirePasswords);
                if (policy.MaxPasswordAge is { } age)
                {
                    p.Value("MaxPasswordAge", age);
                }

                if (policy.PasswordReusePrevention is { } reuse)
                {
                    p.Value("PasswordReusePrevention", reuse);
                }

                if (policy.HardExpiry is { } hard)
                {
                    p.Value("HardExpiry", hard);
                }
            });
        });
        yield return Op("DeleteAccountPasswordPolicy", AwsOperation.Everything, (c, w) => policies.Delete(c.AccountId));
    }

    private static void Profile(QueryXmlWriter w, LoginProfile profile) =>
        w.Value("UserName", profile.UserName).Value("CreateDate", profile.CreateDate).Value("PasswordResetRequired", profile.PasswordResetRequired);
}
