using Emulator.Core.Errors;
using Emulator.Core.Iam.Tags;
using Emulator.Core.Identity;
using Emulator.Core.Sts;
using Emulator.Policy;
using Emulator.Server.Pipeline;
using Emulator.Server.Protocol;

namespace Emulator.Server.Sts;

/// <summary>STS's action table.</summary>
public static class StsActions
{
    public const string Version = "2011-06-15";

    public static AwsService Service(StsService sts, CredentialResolver credentials, WebIdentityVerifier webIdentity, SamlAssertionVerifier saml, AuthorizationMessageCodec messages, OutboundTokenIssuer outbound)
    {
        var protocol = new QueryProtocol(StsXml.Namespace);
        return new AwsService("sts", protocol, Version,
        [
            new("GetCallerIdentity", "sts:GetCallerIdentity", AwsOperation.Everything, (c, w) =>
                w.Value("UserId", c.Principal.UserId).Value("Account", c.AccountId).Value("Arn", c.Principal.Arn))
            {
                // AWS answers GetCallerIdentity for any valid credentials; no policy can deny it.
                SkipsAuthorization = true,
            },
            new("AssumeRole", "sts:AssumeRole", c => c["RoleArn"] ?? "*", (c, w) =>
            {
                var request = AssumeRoleParameters(c);
                var role = sts.FindRole(request.RoleArn!) ?? throw IamErrors.AccessDenied($"User: {c.Principal.Arn} is not authorized to perform: sts:AssumeRole on resource: {request.RoleArn}");
                var issued = sts.AssumeRole(c.Principal, request, role, c.Region);
                StsXml.Credentials(w, issued.Credentials);
                StsXml.AssumedRoleUser(w, issued.Session);
                if (issued.PackedPolicySize is { } packed)
                {
                    w.Value("PackedPolicySize", packed);
                }

                w.Value("SourceIdentity", issued.Session.SourceIdentity);
            })
            {
                Validate = c => StsService.ValidateAssumeRole(c.Principal, AssumeRoleParameters(c)),
                Checks = c => AssumeRoleChecks(c, sts),
            },
            new("AssumeRoleWithWebIdentity", "sts:AssumeRoleWithWebIdentity", c => c["RoleArn"] ?? "*", (c, w) =>
            {
                var request = AssumeRoleParameters(c);
                var token = c.Principal.WebIdentity!;
                var role = sts.FindRole(request.RoleArn!)!;
                var issued = sts.AssumeRoleWithWebIdentity(token, c.Principal.Arn, request, role, c.Region);
                StsXml.Credentials(w, issued.Credentials);
                w.Value("SubjectFromWebIdentityToken", token.Subject);
                StsXml.AssumedRoleUser(w, issued.Session);
                if (issued.PackedPolicySize is { } packed)
                {
                    w.Value("PackedPolicySize", packed);
                }

                // AWS documents Provider as the token's issuer, but real responses carry the IAM OIDC provider's ARN.
                w.Value("Provider", c.Principal.Arn)
                    .Value("Audience", token.Audiences.FirstOrDefault(a => a is not null))
                    .Value("SourceIdentity", token.SourceIdentity);
            })
            {
                // Modelled smithy.api#noAuth: SDKs send it unsigned; the token is the credential.
                AllowsAnonymous = true,
                Validate = c => StsService.ValidateWebIdentity(AssumeRoleParameters(c), c["WebIdentityToken"]),
                IdentifyCaller = async c =>
                {
                    var roleArn = c["RoleArn"]!;
                    var accountId = AccountOf(roleArn) ?? throw NotAuthorizedForWebIdentity();
                    var (token, provider) = await webIdentity.VerifyAsync(c["WebIdentityToken"]!, accountId);
                    return new Principal(Emulator.Core.Identity.PrincipalType.WebIdentity, accountId, provider.Arn, $"{provider.Url}:{token.Subject}", null, null)
                    {
                        WebIdentity = token,
                        Partition = provider.Partition,
                    };
                },
                Checks = c => WebIdentityChecks(c, sts),
            },
            new("AssumeRoleWithSAML", "sts:AssumeRoleWithSAML", c => c["RoleArn"] ?? "*", (c, w) =>
            {
                var request = AssumeRoleParameters(c);
                var assertion = c.Principal.Saml!;
                var role = sts.FindRole(request.RoleArn!)!;
                var issued = sts.AssumeRoleWithSaml(assertion, request, role, c.Region);
                StsXml.Credentials(w, issued.Credentials);
                StsXml.AssumedRoleUser(w, issued.Session);
                if (issued.PackedPolicySize is { } packed)
                {
                    w.Value("PackedPolicySize", packed);
                }

                // AWS answers the Recipient (where the assertion was presented) as Audience.
                w.Value("Subject", assertion.Subject).Value("SubjectType", assertion.SubjectType).Value("Issuer", assertion.Issuer)
                    .Value("Audience", assertion.Recipient).Value("NameQualifier", assertion.NameQualifier).Value("SourceIdentity", assertion.SourceIdentity);
            })
            {
                // Modelled smithy.api#noAuth: SDKs and the CLI send it unsigned; the signed assertion is the credential.
                AllowsAnonymous = true,
                Validate = c => StsService.ValidateSaml(AssumeRoleParameters(c), c["PrincipalArn"], c["SAMLAssertion"]),
                IdentifyCaller = c =>
                {
                    var roleArn = c["RoleArn"]!;
                    var accountId = AccountOf(roleArn) ?? throw NotAuthorizedForSaml();
                    var (assertion, provider) = saml.Verify(c["SAMLAssertion"]!, roleArn, c["PrincipalArn"]!);
                    return Task.FromResult(new Principal(Emulator.Core.Identity.PrincipalType.WebIdentity, accountId, provider.Arn,
                        $"{assertion.NameQualifier}:{assertion.Subject}", null, null) { Saml = assertion, Partition = provider.Partition });
                },
                Checks = c => SamlChecks(c, sts),
            },
            new("GetSessionToken", "sts:GetSessionToken", AwsOperation.Everything, (c, w) =>
            {
                var issued = sts.GetSessionToken(c.Principal, c.Parameters.Int("DurationSeconds", "durationSeconds"), c["SerialNumber"], c["TokenCode"]);
                StsXml.Credentials(w, issued.Credentials);
            })
            {
                // Not policy-controlled: only the kind of credentials matters (checked by the handler).
                SkipsAuthorization = true,
            },
            new("GetFederationToken", "sts:GetFederationToken",
                c => c.StsArn($"federated-user/{c["Name"]}"), (c, w) =>
            {
                var issued = sts.GetFederationToken(c.Principal, c["Name"], c.Parameters.Int("DurationSeconds", "durationSeconds"), c["Policy"],
                    PolicyArns(c), c.Parameters.Tags());
                StsXml.Credentials(w, issued.Credentials);
                w.Object("FederatedUser", u => u.Value("FederatedUserId", $"{issued.Session.AccountId}:{issued.Session.FederatedName}").Value("Arn", issued.Session.SessionArn));
                if (issued.PackedPolicySize is { } packed)
                {
                    w.Value("PackedPolicySize", packed);
                }
            })
            {
                Validate = c =>
                {
                    if (c.Principal.Session is not null)
                    {
                        throw IamErrors.AccessDenied("Cannot call GetFederationToken with session credentials");
                    }
                },
            },
            new("DecodeAuthorizationMessage", "sts:DecodeAuthorizationMessage", AwsOperation.Everything, (c, w) =>
            {
                var encoded = c["EncodedMessage"];
                Core.Iam.Validation.ParameterValidator.ForSts().Required("encodedMessage", encoded).Length("encodedMessage", encoded, 1, 10240).ThrowIfInvalid();
                w.Value("DecodedMessage", messages.Decode(encoded!));
            }),
            new("GetAccessKeyInfo", "sts:GetAccessKeyInfo", AwsOperation.Everything, (c, w) =>
            {
                var keyId = c["AccessKeyId"];
                Core.Iam.Validation.ParameterValidator.ForSts().Required("accessKeyId", keyId).Length("accessKeyId", keyId, 16, 128)
                    .Pattern("accessKeyId", keyId, new Core.Iam.Validation.ModelPattern(@"[\w]*")).ThrowIfInvalid();
                var account = credentials.AccountOf(keyId!)
                    ?? throw IamErrors.NoSuchEntity($"The Access Key with id {keyId} cannot be found.");
                w.Value("Account", account);
            }),
            .. StsFederationActions.All(outbound),
        ])
        {
            RestrictSession = SessionCredentialRules.Sts(protocol),
        };
    }

