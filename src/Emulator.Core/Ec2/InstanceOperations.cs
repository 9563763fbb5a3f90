using System.Collections.Immutable;
using System.Globalization;
using Emulator.Core.Errors;
using Emulator.Core.Iam;
using Emulator.Core.Iam.InstanceProfiles;
using Emulator.Core.Iam.Roles;
using Emulator.Core.Iam.Tags;
using Emulator.Core.Store;

namespace Emulator.Core.Ec2;

/// <summary>
/// EC2 instances of one account in one region: launch, describe, start, stop, terminate, tags and
/// metadata options. Every change is one store write that validates before it mutates.
/// </summary>
public sealed class InstanceOperations(IamContext context)
{
    /// <summary>Non-terminated instances one account may have in one region (AWS's vCPU quota, simplified).</summary>
    public const int MaxInstancesPerRegion = 1000;

    public const int MaxTagsPerResource = 50;

    /// <summary>AWS keeps terminated instances visible for about an hour.</summary>
    public static readonly TimeSpan TerminatedVisibility = TimeSpan.FromHours(1);

    public DateTimeOffset Now()
    {
        var now = context.Clock.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    /// <summary>
    /// RunInstances' instance profile, with its role: by ARN, by name, or both (which must name the same profile).
    /// Unknown names and ARNs are EC2's InvalidParameterValue.
    /// </summary>
    public (InstanceProfile Profile, Role? Role) ResolveProfileForLaunch(string accountId, InstanceProfileReference reference) =>
        context.Store.Read(state => ResolveProfileForLaunch(IamRules.Account(state, accountId), reference));

    /// <summary>
    /// The instance profile AssociateIamInstanceProfile and ReplaceIamInstanceProfileAssociation name, with its role:
    /// given both, the ARN decides and the name is not checked.
    /// </summary>
    public (InstanceProfile Profile, Role? Role) ResolveProfileForAssociation(string accountId, InstanceProfileReference reference) =>
        context.Store.Read(state => ResolveProfileForAssociation(IamRules.Account(state, accountId), reference));

    internal static (InstanceProfile Profile, Role? Role) ResolveProfileForLaunch(AccountState account, InstanceProfileReference reference)
    {
        var byArn = reference.Arn is { } arn ? ProfileByArn(account, arn) : null;
        var byName = reference.Name is { } name ? ProfileByName(account, name) : null;
        if (byArn is not null && byName is not null && byArn.InstanceProfileId != byName.InstanceProfileId)
        {
            throw Ec2Errors.InvalidParameterCombination("The parameters iamInstanceProfile.name and iamInstanceProfile.arn name different instance profiles.");
        }

        return WithRole(account, byArn ?? byName ?? throw Ec2Errors.MissingParameter("iamInstanceProfile.name"));
    }

    internal static (InstanceProfile Profile, Role? Role) ResolveProfileForAssociation(AccountState account, InstanceProfileReference reference) =>
        WithRole(account, reference.Arn is { } arn ? ProfileByArn(account, arn)
            : reference.Name is { } name ? ProfileByName(account, name)
            : throw Ec2Errors.MissingParameter("iamInstanceProfile.name"));

    private static InstanceProfile ProfileByArn(AccountState account, string arn) =>
        account.InstanceProfiles.TryGetValue(arn[(arn.LastIndexOf('/') + 1)..], out var found) && found.Arn == arn
            ? found
            : throw Ec2Errors.InvalidParameterValue($"Value ({arn}) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN");

    private static InstanceProfile ProfileByName(AccountState account, string name) =>
        account.InstanceProfiles.TryGetValue(name, out var found) && found.InstanceProfileName == name
            ? found
            : throw Ec2Errors.InvalidParameterValue($"Value ({name}) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name");

    private static (InstanceProfile Profile, Role? Role) WithRole(AccountState account, InstanceProfile profile) =>
        (profile, profile.RoleName is { } roleName && account.Roles.TryGetValue(roleName, out var role) ? role : null);

    public Reservation RunInstances(string accountId, string region, RunInstancesRequest request)
    {
        var (minCount, maxCount) = ValidateCounts(request);
        if (request.ImageId is null)
        {
            throw Ec2Errors.MissingParameter("ImageId");
        }

        var userData = DecodeUserData(request.UserData);
        var now = Now();
        return context.Store.Write(state =>
        {
            var account = IamRules.Account(state, accountId);
            var ec2 = account.Ec2(region);
            if (request.ClientToken is { } token && ec2.ClientTokens.TryGetValue(token, out var earlier))
            {
                // Idempotency: the same token answers with the original reservation.
                return ReservationOf(ec2, earlier, now);
            }

            var network = Ec2Network.For(accountId, region);
            var zone = request.AvailabilityZone;
            if (zone is not null && network.Subnets.All(s => s.AvailabilityZone != zone))
            {
                throw Ec2Errors.InvalidParameterValue($"Invalid availability zone: [{zone}]");
            }

            var (subnetId, subnet) = request.SubnetId is { } given
                ? network.Subnet(given) is { } known ? (known.SubnetId, known) : AcceptedSubnet(network, given, zone)
                : (network.SubnetInZone(zone).SubnetId, network.SubnetInZone(zone));
            var options = ResolveMetadataOptions(request.MetadataOptions, ec2.MetadataDefaults);
            var profile = request.IamInstanceProfile is { IsEmpty: false } reference ? ResolveProfileForLaunch(account, reference) : default;
            if (profile.Profile is not null && profile.Role is null)
            {
                throw Ec2Errors.InvalidParameterValue($"Value ({profile.Profile.Arn}) for parameter iamInstanceProfile is invalid. The instance profile has no role, so EC2 cannot deliver credentials from it");
            }

            ValidateTags(request.Tags, options, 0);
            var active = ec2.Instances.Values.Count(i => !i.IsTerminatedAt(now));
            var available = MaxInstancesPerRegion - active;
            if (available < minCount)
            {
                throw new AwsError("InstanceLimitExceeded",
                    $"You have requested more instances ({minCount}) than your current instance limit of {MaxInstancesPerRegion} allows for the specified instance type. Please visit http://aws.amazon.com/contact-us/ec2-request to request an adjustment to this limit.",
                    400).ToException();
            }

            var count = Math.Min(maxCount, available);
            if (request.PrivateIpAddress is { } fixedIp)
            {
                if (count > 1)
                {
                    throw Ec2Errors.InvalidParameterCombination("Cannot specify PrivateIpAddress when launching more than one instance.");
                }

                if (!Ec2Network.IsIpv4(fixedIp))
                {
                    throw Ec2Errors.InvalidParameterValue($"Invalid value '{fixedIp}' for IP address");
                }

                if (ec2.Instances.Values.Any(i => i.PrivateIpAddress == fixedIp && !i.IsTerminatedAt(now)))
                {
                    throw new AwsError("InvalidIPAddress.InUse", $"Address {fixedIp} is in use.", 400).ToException();
                }
            }

            if (request.InstanceId is { } fixedId && (count > 1 || !IsInstanceId(fixedId) || FindIn(state, fixedId) is not null))
            {
                throw Ec2Errors.InvalidParameterValue($"The instance id '{fixedId}' cannot be used: it must be i- and 8 or 17 hex digits, unused, for one instance.");
            }

            var groups = SecurityGroups(network, request);
            var reservationId = "r-" + context.Ids.Hex(17);
            var instances = new List<Instance>();
            for (var index = 0; index < count; index++)
            {
                var used = ec2.AddressesUsed.GetValueOrDefault(subnetId);
                string address;
                do
                {
                    address = Ec2Network.Address(subnet, used++);
                }
                while (ec2.Instances.Values.Any(i => i.PrivateIpAddress == address && !i.IsTerminatedAt(now)));

                ec2.AddressesUsed[subnetId] = used;
                var instance = new Instance
                {
                    InstanceId = request.InstanceId ?? "i-" + context.Ids.Hex(17),
                    ReservationId = reservationId,
                    AccountId = accountId,
                    Region = region,
                    ImageId = request.ImageId,
                    InstanceType = request.InstanceType ?? "m1.small",
                    KeyName = request.KeyName,
                    AmiLaunchIndex = index,
                    LaunchTime = now,
                    AvailabilityZone = subnet.AvailabilityZone,
                    SubnetId = subnetId,
                    VpcId = network.VpcId,
                    PrivateIpAddress = request.PrivateIpAddress ?? address,
                    MacAddress = Mac(),
                    NetworkInterfaceId = "eni-" + context.Ids.Hex(17),
                    SecurityGroups = groups,
                    State = InstanceStateName.Pending,
                    Settled = InstanceStateName.Running,
                    SettlesAt = now,
                    MetadataOptions = options,
                    Tags = [.. request.Tags],
                    UserData = userData,
                    ClientToken = request.ClientToken,
                };
                ec2.Instances[instance.InstanceId] = instance;
                instances.Add(instance);
                if (profile.Profile is { } attached)
                {
                    var association = new IamInstanceProfileAssociation("iip-assoc-" + context.Ids.Hex(17), instance.InstanceId, attached.Arn, attached.InstanceProfileId, now);
                    ec2.Associations[association.AssociationId] = association;
                }
            }

            if (request.ClientToken is { } newToken)
            {
                ec2.ClientTokens[newToken] = reservationId;
            }

            // RunInstances reports each instance as it was at launch: pending.
            return new Reservation(reservationId, accountId,
                instances.Select(i => new InstanceView(i, InstanceStateName.Pending, ec2.AssociationOf(i.InstanceId))).ToList());
        });
    }

    /// <summary>DescribeInstances: reservations of the instances that match, in launch order, one page at a time.</summary>
    public (IReadOnlyList<Reservation> Reservations, string? NextToken) Describe(
        string accountId, string region, IReadOnlyList<string> instanceIds, IReadOnlyList<Ec2Filter> filters, int? maxResults, string? nextToken)
    {
        if (maxResults is not null && instanceIds.Count > 0)
        {
            throw Ec2Errors.InvalidParameterCombination("The parameter instancesSet cannot be used with the parameter maxResults");
        }

        if (maxResults is < 5 or > 1000)
        {
            throw Ec2Errors.InvalidParameterValue($"Value ( {maxResults} ) for parameter maxResults is invalid. Parameter must be between 5 and 1000.");
        }

        foreach (var filter in filters)
        {
            if (!IsInstanceFilter(filter.Name))
            {
                throw Ec2Errors.InvalidParameterValue($"The filter '{filter.Name}' is invalid");
            }
        }

        ValidateInstanceIds(instanceIds);
        var now = Now();
        var views = context.Store.Read(state =>
        {
            var ec2 = Ec2Of(state, accountId, region);
            var visible = ec2?.Instances.Values.Where(i => IsVisible(i, now)).ToList() ?? [];
            var missing = instanceIds.Where(id => visible.All(i => i.InstanceId != id)).Distinct().ToList();
            if (missing.Count > 0)
            {
                throw Ec2Errors.InstanceNotFound(missing);
            }

            return visible
                .Where(i => instanceIds.Count == 0 || instanceIds.Contains(i.InstanceId))
                .Select(i => new InstanceView(i, i.StateAt(now), ec2!.AssociationOf(i.InstanceId)))
                .Where(v => filters.All(f => MatchesInstanceFilter(f, v)))
                .OrderBy(v => v.Instance.LaunchTime).ThenBy(v => v.Instance.ReservationId, StringComparer.Ordinal).ThenBy(v => v.Instance.AmiLaunchIndex)
                .ToList();
        });

        var start = 0;
        if (nextToken is not null)
        {
            start = DecodeToken(nextToken);
            if (start > views.Count)
            {
                throw Ec2Errors.InvalidPaginationToken(nextToken);
            }
        }

        var size = maxResults ?? int.MaxValue;
        var page = views.Skip(start).Take(size).ToList();
        var next = start + page.Count < views.Count ? EncodeToken(start + page.Count) : null;
        var reservations = page.GroupBy(v => v.Instance.ReservationId)
            .Select(g => new Reservation(g.Key, accountId, g.ToList()))
            .ToList();
        return (reservations, next);
    }

    public IReadOnlyList<InstanceStateChange> Start(string accountId, string region, IReadOnlyList<string> instanceIds) =>
        ChangeState(accountId, region, instanceIds, (instance, current, now) =>
        {
            if (current == InstanceStateName.Running || current == InstanceStateName.Pending)
            {
                return null;
            }

            if (current != InstanceStateName.Stopped)
            {
                throw Ec2Errors.IncorrectInstanceState($"The instance '{instance.InstanceId}' is not in a state from which it can be started.");
            }

            return instance with { State = InstanceStateName.Pending, Settled = InstanceStateName.Running, SettlesAt = now, StateTransitionReason = "" };
        });

    public IReadOnlyList<InstanceStateChange> Stop(string accountId, string region, IReadOnlyList<string> instanceIds) =>
        ChangeState(accountId, region, instanceIds, (instance, current, now) =>
        {
            if (current == InstanceStateName.Stopped || current == InstanceStateName.Stopping)
            {
                return null;
            }

            if (current != InstanceStateName.Running && current != InstanceStateName.Pending)
            {
                throw Ec2Errors.IncorrectInstanceState($"The instance '{instance.InstanceId}' is not in a state from which it can be stopped.");
            }

            return instance with { State = InstanceStateName.Stopping, Settled = InstanceStateName.Stopped, SettlesAt = now, StateTransitionReason = UserInitiated(now) };
        });

    /// <summary>Terminate: idempotent; the association goes at once, and with it everything IMDS served the instance.</summary>
    public IReadOnlyList<InstanceStateChange> Terminate(string accountId, string region, IReadOnlyList<string> instanceIds) =>
        ChangeState(accountId, region, instanceIds, (instance, current, now) =>
            current == InstanceStateName.Terminated || current == InstanceStateName.ShuttingDown
                ? null
                : instance with { State = InstanceStateName.ShuttingDown, Settled = InstanceStateName.Terminated, SettlesAt = now, StateTransitionReason = UserInitiated(now) },
            (ec2, instance) =>
            {
                if (ec2.AssociationOf(instance.InstanceId) is { } association)
                {
                    ec2.Associations.Remove(association.AssociationId);
                }
            });

    private IReadOnlyList<InstanceStateChange> ChangeState(string accountId, string region, IReadOnlyList<string> instanceIds,
        Func<Instance, InstanceStateName, DateTimeOffset, Instance?> change, Action<Ec2RegionState, Instance>? sideEffect = null)
    {
        if (instanceIds.Count == 0)
        {
            throw Ec2Errors.MissingParameter("InstanceId");
        }

        ValidateInstanceIds(instanceIds);
        var now = Now();
        return context.Store.Write(state =>
        {
            var ec2 = IamRules.Account(state, accountId).Ec2(region);
            var instances = Existing(ec2, instanceIds, now);
            // Validate every instance before changing any: all or nothing.
            var changes = instances.Select(i => (Instance: i, Previous: i.StateAt(now), Next: change(i, i.StateAt(now), now))).ToList();
            var result = new List<InstanceStateChange>();
            foreach (var (instance, previous, next) in changes)
            {
                if (next is not null)
                {
                    ec2.Instances[instance.InstanceId] = next;
                    sideEffect?.Invoke(ec2, next);
                }

                result.Add(new InstanceStateChange(instance.InstanceId, next?.State ?? previous, previous));
            }

            return result;
        });
    }

    public InstanceMetadataOptions ModifyMetadataOptions(string accountId, string region, string? instanceId, MetadataOptionsRequest request)
    {
        if (instanceId is null)
        {
            throw Ec2Errors.MissingParameter("InstanceId");
        }

        ValidateInstanceIds([instanceId]);
        ValidateMetadataOptions(request);
        var now = Now();
        return context.Store.Write(state =>
        {
            var ec2 = IamRules.Account(state, accountId).Ec2(region);
            var instance = Existing(ec2, [instanceId], now)[0];
            var current = instance.StateAt(now);
            if (current == InstanceStateName.Terminated || current == InstanceStateName.ShuttingDown)
            {
                throw Ec2Errors.IncorrectInstanceState($"The instance '{instanceId}' is not in a state from which its metadata options can be modified.");
            }

            var old = instance.MetadataOptions;
            var updated = new InstanceMetadataOptions(
                request.HttpTokens ?? old.HttpTokens,
                request.HttpPutResponseHopLimit ?? old.HttpPutResponseHopLimit,
                request.HttpEndpoint ?? old.HttpEndpoint,
                request.HttpProtocolIpv6 ?? old.HttpProtocolIpv6,
                request.InstanceMetadataTags ?? old.InstanceMetadataTags);
            if (updated.TagsEnabled && !old.TagsEnabled)
            {
                ValidateTags([], updated, 0, instance.Tags);
            }

            ec2.Instances[instanceId] = instance with { MetadataOptions = updated };
            return updated;
        });
    }

    public InstanceMetadataDefaults GetMetadataDefaults(string accountId, string region) =>
        context.Store.Read(state => Ec2Of(state, accountId, region)?.MetadataDefaults ?? InstanceMetadataDefaults.None);

    /// <summary>
    /// ModifyInstanceMetadataDefaults: omitted fields keep their value, <c>no-preference</c> (or hop limit -1) clears one.
    /// </summary>
    public void ModifyMetadataDefaults(string accountId, string region, string? httpTokens, int? hopLimit, string? httpEndpoint, string? tags, string? enforced)
    {
        OneOf("HttpTokens", httpTokens, "optional", "required", "no-preference");
        OneOf("HttpEndpoint", httpEndpoint, "enabled", "disabled", "no-preference");
        OneOf("InstanceMetadataTags", tags, "enabled", "disabled", "no-preference");
        OneOf("HttpTokensEnforced", enforced, "enabled", "disabled", "no-preference");
        if (hopLimit is not null && hopLimit != -1 && hopLimit is < 1 or > 64)
        {
            throw Ec2Errors.InvalidParameterValue($"Value ({hopLimit}) for parameter HttpPutResponseHopLimit is invalid. Valid values are -1 (no preference) and 1 to 64.");
        }

        context.Store.Write(state =>
        {
            var ec2 = IamRules.Account(state, accountId).Ec2(region);
            var old = ec2.MetadataDefaults;
            ec2.MetadataDefaults = new InstanceMetadataDefaults(
                Preference(httpTokens, old.HttpTokens),
                hopLimit is null ? old.HttpPutResponseHopLimit : hopLimit == -1 ? null : hopLimit,
                Preference(httpEndpoint, old.HttpEndpoint),
                Preference(tags, old.InstanceMetadataTags),
                Preference(enforced, old.HttpTokensEnforced));
            return true;
        });

        static string? Preference(string? given, string? old) => given is null ? old : given == "no-preference" ? null : given;
    }

    /// <summary>CreateTags on instances (other resource ids are EC2's to validate; only instances exist here).</summary>
    public void CreateTags(string accountId, string region, IReadOnlyList<string> resourceIds, IReadOnlyList<Tag> tags)
    {
        RequireResources(resourceIds);
        if (tags.Count == 0)
        {
            throw Ec2Errors.MissingParameter("Tag");
        }

        var now = Now();
        context.Store.Write(state =>
        {
            var ec2 = IamRules.Account(state, accountId).Ec2(region);
            var instances = Existing(ec2, resourceIds, now);
            var updated = instances.Select(i =>
            {
                var merged = TagRules.Apply([.. i.Tags], tags, false);
                ValidateTags(tags, i.MetadataOptions, merged.Count);
                return i with { Tags = [.. merged] };
            }).ToList();
            foreach (var instance in updated)
            {
                ec2.Instances[instance.InstanceId] = instance;
            }

            return true;
        });
    }

    /// <summary>DeleteTags: a tag given with a value is removed only when its value matches (EC2's rule).</summary>
    public void DeleteTags(string accountId, string region, IReadOnlyList<string> resourceIds, IReadOnlyList<(string Key, string? Value)> tags)
    {
        RequireResources(resourceIds);
        var now = Now();
        context.Store.Write(state =>
        {
            var ec2 = IamRules.Account(state, accountId).Ec2(region);
            foreach (var instance in Existing(ec2, resourceIds, now))
            {
                var kept = tags.Count == 0
                    ? []
                    : instance.Tags.Where(t => !tags.Any(d => d.Key == t.Key && (d.Value is null || d.Value == t.Value))).ToImmutableList();
                ec2.Instances[instance.InstanceId] = instance with { Tags = kept };
            }

            return true;
        });
    }

    /// <summary>DescribeTags over the account's instances in the region (filters key, value, resource-id, resource-type).</summary>
    public IReadOnlyList<(string ResourceId, Tag Tag)> DescribeTags(string accountId, string region, IReadOnlyList<Ec2Filter> filters)
    {
        foreach (var filter in filters)
        {
            if (filter.Name is not ("key" or "value" or "resource-id" or "resource-type" or "tag-key") && !filter.Name.StartsWith("tag:", StringComparison.Ordinal))
            {
                throw Ec2Errors.InvalidParameterValue($"The filter '{filter.Name}' is invalid");
            }
        }

        var now = Now();
        return context.Store.Read(state =>
        {
            var ec2 = Ec2Of(state, accountId, region);
            return (ec2?.Instances.Values ?? Enumerable.Empty<Instance>()).Where(i => IsVisible(i, now) && !i.IsTerminatedAt(now))
                .OrderBy(i => i.InstanceId, StringComparer.Ordinal)
                .SelectMany(i => i.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (i.InstanceId, t)))
                .Where(entry => filters.All(f => f.Name switch
                {
                    "key" or "tag-key" => f.Matches(entry.t.Key),
                    "value" => f.Matches(entry.t.Value),
                    "resource-id" => f.Matches(entry.InstanceId),
                    "resource-type" => f.Matches("instance"),
                    _ => entry.t.Key == f.Name[4..] && f.Matches(entry.t.Value),
                }))
                .ToList();
        });
    }

