using System.Collections.Immutable;
using Emulator.Core.Errors;
using Emulator.Core.Iam.Policies;
using Emulator.Core.Iam.Validation;
using Emulator.Core.Store;
using Emulator.Policy;

namespace Emulator.Core.Iam;

/// <summary>Rules shared by several IAM entity kinds: policy parsing, policy lookup, inline and attached policies.</summary>
public static class IamRules
{
    public static AccountState Account(EmulatorState state, string accountId) =>
        state.Accounts.TryGetValue(accountId, out var account)
            ? account
            : throw IamErrors.NoSuchEntity($"The account {accountId} does not exist in this emulator.");

    /// <summary>Parses and grammar-checks a policy once, at write time; evaluation never sees the JSON.</summary>
    public static StoredPolicy ParsePolicy(string text, PolicyKind kind)
    {
        var result = PolicyParser.Parse(text, kind);
        return result.Document is { } document
            ? new StoredPolicy(text, document)
            : throw IamErrors.MalformedPolicyDocument(result.Error ?? "Syntax errors in policy.");
    }

    /// <summary>
    /// An IAM policy ARN of the account's partition: in <c>aws-cn</c>, <c>arn:aws:iam::aws:policy/ReadOnlyAccess</c> is
    /// not a valid policy ARN (IAM answers InvalidInput), <c>arn:aws-cn:iam::aws:policy/ReadOnlyAccess</c> is.
    /// </summary>
    public static bool IsPolicyArn(string arn, AccountState account) =>
        Arn.TryParse(arn, out var parsed) && parsed.Partition == account.Partition && parsed.Service == "iam" && parsed.Region.Length == 0
        && parsed.Resource.StartsWith("policy/", StringComparison.Ordinal);

    /// <summary>A customer managed policy of the account, or an AWS managed one in the account's partition.</summary>
    public static ManagedPolicy? FindPolicy(EmulatorState state, AccountState account, string arn)
    {
        if (state.AwsManagedPolicies.TryGetValue(arn, out var awsPolicy))
        {
            return awsPolicy.Partition == account.Partition ? awsPolicy : null;
        }

        return account.Policies.GetValueOrDefault(arn);
    }

    /// <summary>
    /// IAM accepts only resources of its own partition (or <c>*</c>): in <c>aws-cn</c> a statement naming
    /// <c>arn:aws:s3:::bucket</c> is MalformedPolicyDocument <c>Partition "aws" is not valid for resource …</c>.
    /// Checked once the account (and so its partition) is known, after the grammar check.
    /// </summary>
    public static void RequirePartition(IEmulatorStore store, string accountId, StoredPolicy policy) =>
        store.Read(state =>
        {
            RequirePartition(policy, Account(state, accountId));
            return true;
        });

    public static void RequirePartition(StoredPolicy policy, AccountState account)
    {
        if (PolicyParser.PartitionError(policy.Document, account.Partition) is { } error)
        {
            throw IamErrors.MalformedPolicyDocument(error);
        }
    }

    /// <summary>The policy an Attach*/boundary call names: must be a policy ARN, and must exist.</summary>
    public static ManagedPolicy AttachablePolicy(EmulatorState state, AccountState account, string arn)
    {
        if (!Arn.TryParse(arn, out _))
        {
            // AWS answers a policy name or any other non-ARN this way (two spaces, recorded); an ARN of something else is InvalidInput.
            throw IamErrors.ValidationError("Invalid ARN:  Could not be parsed!");
        }

        if (!IsPolicyArn(arn, account))
        {
            throw IamErrors.InvalidInput($"ARN {arn} is not valid.");
        }

        return FindPolicy(state, account, arn)
            ?? throw IamErrors.NoSuchEntity($"Policy {arn} does not exist or is not attachable.");
    }

    public static string BoundaryArn(EmulatorState state, AccountState account, string arn)
    {
        if (!IsPolicyArn(arn, account))
        {
            throw IamErrors.InvalidInput($"ARN {arn} is not valid.");
        }

        return FindPolicy(state, account, arn) is null
            ? throw IamErrors.NoSuchEntity($"Scope ARN: {arn} does not exist or is not attachable.")
            : arn;
    }

    public static void ValidateInlinePolicy(ParameterValidator validator, string? policyName, string? document)
    {
        validator.Name("policyName", policyName, 128).PolicyDocument("policyDocument", document);
    }

    /// <summary>Adds or replaces an inline policy, enforcing the per-entity total size quota.</summary>
    public static ImmutableList<InlinePolicy> PutInline(
        ImmutableList<InlinePolicy> existing, string policyName, StoredPolicy policy, int sizeQuota, string entityKind, string entityName)
    {
        var index = existing.FindIndex(p => string.Equals(p.PolicyName, policyName, StringComparison.OrdinalIgnoreCase));
        var updated = index >= 0
            ? existing.SetItem(index, new InlinePolicy(existing[index].PolicyName, policy))
            : existing.Add(new InlinePolicy(policyName, policy));
        var total = updated.Sum(p => p.Policy.Document.SizeWithoutWhitespace);
        if (total > sizeQuota)
        {
            throw IamErrors.LimitExceeded($"Maximum policy size of {sizeQuota} bytes exceeded for {entityKind} {entityName}");
        }

        return updated;
    }

    public static InlinePolicy GetInline(ImmutableList<InlinePolicy> existing, string policyName, string entityKind, string entityName) =>
        existing.Find(p => string.Equals(p.PolicyName, policyName, StringComparison.OrdinalIgnoreCase))
        ?? throw IamErrors.NoSuchEntity($"The {entityKind} policy with name {policyName} cannot be found.");

    public static ImmutableList<InlinePolicy> DeleteInline(ImmutableList<InlinePolicy> existing, string policyName, string entityKind, string entityName) =>
        existing.Remove(GetInline(existing, policyName, entityKind, entityName));

    public static ImmutableList<string> Attach(ImmutableList<string> attached, ManagedPolicy policy, string quotaName, int quota)
    {
        if (attached.Contains(policy.Arn))
        {
            return attached; // attaching again is a successful no-op in IAM
        }

        return attached.Count >= quota
            ? throw IamErrors.LimitExceeded($"Cannot exceed quota for {quotaName}: {quota}")
            : attached.Add(policy.Arn);
    }

    public static ImmutableList<string> Detach(ImmutableList<string> attached, string policyArn) =>
        attached.Contains(policyArn)
            ? attached.Remove(policyArn)
            : throw IamErrors.NoSuchEntity($"Policy {policyArn} was not found.");

    public static IEnumerable<ManagedPolicy> AttachedPolicies(EmulatorState state, AccountState account, IEnumerable<string> arns, string? pathPrefix) =>
        arns.Select(arn => FindPolicy(state, account, arn))
            .OfType<ManagedPolicy>()
            .Where(p => pathPrefix is null || p.Path.StartsWith(pathPrefix, StringComparison.Ordinal));

    public static string SortKey(string name) => name.ToUpperInvariant();
}