    private static AssumeRoleParameters AssumeRoleParameters(OperationContext c) => new(
        c["RoleArn"], c["RoleSessionName"], c.Parameters.Int("DurationSeconds", "durationSeconds"), c["ExternalId"], c["Policy"],
        PolicyArns(c), c.Parameters.Tags(), c.Parameters.List("TransitiveTagKeys"), c["SourceIdentity"], c["SerialNumber"], c["TokenCode"]);

    /// <summary>STS lists managed session policies as <c>PolicyArns.member.N.arn</c> (lower-case "arn").</summary>
    private static IReadOnlyList<string> PolicyArns(OperationContext c) =>
        c.Parameters.Structures("PolicyArns").Select(s => s("arn") ?? "").ToList();

    /// <summary>
    /// sts:AssumeRole against the role's trust policy (and, across accounts, the caller's own policies);
    /// then sts:TagSession when tags are passed and sts:SetSourceIdentity when a source identity is set or carried.
    /// A role that does not exist gets the same denial as an untrusting one, so existence never leaks.
    /// </summary>
    private static IReadOnlyList<AuthorizationCheck> AssumeRoleChecks(OperationContext c, StsService sts)
    {
        var request = AssumeRoleParameters(c);
        var role = sts.FindRole(request.RoleArn!);
        var trust = TrustPolicyOf(role);
        var keys = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["sts:RoleSessionName"] = [request.RoleSessionName!],
        };
        if (request.ExternalId is not null)
        {
            keys["sts:ExternalId"] = [request.ExternalId];
        }