    /// <summary>The account's instance in the region with this id (visible ones only), and its association; null when there is none.</summary>
    public InstanceView? Find(string accountId, string region, string instanceId)
    {
        var now = Now();
        return context.Store.Read(state => Ec2Of(state, accountId, region) is { } ec2 && ec2.Instances.TryGetValue(instanceId, out var instance) && IsVisible(instance, now)
            ? new InstanceView(instance, instance.StateAt(now), ec2.AssociationOf(instanceId))
            : null);
    }

    /// <summary>The instance with this id wherever it lives (ids are unique across accounts and regions), or null.</summary>
    public Instance? Find(string instanceId) => context.Store.Read(state => FindIn(state, instanceId));

    internal static Instance? FindIn(EmulatorState state, string instanceId)
    {
        foreach (var account in state.Accounts.Values)
        {
            foreach (var ec2 in account.Ec2Regions.Values)
            {
                if (ec2.Instances.TryGetValue(instanceId, out var instance))
                {
                    return instance;
                }
            }
        }

        return null;
    }

    internal static Ec2RegionState? Ec2Of(EmulatorState state, string accountId, string region) =>
        IamRules.Account(state, accountId).Ec2Regions.GetValueOrDefault(region);

    internal static IReadOnlyList<Instance> Existing(Ec2RegionState ec2, IReadOnlyList<string> instanceIds, DateTimeOffset now)
    {
        var missing = instanceIds.Where(id => !ec2.Instances.TryGetValue(id, out var i) || !IsVisible(i, now)).Distinct().ToList();
        if (missing.Count > 0)
        {
            throw Ec2Errors.InstanceNotFound(missing);
        }

        return instanceIds.Distinct().Select(id => ec2.Instances[id]).ToList();
    }

