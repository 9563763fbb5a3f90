using System.IO.Compression;
using System.Text;
using Emulator.Core.Errors;
using Emulator.Core.Identifiers;
using Emulator.Core.Iam;
using Emulator.Core.Iam.MfaDevices;
using Emulator.Core.Iam.Roles;
using Emulator.Core.Iam.Tags;
using Emulator.Core.Iam.Validation;
using Emulator.Core.Identity;
using Emulator.Core.Store;
using Emulator.Policy;

namespace Emulator.Core.Sts;

/// <summary>
/// STS rules: parameter validation, durations (role maximum, one-hour chaining cap), session
/// policies and their packed size, session tags and source identity propagation, and issuing
/// temporary credentials whose token carries the whole session.
/// </summary>
public sealed class StsService(IamContext context, SessionTokenCodec codec)
{
    public const int MinimumDuration = 900;
    public const int ChainingLimit = 3600;
    public const int SessionPolicyLimit = 2048;
    public const int PackedPolicyBudget = 2048;

    private static readonly ModelPattern SessionName = new(@"[\w+=,.@-]*");
    private static readonly ModelPattern ExternalIdPattern = new(@"[\w+=,.@:\/-]*");
    private static readonly ModelPattern MfaSerial = new(@"[\w+=/:,.@-]*");
    private static readonly ModelPattern TokenCodePattern = new(@"[\d]*");
    private static readonly ModelPattern FederatedName = new(@"[\w+=,.@-]*");

    private readonly MfaDeviceOperations mfaDevices = new(context);

