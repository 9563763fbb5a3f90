namespace Emulator.Policy;

/// <summary>A principal value classified when the policy is written, so matching is a type check and one comparison.</summary>
internal sealed class PrincipalEntry
{
    private PrincipalEntry(PrincipalEntryKind kind, string value, string account, string? partition = null)
    {
        Kind = kind;
        Value = value;
        Account = account;
        Partition = partition;
    }

    public PrincipalEntryKind Kind { get; }

    public string Value { get; }

    /// <summary>The account id for <see cref="PrincipalEntryKind.Account"/> entries.</summary>
    public string Account { get; }

    /// <summary>
    /// The partition an <c>arn:…:iam::account:root</c> entry names; null for a bare account id, which IAM
    /// reads in the policy's own partition.
    /// </summary>
    public string? Partition { get; }

    public static PrincipalEntry Create(PolicyPrincipal principal)
    {
        var value = principal.Value;
        switch (principal.Type)
        {
            case PolicyPrincipal.EveryoneType:
                return new PrincipalEntry(PrincipalEntryKind.Everyone, value, string.Empty);
            case PolicyPrincipal.ServiceType:
                return new PrincipalEntry(PrincipalEntryKind.Service, value, string.Empty);
            case PolicyPrincipal.FederatedType:
                return new PrincipalEntry(PrincipalEntryKind.Federated, value, string.Empty);
            case PolicyPrincipal.CanonicalUserType:
                return new PrincipalEntry(PrincipalEntryKind.CanonicalUser, value, string.Empty);
        }

        if (value == "*")
        {
            return new PrincipalEntry(PrincipalEntryKind.Everyone, value, string.Empty);
        }

        if (IsAccountId(value))
        {
            return new PrincipalEntry(PrincipalEntryKind.Account, value, value);
        }

        var kind = Classify(value, out var account, out var partition);
        return new PrincipalEntry(kind, value, account, partition);
    }

    public static bool IsAccountId(ReadOnlySpan<char> value)
    {
        if (value.Length != 12)
        {
            return false;
        }

        foreach (var character in value)
        {
            if (!char.IsAsciiDigit(character))
            {
                return false;
            }
        }

        return true;
    }

    public ResourcePolicyGrant Match(RequestContext request)
    {
        var isIamCaller = request.PrincipalType
            is PrincipalType.Account or PrincipalType.User or PrincipalType.FederatedUser or PrincipalType.AssumedRole;
        return Kind switch
        {
            PrincipalEntryKind.Everyone => ResourcePolicyGrant.Direct,
            PrincipalEntryKind.Account when isIamCaller && request.PrincipalAccount == Account && InCallersPartition(request) => ResourcePolicyGrant.Account,
            PrincipalEntryKind.User when request.PrincipalType == PrincipalType.User && request.PrincipalArn == Value
                => ResourcePolicyGrant.Direct,
            PrincipalEntryKind.Role when request.PrincipalType == PrincipalType.AssumedRole && request.PrincipalArn == Value
                => ResourcePolicyGrant.Role,
            PrincipalEntryKind.AssumedRoleSession when request.PrincipalType == PrincipalType.AssumedRole && request.SessionArn == Value
                => ResourcePolicyGrant.Direct,
            PrincipalEntryKind.FederatedUser when request.PrincipalType == PrincipalType.FederatedUser && request.CallerArnForMessages == Value
                => ResourcePolicyGrant.Direct,
            PrincipalEntryKind.Service when request.PrincipalType == PrincipalType.Service
                && string.Equals(request.PrincipalArn, Value, StringComparison.OrdinalIgnoreCase) => ResourcePolicyGrant.Direct,
            PrincipalEntryKind.Federated when request.PrincipalType == PrincipalType.WebIdentity && request.PrincipalArn == Value
                => ResourcePolicyGrant.Direct,
            _ => ResourcePolicyGrant.None,
        };
    }

    /// <summary>Reads <c>arn:partition:service::account:resource</c> principal ARNs.</summary>
    /// <remarks>IAM refuses wildcards inside a principal ARN: only the whole value may be <c>*</c>.</remarks>
    private static PrincipalEntryKind Classify(string value, out string account, out string? partition)
    {
        account = string.Empty;
        partition = null;
        if (value.Contains('*', StringComparison.Ordinal)
            || !Arn.TryParse(value, out var arn) || arn.Region.Length != 0 || !IsAccountId(arn.Account))
        {
            return PrincipalEntryKind.Unrecognized;
        }

        account = arn.Account;
        partition = arn.Partition;
        var resource = arn.Resource;
        return arn.Service switch
        {
            "iam" when resource == "root" => PrincipalEntryKind.Account,
            "iam" when resource.StartsWith("user/", StringComparison.Ordinal) => PrincipalEntryKind.User,
            "iam" when resource.StartsWith("role/", StringComparison.Ordinal) => PrincipalEntryKind.Role,
            "sts" when resource.StartsWith("assumed-role/", StringComparison.Ordinal) => PrincipalEntryKind.AssumedRoleSession,
            "sts" when resource.StartsWith("federated-user/", StringComparison.Ordinal) => PrincipalEntryKind.FederatedUser,
            _ => PrincipalEntryKind.Unrecognized,
        };
    }

    /// <summary>An account named by ARN trusts only its own partition's callers (the same account id in another partition is another account).</summary>
    private bool InCallersPartition(RequestContext request) =>
        Partition is null || (Arn.TryParse(request.PrincipalArn, out var caller) && caller.Partition == Partition);
}