    public static void ValidateInstanceIds(IEnumerable<string> instanceIds)
    {
        foreach (var id in instanceIds)
        {
            if (!IsInstanceId(id))
            {
                throw Ec2Errors.InstanceIdMalformed(id);
            }
        }
    }

    public static bool IsInstanceId(string id) =>
        id.StartsWith("i-", StringComparison.Ordinal) && id.Length is 10 or 19 && id.AsSpan(2).IndexOfAnyExcept("0123456789abcdef") < 0;

    private static bool IsVisible(Instance instance, DateTimeOffset now) =>
        !instance.IsTerminatedAt(now) || now - instance.SettlesAt < TerminatedVisibility;

    private static void RequireResources(IReadOnlyList<string> resourceIds)
    {
        if (resourceIds.Count == 0)
        {
            throw Ec2Errors.MissingParameter("ResourceId");
        }

        foreach (var id in resourceIds)
        {
            if (!id.StartsWith("i-", StringComparison.Ordinal))
            {
                throw Ec2Errors.InvalidParameterValue($"Invalid id: \"{id}\" (the emulator tags instances only)");
            }
        }

        ValidateInstanceIds(resourceIds);
    }

    private static Reservation ReservationOf(Ec2RegionState ec2, string reservationId, DateTimeOffset now) =>
        new(reservationId, ec2.AccountId, ec2.Instances.Values.Where(i => i.ReservationId == reservationId)
            .OrderBy(i => i.AmiLaunchIndex)
            .Select(i => new InstanceView(i, i.StateAt(now), ec2.AssociationOf(i.InstanceId))).ToList());

