using System.Globalization;
using Emulator.Core.Ec2;
using Emulator.Server.Protocol;

namespace Emulator.Server.Ec2;

/// <summary>EC2's XML shapes (lower-camel element names from the model's locationName, <c>item</c> lists).</summary>
public static class Ec2Xml
{
    /// <summary>EC2 timestamps carry milliseconds: <c>2024-05-01T12:00:00.000Z</c>.</summary>
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static void Reservation(QueryXmlWriter w, Reservation reservation) => w
        .Value("reservationId", reservation.ReservationId)
        .Value("ownerId", reservation.OwnerId)
        .Empty("groupSet")
        .List("instancesSet", reservation.Instances, Instance);

    public static void Instance(QueryXmlWriter w, InstanceView view)
    {
        var i = view.Instance;
        var terminated = view.State == InstanceStateName.Terminated;
        w.Value("instanceId", i.InstanceId)
            .Value("imageId", i.ImageId)
            .Object("instanceState", s => State(s, view.State))
            .Value("privateDnsName", terminated ? "" : i.PrivateDnsName)
            .Value("dnsName", "")
            .Value("reason", i.StateTransitionReason)
            .Value("keyName", i.KeyName)
            .Value("amiLaunchIndex", i.AmiLaunchIndex)
            .Empty("productCodes")
            .Value("instanceType", i.InstanceType)
            .Value("launchTime", Time(i.LaunchTime))
            .Object("placement", p => p.Value("availabilityZone", i.AvailabilityZone).Value("groupName", "").Value("tenancy", "default"))
            .Object("monitoring", m => m.Value("state", "disabled"));
        if (!terminated)
        {
            w.Value("subnetId", i.SubnetId).Value("vpcId", i.VpcId).Value("privateIpAddress", i.PrivateIpAddress);
        }

        w.Value("sourceDestCheck", true)
            .List("groupSet", terminated ? [] : i.SecurityGroups, Group);
        if (i.StateTransitionReason.Length > 0)
        {
            w.Object("stateReason", r => r
                .Value("code", "Client.UserInitiatedShutdown")
                .Value("message", "Client.UserInitiatedShutdown: User initiated shutdown"));
        }

        w.Value("architecture", "x86_64")
            .Value("rootDeviceType", "ebs")
            .Value("rootDeviceName", "/dev/xvda")
            .Empty("blockDeviceMapping")
            .Value("virtualizationType", "hvm")
            .Value("clientToken", i.ClientToken ?? "");
        if (!i.Tags.IsEmpty)
        {
            w.List("tagSet", i.Tags, (t, tag) => t.Value("key", tag.Key).Value("value", tag.Value));
        }

        w.Value("hypervisor", "xen");
        if (!terminated)
        {
            w.List("networkInterfaceSet", [i], NetworkInterface);
        }

        if (view.Association is { } association)
        {
            w.Object("iamInstanceProfile", p => p.Value("arn", association.InstanceProfileArn).Value("id", association.InstanceProfileId));
        }

        w.Value("ebsOptimized", false)
            .Value("enaSupport", true)
            .Object("hibernationOptions", h => h.Value("configured", false))
            .Object("metadataOptions", m => MetadataOptions(m, i.MetadataOptions, view.State == InstanceStateName.Pending ? "pending" : "applied"))
            .Object("enclaveOptions", e => e.Value("enabled", false))
            .Value("platformDetails", "Linux/UNIX")
            .Value("usageOperation", "RunInstances")
            .Value("usageOperationUpdateTime", Time(i.LaunchTime));
    }

    public static void State(QueryXmlWriter w, InstanceStateName state) => w.Value("code", state.Code).Value("name", state.Name);

    public static void StateChange(QueryXmlWriter w, InstanceStateChange change) => w
        .Value("instanceId", change.InstanceId)
        .Object("currentState", s => State(s, change.CurrentState))
        .Object("previousState", s => State(s, change.PreviousState));

    public static void MetadataOptions(QueryXmlWriter w, InstanceMetadataOptions options, string state) => w
        .Value("state", state)
        .Value("httpTokens", options.HttpTokens)
        .Value("httpPutResponseHopLimit", options.HttpPutResponseHopLimit)
        .Value("httpEndpoint", options.HttpEndpoint)
        .Value("httpProtocolIpv6", options.HttpProtocolIpv6)
        .Value("instanceMetadataTags", options.InstanceMetadataTags);

    public static void Association(QueryXmlWriter w, AssociationView view) => w
        .Value("associationId", view.Association.AssociationId)
        .Value("instanceId", view.Association.InstanceId)
        .Object("iamInstanceProfile", p => p.Value("arn", view.Association.InstanceProfileArn).Value("id", view.Association.InstanceProfileId))
        .Value("state", view.State)
        .Value("timestamp", Time(view.Association.Timestamp));

    private static void Group(QueryXmlWriter w, SecurityGroupRef group) => w.Value("groupId", group.GroupId).Value("groupName", group.GroupName);

    private static void NetworkInterface(QueryXmlWriter w, Instance i) => w
        .Value("networkInterfaceId", i.NetworkInterfaceId)
        .Value("subnetId", i.SubnetId)
        .Value("vpcId", i.VpcId)
        .Value("description", "")
        .Value("ownerId", i.AccountId)
        .Value("status", "in-use")
        .Value("macAddress", i.MacAddress)
        .Value("privateIpAddress", i.PrivateIpAddress)
        .Value("privateDnsName", i.PrivateDnsName)
        .Value("sourceDestCheck", true)
        .List("groupSet", i.SecurityGroups, Group)
        .Object("attachment", a => a
            .Value("attachmentId", "eni-attach-" + i.NetworkInterfaceId[4..])
            .Value("deviceIndex", 0)
            .Value("status", "attached")
            .Value("attachTime", Time(i.LaunchTime))
            .Value("deleteOnTermination", true)
            .Value("networkCardIndex", 0))
        .List("privateIpAddressesSet", [i], (p, _) => p
            .Value("privateIpAddress", i.PrivateIpAddress)
            .Value("privateDnsName", i.PrivateDnsName)
            .Value("primary", true))
        .Value("interfaceType", "interface");
}
