using Emulator.Core.Ec2;
using Emulator.Core.Iam.Tags;
using Emulator.Core.Sts;
using Emulator.Server.Pipeline;
using Emulator.Server.Protocol;

namespace Emulator.Server.Ec2;

/// <summary>
/// EC2's action table. Each operation declares its checks: the EC2 action on the instance ARN (or
/// <c>instance/*</c> for a launch), and — where an instance profile is passed — <c>iam:PassRole</c> on the
/// profile's role with <c>iam:PassedToService</c> and <c>iam:AssociatedResourceArn</c> (ec2-subset.md §4, §7).
/// </summary>
public static class Ec2Actions
{
    public const string Version = "2016-11-15";

    public static AwsService Service(Ec2Service ec2, AuthorizationMessageCodec messages)
    {
        var instances = ec2.Instances;
        var associations = ec2.Associations;
        return new AwsService("ec2", new Ec2Protocol(messages), Version,
        [
            new("RunInstances", "ec2:RunInstances", AnyInstance, (c, w) =>
                Ec2Xml.Reservation(w, instances.RunInstances(c.AccountId, c.Region, RunRequest(c))))
            {
                Checks = c => RunInstancesChecks(c, instances),
            },
            Op("DescribeInstances", AwsOperation.Everything, (c, w) =>
            {
                var (reservations, next) = instances.Describe(c.AccountId, c.Region, Ec2Parameters.List(c.Parameters, "InstanceId"),
                    Ec2Parameters.Filters(c.Parameters), Ec2Parameters.Int(c.Parameters, "MaxResults"), c["NextToken"]);
                w.List("reservationSet", reservations, Ec2Xml.Reservation).Value("nextToken", next);
            }),
            OnInstances("StartInstances", instances, (c, w, ids) => w.List("instancesSet", instances.Start(c.AccountId, c.Region, ids), Ec2Xml.StateChange)),
            OnInstances("StopInstances", instances, (c, w, ids) => w.List("instancesSet", instances.Stop(c.AccountId, c.Region, ids), Ec2Xml.StateChange)),
            OnInstances("TerminateInstances", instances, (c, w, ids) => w.List("instancesSet", instances.Terminate(c.AccountId, c.Region, ids), Ec2Xml.StateChange)),
            new("CreateTags", "ec2:CreateTags", AnyInstance, (c, w) =>
            {
                instances.CreateTags(c.AccountId, c.Region, Ec2Parameters.List(c.Parameters, "ResourceId"), Ec2Parameters.Tags(c.Parameters));
                w.Value("return", true);
            })
            {
                Checks = c => PerInstance(c, instances, "ec2:CreateTags", Ec2Parameters.List(c.Parameters, "ResourceId"), TagKeys(Ec2Parameters.Tags(c.Parameters))),
            },
            new("DeleteTags", "ec2:DeleteTags", AnyInstance, (c, w) =>
            {
                var tags = c.Parameters.Members("Tag").Select(m => (c[m + "Key"] ?? "", c[m + "Value"])).ToList();
                instances.DeleteTags(c.AccountId, c.Region, Ec2Parameters.List(c.Parameters, "ResourceId"), tags);
                w.Value("return", true);
            })
            {
                Checks = c => PerInstance(c, instances, "ec2:DeleteTags", Ec2Parameters.List(c.Parameters, "ResourceId"),
                    Keys(("aws:TagKeys", c.Parameters.Members("Tag").Select(m => c[m + "Key"] ?? "").ToList()))),
            },
            Op("DescribeTags", AwsOperation.Everything, (c, w) =>
                w.List("tagSet", instances.DescribeTags(c.AccountId, c.Region, Ec2Parameters.Filters(c.Parameters)), (t, entry) => t
                    .Value("resourceId", entry.ResourceId).Value("resourceType", "instance").Value("key", entry.Tag.Key).Value("value", entry.Tag.Value))),
            new("ModifyInstanceMetadataOptions", "ec2:ModifyInstanceMetadataOptions", AnyInstance, (c, w) =>
            {
                var options = instances.ModifyMetadataOptions(c.AccountId, c.Region, c["InstanceId"], Ec2Parameters.MetadataOptions(c.Parameters, ""));
                // AWS answers "pending" here, even for a no-op, and "applied" in later descriptions (recorded).
                w.Value("instanceId", c["InstanceId"]).Object("instanceMetadataOptions", m => Ec2Xml.MetadataOptions(m, options, "pending"));
            })
            {
                Checks = c => PerInstance(c, instances, "ec2:ModifyInstanceMetadataOptions", c["InstanceId"] is { } id ? [id] : [],
                    MetadataKeys(Ec2Parameters.MetadataOptions(c.Parameters, ""))),
            },
            Op("GetInstanceMetadataDefaults", AwsOperation.Everything, (c, w) =>
            {
                var defaults = instances.GetMetadataDefaults(c.AccountId, c.Region);
                w.Object("accountLevel", a => a
                    .Value("httpTokens", defaults.HttpTokens)
                    .Value("httpPutResponseHopLimit", defaults.HttpPutResponseHopLimit?.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Value("httpEndpoint", defaults.HttpEndpoint)
                    .Value("instanceMetadataTags", defaults.InstanceMetadataTags)
                    .Value("managedBy", "account")
                    .Value("httpTokensEnforced", defaults.HttpTokensEnforced));
            }),
            Op("ModifyInstanceMetadataDefaults", AwsOperation.Everything, (c, w) =>
            {
                instances.ModifyMetadataDefaults(c.AccountId, c.Region, c["HttpTokens"], Ec2Parameters.Int(c.Parameters, "HttpPutResponseHopLimit"),
                    c["HttpEndpoint"], c["InstanceMetadataTags"], c["HttpTokensEnforced"]);
                w.Value("return", true);
            }),
            new("AssociateIamInstanceProfile", "ec2:AssociateIamInstanceProfile", AnyInstance, (c, w) =>
                w.Object("iamInstanceProfileAssociation", a => Ec2Xml.Association(a,
                    associations.Associate(c.AccountId, c.Region, c["InstanceId"], Ec2Parameters.Profile(c.Parameters)))))
            {
                Checks = c => AssociationChecks(c, instances, "ec2:AssociateIamInstanceProfile", c["InstanceId"], currentProfile: null),
            },
            new("ReplaceIamInstanceProfileAssociation", "ec2:ReplaceIamInstanceProfileAssociation", AnyInstance, (c, w) =>
                w.Object("iamInstanceProfileAssociation", a => Ec2Xml.Association(a,
                    associations.Replace(c.AccountId, c.Region, c["AssociationId"], Ec2Parameters.Profile(c.Parameters)))))
            {
                Checks = c =>
                {
                    var current = c["AssociationId"] is { } id ? associations.Find(c.AccountId, c.Region, id) : null;
                    return AssociationChecks(c, instances, "ec2:ReplaceIamInstanceProfileAssociation", current?.InstanceId, current?.InstanceProfileArn);
                },
            },
            new("DisassociateIamInstanceProfile", "ec2:DisassociateIamInstanceProfile", AnyInstance, (c, w) =>
                w.Object("iamInstanceProfileAssociation", a => Ec2Xml.Association(a, associations.Disassociate(c.AccountId, c.Region, c["AssociationId"]))))
            {
                Checks = c =>
                {
                    var current = c["AssociationId"] is { } id ? associations.Find(c.AccountId, c.Region, id) : null;
                    return PerInstance(c, instances, "ec2:DisassociateIamInstanceProfile", current is null ? [] : [current.InstanceId],
                        current is null ? Keys() : Keys(("ec2:InstanceProfile", [current.InstanceProfileArn])));
                },
            },
            Op("DescribeIamInstanceProfileAssociations", AwsOperation.Everything, (c, w) =>
            {
                var (found, next) = associations.Describe(c.AccountId, c.Region, Ec2Parameters.List(c.Parameters, "AssociationId"),
                    Ec2Parameters.Filters(c.Parameters), Ec2Parameters.Int(c.Parameters, "MaxResults"), c["NextToken"]);
                w.List("iamInstanceProfileAssociationSet", found, Ec2Xml.Association).Value("nextToken", next);
            }),
            .. Ec2NetworkActions.Operations(ec2),
        ])
        {
            RequestKeys = RequestKeys,
        };
    }

    private static AwsOperation Op(string name, Func<OperationContext, string> resource, Action<OperationContext, QueryXmlWriter> handler) =>
        new(name, "ec2:" + name, resource, handler);

    private static AwsOperation OnInstances(string name, InstanceOperations instances, Action<OperationContext, QueryXmlWriter, IReadOnlyList<string>> handler) =>
        new(name, "ec2:" + name, AnyInstance, (c, w) => handler(c, w, Ec2Parameters.List(c.Parameters, "InstanceId")))
        {
            Checks = c => PerInstance(c, instances, "ec2:" + name, Ec2Parameters.List(c.Parameters, "InstanceId"), Keys()),
        };

    private static string AnyInstance(OperationContext c) => c.RegionalArn("ec2", "instance/*");

    private static RunInstancesRequest RunRequest(OperationContext c) => new()
    {
        ImageId = c["ImageId"],
        InstanceType = c["InstanceType"],
        MinCount = Ec2Parameters.Int(c.Parameters, "MinCount"),
        MaxCount = Ec2Parameters.Int(c.Parameters, "MaxCount"),
        KeyName = c["KeyName"],
        SubnetId = c["SubnetId"],
        AvailabilityZone = c["Placement.AvailabilityZone"],
        PrivateIpAddress = c["PrivateIpAddress"],
        SecurityGroupNames = Ec2Parameters.List(c.Parameters, "SecurityGroup"),
        SecurityGroupIds = Ec2Parameters.List(c.Parameters, "SecurityGroupId"),
        IamInstanceProfile = Ec2Parameters.Profile(c.Parameters),
        MetadataOptions = Ec2Parameters.MetadataOptions(c.Parameters, "MetadataOptions."),
        Tags = Ec2Parameters.InstanceTagSpecifications(c.Parameters),
        UserData = c["UserData"],
        ClientToken = c["ClientToken"],
    };

    /// <summary>ec2:RunInstances on instance/*, then iam:PassRole on the role inside the profile (not on the profile).</summary>
    private static IReadOnlyList<AuthorizationCheck> RunInstancesChecks(OperationContext c, InstanceOperations instances)
    {
        var tags = Ec2Parameters.InstanceTagSpecifications(c.Parameters);
        var keys = MetadataKeys(Ec2Parameters.MetadataOptions(c.Parameters, "MetadataOptions."));
        foreach (var (key, values) in TagKeys(tags))
        {
            keys[key] = values;
        }

        var checks = new List<AuthorizationCheck> { new("ec2:RunInstances", AnyInstance(c)) { ContextKeys = keys } };
        if (Ec2Parameters.Profile(c.Parameters) is { IsEmpty: false } reference
            && instances.ResolveProfileForLaunch(c.AccountId, reference) is { Role: { } role })
        {
            checks.Add(PassRole(c, role.Arn));
        }

        return checks;
    }

    /// <summary>Associate and Replace: the EC2 action on the instance with ec2:NewInstanceProfile (and ec2:InstanceProfile), then PassRole.</summary>
    private static IReadOnlyList<AuthorizationCheck> AssociationChecks(OperationContext c, InstanceOperations instances, string action, string? instanceId, string? currentProfile)
    {
        var reference = Ec2Parameters.Profile(c.Parameters);
        var (profile, role) = reference.IsEmpty ? default : instances.ResolveProfileForAssociation(c.AccountId, reference);
        var keys = Keys();
        if (profile is not null)
        {
            keys["ec2:NewInstanceProfile"] = [profile.Arn];
        }

        if (currentProfile is not null)
        {
            keys["ec2:InstanceProfile"] = [currentProfile];
        }

        var checks = PerInstance(c, instances, action, instanceId is null ? [] : [instanceId], keys).ToList();
        if (role is not null)
        {
            checks.Add(PassRole(c, role.Arn));
        }

        return checks;
    }

    /// <summary>
    /// iam:PassRole as EC2 asks it: iam:PassedToService is ec2.amazonaws.com and iam:AssociatedResourceArn the
    /// wildcard instance ARN of the region, for launches and associations alike (recorded).
    /// </summary>
    private static AuthorizationCheck PassRole(OperationContext c, string roleArn) => new("iam:PassRole", roleArn)
    {
        ContextKeys = Keys(("iam:PassedToService", ["ec2.amazonaws.com"]), ("iam:AssociatedResourceArn", [AnyInstance(c)])),
    };

    /// <summary>One check per instance, on its ARN with its tags (ec2:ResourceTag/*); unknown ids are left to the operation's own error.</summary>
    private static IReadOnlyList<AuthorizationCheck> PerInstance(OperationContext c, InstanceOperations instances, string action, IReadOnlyList<string> ids,
        Dictionary<string, IReadOnlyList<string>> keys)
    {
        var checks = new List<AuthorizationCheck>();
        foreach (var id in ids.Distinct())
        {
            var view = InstanceOperations.IsInstanceId(id) ? instances.Find(c.AccountId, c.Region, id) : null;
            var instanceKeys = new Dictionary<string, IReadOnlyList<string>>(keys, StringComparer.OrdinalIgnoreCase);
            foreach (var tag in view?.Instance.Tags ?? [])
            {
                instanceKeys[$"ec2:ResourceTag/{tag.Key}"] = [tag.Value];
                instanceKeys[$"aws:ResourceTag/{tag.Key}"] = [tag.Value];
            }

            if (view?.Association is { } association && !instanceKeys.ContainsKey("ec2:InstanceProfile"))
            {
                instanceKeys["ec2:InstanceProfile"] = [association.InstanceProfileArn];
            }

            checks.Add(new AuthorizationCheck(action, c.RegionalArn("ec2", $"instance/{id}")) { ContextKeys = instanceKeys });
        }

        return checks.Count > 0 ? checks : [new AuthorizationCheck(action, AnyInstance(c)) { ContextKeys = keys }];
    }

    private static Dictionary<string, IReadOnlyList<string>> MetadataKeys(MetadataOptionsRequest options)
    {
        var keys = Keys();
        if (options.HttpTokens is { } tokens)
        {
            keys["ec2:MetadataHttpTokens"] = [tokens];
        }

        if (options.HttpPutResponseHopLimit is { } hops)
        {
            keys["ec2:MetadataHttpPutResponseHopLimit"] = [hops.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        }

        if (options.HttpEndpoint is { } endpoint)
        {
            keys["ec2:MetadataHttpEndpoint"] = [endpoint];
        }

        return keys;
    }

    private static Dictionary<string, IReadOnlyList<string>> TagKeys(IReadOnlyList<Tag> tags)
    {
        var keys = Keys();
        if (tags.Count > 0)
        {
            foreach (var tag in tags)
            {
                keys[$"aws:RequestTag/{tag.Key}"] = [tag.Value];
            }

            keys["aws:TagKeys"] = tags.Select(t => t.Key).ToList();
        }

        return keys;
    }

    /// <summary>Keys every EC2 request carries: ec2:Region (aws:RequestedRegion comes from the environment).</summary>
    private static IReadOnlyDictionary<string, IReadOnlyList<string>> RequestKeys(OperationContext context) => Keys(("ec2:Region", [context.Region]));

    private static Dictionary<string, IReadOnlyList<string>> Keys(params (string Key, IReadOnlyList<string> Values)[] entries)
    {
        var keys = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, values) in entries)
        {
            keys[key] = values;
        }

        return keys;
    }
}