    private static (int Min, int Max) ValidateCounts(RunInstancesRequest request)
    {
        var min = request.MinCount ?? throw Ec2Errors.MissingParameter("MinCount");
        var max = request.MaxCount ?? throw Ec2Errors.MissingParameter("MaxCount");
        if (min < 1)
        {
            throw Ec2Errors.InvalidParameterValue($"Value ({min}) for parameter minCount is invalid. Expected a value greater than or equal to 1.");
        }

        if (max < min)
        {
            throw Ec2Errors.InvalidParameterValue($"Value ({max}) for parameter maxCount is invalid. Expected a value greater than or equal to minCount ({min}).");
        }

        ValidateMetadataOptions(request.MetadataOptions);
        return (min, max);
    }

    private static byte[]? DecodeUserData(string? userData)
    {
        if (userData is null)
        {
            return null;
        }

        try
        {
            var bytes = Convert.FromBase64String(userData);
            return bytes.Length <= 16 * 1024
                ? bytes
                : throw Ec2Errors.InvalidParameterValue("User data is limited to 16384 bytes");
        }
        catch (FormatException)
        {
            throw Ec2Errors.InvalidParameterValue("Invalid BASE64 encoding of user data.");
        }
    }

    /// <summary>Launch options win, then the account's defaults for the region, then EC2's own defaults.</summary>
    private static InstanceMetadataOptions ResolveMetadataOptions(MetadataOptionsRequest request, InstanceMetadataDefaults defaults)
    {
        var fallback = InstanceMetadataOptions.Default;
        var options = new InstanceMetadataOptions(
            request.HttpTokens ?? defaults.HttpTokens ?? fallback.HttpTokens,
            request.HttpPutResponseHopLimit ?? defaults.HttpPutResponseHopLimit ?? fallback.HttpPutResponseHopLimit,
            request.HttpEndpoint ?? defaults.HttpEndpoint ?? fallback.HttpEndpoint,
            request.HttpProtocolIpv6 ?? fallback.HttpProtocolIpv6,
            request.InstanceMetadataTags ?? defaults.InstanceMetadataTags ?? fallback.InstanceMetadataTags);
        if (defaults.HttpTokensEnforced == "enabled" && !options.TokensRequired)
        {
            throw Ec2Errors.InvalidParameterValue(
                "The instance can't launch unless IMDSv2 (HttpTokens) is set to required: the account's metadata defaults for this Region enforce it (HttpTokensEnforced=enabled).");
        }

        return options;
    }