        if (request.SerialNumber is not null && request.TokenCode is not null)
        {
            // A role trusting only MFA callers sees the MFA this request brings; the code itself is checked
            // before the session is issued (a wrong one is refused then, whatever the trust policy says).
            keys["aws:MultiFactorAuthPresent"] = ["true"];
            keys["aws:MultiFactorAuthAge"] = ["0"];
        }

        var sourceIdentity = request.SourceIdentity ?? c.Principal.Session?.SourceIdentity;
        if (sourceIdentity is not null)
        {
            keys["sts:SourceIdentity"] = [sourceIdentity];
        }

        if (request.TransitiveTagKeys.Count > 0)
        {
            keys["sts:TransitiveTagKeys"] = request.TransitiveTagKeys;
        }

        AuthorizationCheck Check(string action) => new(action, request.RoleArn!)
        {
            ResourcePolicy = trust,
            ResourceAccountId = AccountOf(request.RoleArn!),
            RequireResourcePolicyAllow = true,
            ContextKeys = keys,
        };

        var checks = new List<AuthorizationCheck> { Check("sts:AssumeRole") };
        if (request.Tags.Count > 0 || request.TransitiveTagKeys.Count > 0)
        {
            checks.Add(Check("sts:TagSession"));
        }

        if (sourceIdentity is not null)
        {
            checks.Add(Check("sts:SetSourceIdentity"));
        }