    /// <summary>Checks made before the trust policy is consulted (AWS's order: caller, then parameters).</summary>
    public static void ValidateAssumeRole(Principal caller, AssumeRoleParameters request)
    {
        if (caller.IsRoot || (caller.Session is { Kind: SessionKind.SessionToken, UserName: null }))
        {
            throw IamErrors.AccessDenied("Roles may not be assumed by root accounts.");
        }

        var validator = ParameterValidator.ForSts()
            .Arn("roleArn", request.RoleArn)
            .Required("roleSessionName", request.RoleSessionName).Length("roleSessionName", request.RoleSessionName, 2, 64)
            .Pattern("roleSessionName", request.RoleSessionName, SessionName)
            .Range("durationSeconds", request.DurationSeconds, MinimumDuration, 43200)
            .Length("externalId", request.ExternalId, 2, 1224).Pattern("externalId", request.ExternalId, ExternalIdPattern)
            .Length("serialNumber", request.SerialNumber, 9, 256).Pattern("serialNumber", request.SerialNumber, MfaSerial)
            .Length("tokenCode", request.TokenCode, 6, 6).Pattern("tokenCode", request.TokenCode, TokenCodePattern)
            .Length("sourceIdentity", request.SourceIdentity, 2, 64).Pattern("sourceIdentity", request.SourceIdentity, SessionName)
            .Check(request.TransitiveTagKeys.Count <= 50, "transitiveTagKeys", "Member must have length less than or equal to 50");
        ValidateSessionPolicies(validator, request.Policy, request.PolicyArns);
        validator.ThrowIfInvalid();
        RequireWellFormedRoleArn(request.RoleArn!);
        if (request.Tags.Count > 0)
        {
            TagRules.ValidateSessionTags(validator, request.Tags);
        }

        if (request.SourceIdentity is not null && request.SourceIdentity.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
        {
            throw IamErrors.ValidationError("SourceIdentity cannot start with the reserved prefix 'aws:'.");
        }

        foreach (var key in request.TransitiveTagKeys)
        {
            if (!request.Tags.Any(t => string.Equals(t.Key, key, StringComparison.OrdinalIgnoreCase)))
            {
                throw IamErrors.InvalidParameter($"The specified transitive tag key must be included in the requested tags.");
            }
        }
    }

    /// <summary>The role a role ARN names, in any account of this emulator, or null.</summary>
    public Role? FindRole(string roleArn) => context.Store.Read(state => FindRole(state, roleArn));

    public static Role? FindRole(EmulatorState state, string roleArn)
    {
        // A role ARN of another partition names no role here, even with an account id this emulator knows (role.Arn differs).
        if (!Arn.TryParse(roleArn, out var arn) || arn.Service != "iam" || !arn.Resource.StartsWith("role/", StringComparison.Ordinal)
            || !state.Accounts.TryGetValue(arn.Account, out var account))
        {
            return null;
        }

        var name = arn.Resource[(arn.Resource.LastIndexOf('/') + 1)..];
        return account.Roles.TryGetValue(name, out var role) && role.Arn == roleArn ? role : null;
    }

    /// <summary>The rest of AssumeRole once the trust policy allowed it: durations, session policies, tags, credentials.</summary>
    public IssuedSession AssumeRole(Principal caller, AssumeRoleParameters request, Role role, string region)
    {
        var mfaTime = AuthenticateMfa(caller, request.SerialNumber, request.TokenCode) ?? caller.Session?.MultiFactorAuthTime;
        var chained = caller.Session is not null;
        var duration = request.DurationSeconds ?? 3600;
        if (duration > role.MaxSessionDuration)
        {
            throw IamErrors.ValidationError(chained && duration > ChainingLimit
                ? "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining."
                : "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }

        if (chained && duration > ChainingLimit)
        {
            throw IamErrors.ValidationError("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
        }

        var inherited = caller.Session;
        if (inherited?.SourceIdentity is { } existing && request.SourceIdentity is { } requested && existing != requested)
        {
            throw IamErrors.AccessDenied($"User: {caller.Arn} is not authorized to perform: sts:SetSourceIdentity on resource: {role.Arn} because the source identity cannot be changed once set");
        }

        var transitiveIn = inherited is null
            ? []
            : inherited.Tags.Where(t => inherited.TransitiveTagKeys.Contains(t.Key, StringComparer.OrdinalIgnoreCase)).ToList();
        // AWS's recorded wording names no key, and compares keys without case.
        if (request.Tags.Any(tag => transitiveIn.Any(t => string.Equals(t.Key, tag.Key, StringComparison.OrdinalIgnoreCase))))
        {
            throw IamErrors.InvalidParameter("One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session.");
        }

        var sessionTags = TagRules.Apply(TagRules.Apply([.. role.Tags], transitiveIn, true), request.Tags, true);
        var transitiveKeys = transitiveIn.Select(t => t.Key).Concat(request.TransitiveTagKeys).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return IssueRoleSession(role, request, duration, region, request.Tags, session => session with
        {
            SourceIdentity = request.SourceIdentity ?? inherited?.SourceIdentity,
            Tags = sessionTags,
            TransitiveTagKeys = transitiveKeys,
            IsChained = chained,
            MultiFactorAuthenticated = request.TokenCode is not null || inherited?.MultiFactorAuthenticated == true,
            MultiFactorAuthTime = mfaTime ?? (inherited?.MultiFactorAuthenticated == true ? inherited.IssuedAt : null),
        });
    }

    /// <summary>AssumeRoleWithWebIdentity once the token verified and the trust policy allowed it (never role chaining).</summary>
    public IssuedSession AssumeRoleWithWebIdentity(WebIdentityToken token, string providerArn, AssumeRoleParameters request, Role role, string region)
    {
        var duration = request.DurationSeconds ?? 3600;
        if (duration > role.MaxSessionDuration)
        {
            throw IamErrors.ValidationError("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }

        return IssueRoleSession(role, request, duration, region, [], session => session with
        {
            SourceIdentity = token.SourceIdentity,
            FederatedProvider = providerArn,
        });
    }

    /// <summary>
    /// AssumeRoleWithSAML once the assertion verified and the trust policy allowed it (never role chaining).
    /// AWS ends the session at DurationSeconds (default one hour) or at the assertion's SessionNotOnOrAfter, whichever comes first.
    /// </summary>
    public IssuedSession AssumeRoleWithSaml(SamlAssertion assertion, AssumeRoleParameters request, Role role, string region)
    {
        var duration = request.DurationSeconds ?? 3600;
        if (duration > role.MaxSessionDuration)
        {
            throw IamErrors.ValidationError("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }

        // PrincipalTag attributes are session tags, as passed tags are for AssumeRole: they override the role's own.
        return IssueRoleSession(role, request with { RoleSessionName = assertion.RoleSessionName }, duration, region, assertion.Tags, session => session with
        {
            SourceIdentity = assertion.SourceIdentity,
            Tags = TagRules.Apply([.. role.Tags], assertion.Tags, true),
            TransitiveTagKeys = assertion.TransitiveTagKeys,
            Expiration = assertion.SessionNotOnOrAfter is { } end && end < session.Expiration ? end : session.Expiration,
        });
    }

    /// <summary>
    /// What both AssumeRole flavours share once allowed: session policies must parse and exist, the
    /// session names the role and starts from its tags, and the role records its last use.
    /// </summary>
    private IssuedSession IssueRoleSession(Role role, AssumeRoleParameters request, int duration, string region, IReadOnlyList<Tag> passedTags, Func<Session, Session> specifics)
    {
        ParseSessionPolicy(request.Policy);
        RequireExistingPolicies(role.AccountId, request.PolicyArns);
        int? packed = request.Policy is not null || request.PolicyArns.Count > 0 || passedTags.Count > 0
            ? PackedSize(request.Policy, request.PolicyArns, passedTags)
            : null;
        var now = context.Now();
        var session = specifics(NewSession(SessionKind.AssumedRole, role.AccountId, role.Partition, now, duration) with
        {
            RoleArn = role.Arn,
            RoleId = role.RoleId,
            RoleName = role.RoleName,
            SessionName = request.RoleSessionName,
            Tags = [.. role.Tags],
            InlinePolicy = request.Policy,
            PolicyArns = request.PolicyArns,
        });
        RecordRoleUse(role, now, region);
        return Issue(session, packed);
    }

    /// <summary>AssumeRoleWithWebIdentity's parameter checks (the caller is unsigned; the token is checked next).</summary>
    public static void ValidateWebIdentity(AssumeRoleParameters request, string? webIdentityToken)
    {
        var validator = ParameterValidator.ForSts()
            .Arn("roleArn", request.RoleArn)
            .Required("roleSessionName", request.RoleSessionName).Length("roleSessionName", request.RoleSessionName, 2, 64)
            .Pattern("roleSessionName", request.RoleSessionName, SessionName)
            .Required("webIdentityToken", webIdentityToken).Length("webIdentityToken", webIdentityToken, 4, 20000)
            .Range("durationSeconds", request.DurationSeconds, MinimumDuration, 43200);
        ValidateSessionPolicies(validator, request.Policy, request.PolicyArns);
        validator.ThrowIfInvalid();
        RequireWellFormedRoleArn(request.RoleArn!);
    }

    /// <summary>
    /// STS parses RoleArn as an ARN once its length passes: six colon-separated fields, "arn", then a partition,
    /// a service and a resource that are not empty (region and account may be). Anything else is
    /// "ValidationError: &lt;arn&gt; is invalid", before any trust policy is read; a well-formed ARN naming no role is AccessDenied.
    /// </summary>
    public static void RequireWellFormedRoleArn(string roleArn)
    {
        if (!Arn.TryParse(roleArn, out _))
        {
            throw IamErrors.ValidationError($"{roleArn} is invalid");
        }
    }

    /// <summary>AssumeRoleWithSAML's parameter checks (the caller is unsigned; the assertion is checked next).</summary>
    public static void ValidateSaml(AssumeRoleParameters request, string? principalArn, string? samlAssertion)
    {
        var validator = ParameterValidator.ForSts()
            .Arn("roleArn", request.RoleArn)
            .Arn("principalArn", principalArn)
            .Required("sAMLAssertion", samlAssertion)
            // The model marks the assertion sensitive: its value is never quoted back.
            .Check(samlAssertion is not { Length: < 4 }, "sAMLAssertion", "Member must have length greater than or equal to 4")
            .Check(samlAssertion is not { Length: > 100000 }, "sAMLAssertion", "Member must have length less than or equal to 100000")
            .Range("durationSeconds", request.DurationSeconds, MinimumDuration, 43200);
        ValidateSessionPolicies(validator, request.Policy, request.PolicyArns);
        validator.ThrowIfInvalid();
    }

    /// <summary>GetSessionToken: long-term credentials only; users 900–129600 s (default 43200), the root at most 3600.</summary>
    public IssuedSession GetSessionToken(Principal caller, int? durationSeconds, string? serialNumber, string? tokenCode)
    {
        RequireLongTermCredentials(caller, "GetSessionToken");
        ParameterValidator.ForSts().Range("durationSeconds", durationSeconds, MinimumDuration, 129600)
            .Length("serialNumber", serialNumber, 9, 256).Pattern("serialNumber", serialNumber, MfaSerial)
            .Length("tokenCode", tokenCode, 6, 6).Pattern("tokenCode", tokenCode, TokenCodePattern).ThrowIfInvalid();
        var mfaTime = AuthenticateMfa(caller, serialNumber, tokenCode);
        var duration = durationSeconds ?? 43200;
        if (caller.IsRoot)
        {
            duration = Math.Min(duration, 3600);
        }

        var now = context.Now();
        return Issue(NewSession(SessionKind.SessionToken, caller.AccountId, caller.Partition, now, duration) with
        {
            UserName = caller.UserName,
            UserId = caller.IsRoot ? null : caller.UserId,
            UserArn = caller.IsRoot ? null : caller.Arn,
            MultiFactorAuthenticated = mfaTime is not null,
            MultiFactorAuthTime = mfaTime,
        }, null);
    }

    /// <summary>
    /// The MFA check of GetSessionToken and AssumeRole: with a serial number or a code, both must be given and the code
    /// must be the current one of the caller's own enabled device. Returns when it passed, or null when no MFA was offered.
    /// </summary>
    private DateTimeOffset? AuthenticateMfa(Principal caller, string? serialNumber, string? tokenCode) =>
        serialNumber is null && tokenCode is null
            ? null
            : mfaDevices.Authenticate(caller.AccountId, caller.Type == Identity.PrincipalType.User ? caller.UserName : null, serialNumber, tokenCode);

    /// <summary>GetFederationToken: a federated-user session whose permissions are only what its session policies grant.</summary>
    public IssuedSession GetFederationToken(Principal caller, string? name, int? durationSeconds, string? policy, IReadOnlyList<string> policyArns, IReadOnlyList<Tag> tags)
    {
        RequireLongTermCredentials(caller, "GetFederationToken");
        var validator = ParameterValidator.ForSts().Required("name", name).Length("name", name, 2, 32).Pattern("name", name, FederatedName)
            .Range("durationSeconds", durationSeconds, MinimumDuration, 129600);
        ValidateSessionPolicies(validator, policy, policyArns);
        validator.ThrowIfInvalid();
        if (tags.Count > 0)
        {
            TagRules.ValidateSessionTags(validator, tags);
        }

        ParseSessionPolicy(policy);
        RequireExistingPolicies(caller.AccountId, policyArns);
        var duration = durationSeconds ?? 43200;
        if (caller.IsRoot)
        {
            duration = Math.Min(duration, 3600);
        }

        var now = context.Now();
        // Unlike AssumeRole, GetFederationToken always answers PackedPolicySize: 0 when nothing was packed (AWS's recorded answer).
        var packed = policy is not null || policyArns.Count > 0 || tags.Count > 0 ? PackedSize(policy, policyArns, tags) : 0;
        return Issue(NewSession(SessionKind.FederatedUser, caller.AccountId, caller.Partition, now, duration) with
        {
            FederatedName = name,
            UserName = caller.UserName,
            UserId = caller.IsRoot ? null : caller.UserId,
            UserArn = caller.IsRoot ? null : caller.Arn,
            Tags = tags,
            InlinePolicy = policy,
            PolicyArns = policyArns,
        }, packed);
    }

    /// <summary>
    /// A role session an AWS service obtains for its workload (EC2 for an instance profile, a container
    /// agent for a task or pod): issued at <paramref name="issuedAt"/> (the start of its rotation period,
    /// which may be a little in the past) for <paramref name="lifetime"/>, whatever the role's MaxSessionDuration.
    /// </summary>
    /// <param name="ids">Where the set's key id and secret come from (derived ones make every replica issue the same set).</param>
    public IssuedSession IssueServiceRoleSession(Role role, string sessionName, string region, DateTimeOffset issuedAt, TimeSpan lifetime, Func<Session, Session> specifics, IdGenerator ids)
    {
        var session = specifics(NewSession(SessionKind.AssumedRole, role.AccountId, role.Partition, issuedAt, (int)lifetime.TotalSeconds, ids) with
        {
            RoleArn = role.Arn,
            RoleId = role.RoleId,
            RoleName = role.RoleName,
            SessionName = sessionName,
            Tags = [.. role.Tags],
        });
        RecordRoleUse(role, context.Now(), region);
        return Issue(session, null);
    }

    /// <summary>A session's common part: fresh ASIA key (encoding its account) and secret, issue time and expiry.</summary>
    private Session NewSession(SessionKind kind, string accountId, string partition, DateTimeOffset now, int durationSeconds, IdGenerator? ids = null) => new()
    {
        Kind = kind,
        AccountId = accountId,
        Partition = partition,
        AccessKeyId = (ids ?? context.Ids).AccessKeyId("ASIA", accountId),
        SecretAccessKey = (ids ?? context.Ids).SecretAccessKey(),
        IssuedAt = now,
        Expiration = now.AddSeconds(durationSeconds),
    };

    /// <summary>Mints credentials for an already-decided session (also used for web identity and instance profiles).</summary>
    public IssuedSession Issue(Session session, int? packedPolicySize)
    {
        var token = codec.Encode(session);
        return new IssuedSession(session, new SessionCredentials(session.AccessKeyId, session.SecretAccessKey, token, session.Expiration), packedPolicySize);
    }

    /// <summary>Records RoleLastUsed; as for access keys, a use that changes nothing visible (same second and region) is not written.</summary>
    public void RecordRoleUse(Role role, DateTimeOffset when, string region)
    {
        var used = new RoleLastUsed(DateTimeOffset.FromUnixTimeSeconds(when.ToUnixTimeSeconds()), region);
        if (context.Store.Read(state => CurrentRole(state, role)?.LastUsed == used))
        {
            return;
        }

        context.Store.Write(state =>
        {
            if (CurrentRole(state, role) is { } current)
            {
                state.Accounts[role.AccountId].Roles[current.RoleName] = current with { LastUsed = used };
            }

            return true;
        });
    }

    private static Role? CurrentRole(EmulatorState state, Role role) =>
        state.Accounts.TryGetValue(role.AccountId, out var account) && account.Roles.TryGetValue(role.RoleName, out var current) && current.RoleId == role.RoleId
            ? current
            : null;

    /// <summary>The compiled inline session policy, or null; malformed documents are refused as IAM refuses them.</summary>
    public static PolicyDocument? ParseSessionPolicy(string? policy) =>
        policy is null ? null : IamRules.ParsePolicy(policy, PolicyKind.Session).Document;

    private static void RequireLongTermCredentials(Principal caller, string operation)
    {
        if (caller.Session is not null)
        {
            throw IamErrors.AccessDenied($"Cannot call {operation} with session credentials");
        }
    }

    private static void ValidateSessionPolicies(ParameterValidator validator, string? policy, IReadOnlyList<string> policyArns)
    {
        validator.Length("policy", policy, 1, SessionPolicyLimit).Pattern("policy", policy, ModelPattern.PolicyDocument)
            .Check(policyArns.Count <= 10, "policyArns", "Member must have length less than or equal to 10");
        for (var i = 0; i < policyArns.Count; i++)
        {
            validator.Length($"policyArns.{i + 1}.member.arn", policyArns[i], 20, 2048);
        }
    }

    private void RequireExistingPolicies(string accountId, IReadOnlyList<string> policyArns) => context.Store.Read(state =>
    {
        var account = IamRules.Account(state, accountId);
        foreach (var arn in policyArns)
        {
            if (!IamRules.IsPolicyArn(arn, account))
            {
                throw IamErrors.ValidationError($"ARN {arn} is not valid.");
            }

            if (IamRules.FindPolicy(state, account, arn) is null)
            {
                throw IamErrors.NoSuchEntity($"Policy {arn} does not exist or is not attachable.");
            }
        }

        return true;
    });

    /// <summary>
    /// AWS packs session policies and tags into a compressed binary form with a fixed budget and
    /// reports the share used. The exact packing is private to AWS; this estimates it with DEFLATE
    /// over the whitespace-free policy, the ARNs and the tags, against a 2 KiB budget.
    /// </summary>
    private static int PackedSize(string? policy, IReadOnlyList<string> policyArns, IReadOnlyList<Tag> tags)
    {
        var text = new StringBuilder();
        if (policy is not null)
        {
            text.Append(string.Concat(policy.Where(c => !char.IsWhiteSpace(c))));
        }

        foreach (var arn in policyArns)
        {
            text.Append(arn);
        }

        foreach (var tag in tags)
        {
            text.Append(tag.Key).Append('=').Append(tag.Value).Append(';');
        }

        using var buffer = new MemoryStream();
        using (var deflate = new DeflateStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            deflate.Write(Encoding.UTF8.GetBytes(text.ToString()));
        }

        var percent = (int)Math.Ceiling(100.0 * buffer.Length / PackedPolicyBudget);
        return percent > 100
            ? throw new AwsError("PackedPolicyTooLarge", $"Packed policy consumes {percent}% of allotted space, please use smaller policy.", 400).ToException()
            : percent;
    }
}