    public static void ValidateMetadataOptions(MetadataOptionsRequest request)
    {
        OneOf("HttpTokens", request.HttpTokens, "optional", "required");
        OneOf("HttpEndpoint", request.HttpEndpoint, "enabled", "disabled");
        OneOf("HttpProtocolIpv6", request.HttpProtocolIpv6, "enabled", "disabled");
        OneOf("InstanceMetadataTags", request.InstanceMetadataTags, "enabled", "disabled");
        if (request.HttpPutResponseHopLimit is < 1 or > 64)
        {
            throw Ec2Errors.InvalidParameterValue($"The HttpPutResponseHopLimit value '{request.HttpPutResponseHopLimit}' is invalid. Valid values are 1 to 64.");
        }
    }

    private static void OneOf(string parameter, string? value, params string[] allowed)
    {
        if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
        {
            throw Ec2Errors.InvalidParameterValue($"Value ({value}) for parameter {parameter} is invalid. Valid values: {string.Join(", ", allowed)}");
        }
    }

    /// <summary>EC2's tag limits; while metadata tags are on, keys must also be valid IMDS path segments.</summary>
    private static void ValidateTags(IReadOnlyList<Tag> tags, InstanceMetadataOptions options, int resultingCount, IEnumerable<Tag>? existing = null)
    {
        if (resultingCount > MaxTagsPerResource || tags.Count > MaxTagsPerResource)
        {
            throw new AwsError("TagLimitExceeded", $"The maximum number of Tags for a resource is {MaxTagsPerResource}.", 400).ToException();
        }

        foreach (var tag in tags.Concat(existing ?? []))
        {
            if (tag.Key.Length is 0 or > 128)
            {
                throw Ec2Errors.InvalidParameterValue($"Tag key exceeds the maximum length of 128 characters or is empty: '{tag.Key}'");
            }

            if (tag.Value.Length > 256)
            {
                throw Ec2Errors.InvalidParameterValue($"Tag value exceeds the maximum length of 256 characters for key '{tag.Key}'");
            }

            if (tag.Key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                throw Ec2Errors.InvalidParameterValue("Tag keys starting with 'aws:' are reserved for internal use");
            }

            if (options.TagsEnabled && (tag.Key is "." or ".." or "_index" || tag.Key.Any(c => !char.IsAsciiLetterOrDigit(c) && "+-=.,_:@".IndexOf(c) < 0)))
            {
                throw Ec2Errors.InvalidParameterValue(
                    $"The tag key '{tag.Key}' is not allowed while instance metadata tags are enabled: use letters, digits and + - = . , _ : @ (and not '.', '..' or '_index').");
            }
        }
    }

