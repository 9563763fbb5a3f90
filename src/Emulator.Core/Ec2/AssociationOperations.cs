using Emulator.Core.Iam;
using Emulator.Core.Store;

namespace Emulator.Core.Ec2;

/// <summary>
/// The four IamInstanceProfileAssociation calls. An instance has at most one association; Replace keeps
/// the association id when the profile is the same and issues a new one otherwise (recorded).
/// </summary>
public sealed class AssociationOperations(IamContext context, InstanceOperations instances)
{
    public AssociationView Associate(string accountId, string region, string? instanceId, InstanceProfileReference reference)
    {
        if (instanceId is null)
        {
            throw Ec2Errors.MissingParameter("InstanceId");
        }

        if (reference.IsEmpty)
        {
            throw Ec2Errors.MissingParameter("IamInstanceProfile");
        }

        InstanceOperations.ValidateInstanceIds([instanceId]);
        var now = instances.Now();
        return context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var ec2 = account.Ec2(region);
            var instance = InstanceOperations.Existing(ec2, [instanceId], now)[0];
            var current = instance.StateAt(now);
            if (current != InstanceStateName.Running && current != InstanceStateName.Stopped)
            {
                throw Ec2Errors.IncorrectInstanceState($"The instance '{instanceId}' is not in the 'running' or 'stopped' state.");
            }

            if (ec2.AssociationOf(instanceId) is not null)
            {
                throw Ec2Errors.IncorrectState($"There is an existing association for instance {instanceId}");
            }

            var (profile, _) = InstanceOperations.ResolveProfileForAssociation(account, reference);
            var association = new IamInstanceProfileAssociation("iip-assoc-" + context.Ids.Hex(17), instanceId, profile.Arn, profile.InstanceProfileId, now);
            ec2.Associations[association.AssociationId] = association;
            return new AssociationView(association, "associating");
        });
    }

    public AssociationView Replace(string accountId, string region, string? associationId, InstanceProfileReference reference)
    {
        if (associationId is null)
        {
            throw Ec2Errors.MissingParameter("AssociationId");
        }

        if (reference.IsEmpty)
        {
            throw Ec2Errors.MissingParameter("IamInstanceProfile");
        }

        var now = instances.Now();
        return context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var ec2 = account.Ec2(region);
            var old = ec2.Associations.GetValueOrDefault(associationId) ?? throw Ec2Errors.AssociationNotFound(associationId);
            var instance = ec2.Instances[old.InstanceId];
            if (!instance.IsRunningAt(now))
            {
                throw Ec2Errors.IncorrectInstanceState($"The instance '{instance.InstanceId}' is not in the 'running' state.");
            }

            var (profile, _) = InstanceOperations.ResolveProfileForAssociation(account, reference);
            // Same profile: AWS keeps the association id; another profile: a new id, and the old association goes.
            var replacement = profile.InstanceProfileId == old.InstanceProfileId
                ? old with { InstanceProfileArn = profile.Arn, Timestamp = now }
                : new IamInstanceProfileAssociation("iip-assoc-" + context.Ids.Hex(17), old.InstanceId, profile.Arn, profile.InstanceProfileId, now);
            ec2.Associations.Remove(old.AssociationId);
            ec2.Associations[replacement.AssociationId] = replacement;
            return new AssociationView(replacement, "associating");
        });
    }

    public AssociationView Disassociate(string accountId, string region, string? associationId)
    {
        if (associationId is null)
        {
            throw Ec2Errors.MissingParameter("AssociationId");
        }

        var now = instances.Now();
        return context.Store.Write(state =>
        {
            var ec2 = IamRules.Account(state, accountId).Ec2(region);
            var association = ec2.Associations.GetValueOrDefault(associationId) ?? throw Ec2Errors.AssociationNotFound(associationId);
            var current = ec2.Instances[association.InstanceId].StateAt(now);
            if (current != InstanceStateName.Running && current != InstanceStateName.Stopped)
            {
                throw Ec2Errors.IncorrectInstanceState($"The instance '{association.InstanceId}' is not in the 'running' or 'stopped' state.");
            }

            ec2.Associations.Remove(associationId);
            return new AssociationView(association, "disassociating");
        });
    }

    /// <summary>A current association of the account in the region, or null.</summary>
    public IamInstanceProfileAssociation? Find(string accountId, string region, string associationId) =>
        context.Store.Read(state => InstanceOperations.Ec2Of(state, accountId, region)?.Associations.GetValueOrDefault(associationId));

    /// <summary>DescribeIamInstanceProfileAssociations with EC2's recorded filter errors.</summary>
    public (IReadOnlyList<AssociationView> Associations, string? NextToken) Describe(
        string accountId, string region, IReadOnlyList<string> associationIds, IReadOnlyList<Ec2Filter> filters, int? maxResults, string? nextToken)
    {
        if (maxResults is < 5 or > 1000)
        {
            throw Ec2Errors.InvalidParameterValue($"Value ( {maxResults} ) for parameter maxResults is invalid. Parameter must be between 5 and 1000.");
        }

        foreach (var filter in filters)
        {
            ValidateFilter(filter);
        }

        var all = context.Store.Read(state =>
        {
            var account = IamRules.Account(state, accountId);
            var ec2 = account.Ec2Regions.GetValueOrDefault(region);
            IEnumerable<IamInstanceProfileAssociation> current = ec2?.Associations.Values ?? Enumerable.Empty<IamInstanceProfileAssociation>();
            var missing = associationIds.FirstOrDefault(id => current.All(a => a.AssociationId != id));
            if (missing is not null)
            {
                throw Ec2Errors.AssociationNotFound(missing);
            }

            return current
                .Where(a => associationIds.Count == 0 || associationIds.Contains(a.AssociationId))
                .Select(a => new AssociationView(a, StateOf(account, a)))
                .Where(v => filters.All(f => f.Name == "instance-id" ? f.Matches(v.Association.InstanceId) : f.Matches(v.State)))
                .OrderBy(v => v.Association.Timestamp).ThenBy(v => v.Association.AssociationId, StringComparer.Ordinal)
                .ToList();
        });
        var start = 0;
        if (nextToken is not null && (!int.TryParse(nextToken, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out start) || start > all.Count))
        {
            throw Ec2Errors.InvalidPaginationToken(nextToken);
        }

        var page = all.Skip(start).Take(maxResults ?? int.MaxValue).ToList();
        var next = start + page.Count < all.Count ? (start + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return (page, next);
    }

    /// <summary>
    /// An association is <c>associated</c> once EC2 can assume the profile's role; while the role does not
    /// trust ec2.amazonaws.com (or the profile lost its role) it stays <c>associating</c> (recorded).
    /// </summary>
    internal static string StateOf(AccountState account, IamInstanceProfileAssociation association) =>
        AssociatedProfile.Of(account, association).RoleTrustsEc2 ? "associated" : "associating";

    private static void ValidateFilter(Ec2Filter filter)
    {
        if (filter.Name is not ("instance-id" or "state"))
        {
            throw Ec2Errors.InvalidFilter($"An unknown filter '{filter.Name}' was given");
        }

        if (filter.Values.Count == 0)
        {
            throw Ec2Errors.InvalidFilter("Invalid value 'null/empty' for 'filter'. Invalid filter - one of more name/value pair was incomplete");
        }

        foreach (var value in filter.Values)
        {
            if (filter.Name == "instance-id" && !InstanceOperations.IsInstanceId(value))
            {
                throw Ec2Errors.InvalidFilter($"A filter with an invalid instance-id of '{value}' was given");
            }

            if (filter.Name == "state" && value == "disassociated")
            {
                throw Ec2Errors.InvalidFilter("Only 'associated', 'associating' and 'disassociating' are allowed");
            }

            if (filter.Name == "state" && value is not ("associated" or "associating" or "disassociating"))
            {
                throw Ec2Errors.InvalidFilter($"A filter for an unknown association state of '{value}' was given");
            }
        }
    }
}