        return checks;
    }

    /// <summary>
    /// The trust policy must allow the provider (Federated principal) with its token conditions:
    /// &lt;provider&gt;:aud, :sub (and :amr) built from the verified claims.
    /// </summary>
    private static IReadOnlyList<AuthorizationCheck> WebIdentityChecks(OperationContext c, StsService sts)
    {
        var roleArn = c["RoleArn"]!;
        var role = sts.FindRole(roleArn);
        var token = c.Principal.WebIdentity!;
        var prefix = c.Principal.Arn[(c.Principal.Arn.IndexOf("oidc-provider/", StringComparison.Ordinal) + "oidc-provider/".Length)..];
        var keys = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["sts:RoleSessionName"] = [c["RoleSessionName"]!],
            [$"{prefix}:sub"] = [token.Subject],
            [$"{prefix}:aud"] = token.Audiences.Count == 1 ? [token.Audiences[0]] : token.Audiences,
            ["aws:FederatedProvider"] = [c.Principal.Arn],
        };
        if (token.Amr is not null)
        {
            keys[$"{prefix}:amr"] = [token.Amr];
        }

        return
        [
            new AuthorizationCheck("sts:AssumeRoleWithWebIdentity", roleArn)
            {
                ResourcePolicy = TrustPolicyOf(role),
                RequireResourcePolicyAllow = true,
                ContextKeys = keys,
                DenialMessage = "Not authorized to perform sts:AssumeRoleWithWebIdentity",
            },
        ];
    }

    /// <summary>
    /// The trust policy must allow the SAML provider (Federated principal) with the assertion's
    /// saml:* keys; PrincipalTag attributes also need sts:TagSession and a SourceIdentity attribute
    /// sts:SetSourceIdentity, as passed tags and source identities do for AssumeRole.
    /// </summary>
    private static IReadOnlyList<AuthorizationCheck> SamlChecks(OperationContext c, StsService sts)
    {
        var roleArn = c["RoleArn"]!;
        var assertion = c.Principal.Saml!;
        var keys = SamlConditionKeys.For(assertion, c.Principal.Arn);
        keys["sts:RoleSessionName"] = [assertion.RoleSessionName];
        if (assertion.SourceIdentity is not null)
        {
            keys["sts:SourceIdentity"] = [assertion.SourceIdentity];
        }

        foreach (var tag in assertion.Tags)
        {
            keys[$"aws:RequestTag/{tag.Key}"] = [tag.Value];
        }

        if (assertion.Tags.Count > 0)
        {
            keys["aws:TagKeys"] = assertion.Tags.Select(t => t.Key).ToList();
        }

        if (assertion.TransitiveTagKeys.Count > 0)
        {
            keys["sts:TransitiveTagKeys"] = assertion.TransitiveTagKeys;
        }

        AuthorizationCheck Check(string action) => new(action, roleArn)
        {
            ResourcePolicy = TrustPolicyOf(sts.FindRole(roleArn)),
            RequireResourcePolicyAllow = true,
            ContextKeys = keys,
            DenialMessage = $"Not authorized to perform {action}",
        };

        var checks = new List<AuthorizationCheck> { Check("sts:AssumeRoleWithSAML") };
        if (assertion.Tags.Count > 0)
        {
            checks.Add(Check("sts:TagSession"));
        }

        if (assertion.SourceIdentity is not null)
        {
            checks.Add(Check("sts:SetSourceIdentity"));
        }

        return checks;
    }

    private static AwsException NotAuthorizedForSaml() => IamErrors.AccessDenied("Not authorized to perform sts:AssumeRoleWithSAML");

    private static AwsException NotAuthorizedForWebIdentity() => IamErrors.AccessDenied("Not authorized to perform sts:AssumeRoleWithWebIdentity");

    /// <summary>A role's trust policy as the evaluator's resource policy; none for a missing role (which then denies).</summary>
    private static PolicySource? TrustPolicyOf(Core.Iam.Roles.Role? role) =>
        role is null ? null : new PolicySource($"{role.Arn} trust policy", PolicySetType.Resource, role.AssumeRolePolicy.Document);

    private static string? AccountOf(string arn)
    {
        return Arn.TryParse(arn, out var parsed) && parsed.Account.Length == 12 ? parsed.Account : null;
    }
}