    private static (string SubnetId, DefaultSubnet Subnet) AcceptedSubnet(Ec2Network network, string subnetId, string? zone)
    {
        if (!subnetId.StartsWith("subnet-", StringComparison.Ordinal) || subnetId.Length < 8)
        {
            throw new AwsError("InvalidSubnetID.Malformed", $"Invalid id: \"{subnetId}\"", 400).ToException();
        }

        // A subnet the emulator does not model is accepted and shown as given; addresses come from the zone's default subnet.
        return (subnetId, network.SubnetInZone(zone));
    }

    private static ImmutableList<SecurityGroupRef> SecurityGroups(Ec2Network network, RunInstancesRequest request)
    {
        var groups = request.SecurityGroupIds.Select(id => new SecurityGroupRef(id, id == network.SecurityGroupId ? Ec2Network.SecurityGroupName : id))
            .Concat(request.SecurityGroupNames.Select(name => new SecurityGroupRef(
                name == Ec2Network.SecurityGroupName ? network.SecurityGroupId : "sg-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(network.VpcId + "/" + name)))[..17],
                name)))
            .ToImmutableList();
        return groups.IsEmpty ? [new SecurityGroupRef(network.SecurityGroupId, Ec2Network.SecurityGroupName)] : groups;
    }

    private string Mac()
    {
        var hex = context.Ids.Hex(10);
        return "0e:" + string.Join(':', Enumerable.Range(0, 5).Select(i => hex.Substring(i * 2, 2)));
    }

