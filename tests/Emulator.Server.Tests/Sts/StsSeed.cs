namespace Emulator.Server.Tests.Sts;

/// <summary>Two accounts wired as the seed documents describe (abcd in A may switch to efgh in B), plus test roles.</summary>
public static class StsSeed
{
    public const string AccountA = "111111111111";
    public const string AccountB = "222222222222";

    public const string Json = """
        {"accounts":[
          {"id":"111111111111","rootAccessKeyId":"AKIAROOTA00000000001","rootSecretAccessKey":"root-a",
           "users":[{"UserName":"dev","AccessKeys":[{"AccessKeyId":"AKIADEV0000000000001","SecretAccessKey":"dev-secret"}],
                     "Policies":[{"PolicyName":"assume-any","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity","sts:GetAccessKeyInfo"],"Resource":"*"}]}}]},
                    {"UserName":"stranger","AccessKeys":[{"AccessKeyId":"AKIASTRANGER00000001","SecretAccessKey":"stranger-secret"}],
                     "Policies":[{"PolicyName":"assume-any","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}}]}],
           "roles":[
             {"RoleName":"abcd","MaxSessionDuration":43200,
              "AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:user/dev"},"Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"]}]},
              "Policies":[{"PolicyName":"switch","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"],"Resource":"*"}]}}],
              "AttachedPolicies":["arn:aws:iam::aws:policy/IAMReadOnlyAccess"]},
             {"RoleName":"partner","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:user/dev"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"Unique-42"}}}]}},
             {"RoleName":"team-web","Tags":[{"Key":"team","Value":"web"}],
              "AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:role/abcd"},"Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"]}]},
              "Policies":[{"PolicyName":"own-team","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetRole","Resource":"arn:aws:iam::111111111111:role/team-${aws:PrincipalTag/team}"}]}}]}]},
          {"id":"222222222222","rootAccessKeyId":"AKIAROOTB00000000001","rootSecretAccessKey":"root-b",
           "users":[{"UserName":"ops","AccessKeys":[{"AccessKeyId":"AKIAOPS0000000000001","SecretAccessKey":"ops-secret"}],
                     "Policies":[{"PolicyName":"assume-efgh","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::111111111111:role/shared"}]}}]},
                    {"UserName":"idle","AccessKeys":[{"AccessKeyId":"AKIAIDLE000000000001","SecretAccessKey":"idle-secret"}]}],
           "roles":[{"RoleName":"efgh","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:role/abcd"},"Action":"sts:AssumeRole"}]},
                     "AttachedPolicies":["arn:aws:iam::aws:policy/ReadOnlyAccess"]}]}]}
        """;
}