    private static string UserInitiated(DateTimeOffset now) =>
        $"User initiated ({now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} GMT)";

    private static bool IsInstanceFilter(string name) =>
        name is "instance-id" or "instance-state-name" or "instance-state-code" or "iam-instance-profile.arn" or "private-ip-address"
            or "image-id" or "instance-type" or "availability-zone" or "tag-key" or "vpc-id" or "subnet-id" or "key-name"
            or "reservation-id" or "private-dns-name" or "network-interface.addresses.private-ip-address"
        || name.StartsWith("tag:", StringComparison.Ordinal);

    private static bool MatchesInstanceFilter(Ec2Filter filter, InstanceView view)
    {
        var i = view.Instance;
        return filter.Name switch
        {
            "instance-id" => filter.Matches(i.InstanceId),
            "instance-state-name" => filter.Matches(view.State.Name),
            "instance-state-code" => filter.Matches(view.State.Code.ToString(CultureInfo.InvariantCulture)),
            "iam-instance-profile.arn" => filter.Matches(view.Association?.InstanceProfileArn),
            "private-ip-address" or "network-interface.addresses.private-ip-address" => filter.Matches(i.PrivateIpAddress),
            "private-dns-name" => filter.Matches(i.PrivateDnsName),
            "image-id" => filter.Matches(i.ImageId),
            "instance-type" => filter.Matches(i.InstanceType),
            "availability-zone" => filter.Matches(i.AvailabilityZone),
            "vpc-id" => filter.Matches(i.VpcId),
            "subnet-id" => filter.Matches(i.SubnetId),
            "key-name" => filter.Matches(i.KeyName),
            "reservation-id" => filter.Matches(i.ReservationId),
            "tag-key" => filter.MatchesAny(i.Tags.Select(t => t.Key)),
            _ => i.Tags.FirstOrDefault(t => t.Key == filter.Name[4..]) is { } tag && filter.Matches(tag.Value),
        };
    }

    private static string EncodeToken(int offset) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("n1:" + offset.ToString(CultureInfo.InvariantCulture)));

    private static int DecodeToken(string token)
    {
        try
        {
            var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("n1:", StringComparison.Ordinal) && int.TryParse(text.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // any token the emulator did not issue is EC2's InvalidPaginationToken
        }

        throw Ec2Errors.InvalidPaginationToken(token);
    }
}
