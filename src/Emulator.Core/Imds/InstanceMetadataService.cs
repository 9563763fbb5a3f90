using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using Emulator.Core.Credentials;
using Emulator.Core.Ec2;
using Emulator.Core.Iam;
using Emulator.Core.Iam.Policies;
using Emulator.Core.Iam.Roles;
using Emulator.Core.Store;
using Emulator.Core.Sts;
using Emulator.Policy;

namespace Emulator.Core.Imds;

/// <summary>
/// The instance metadata service's domain: tokens, and each instance's metadata tree as data (facts,
/// <c>iam/</c> with rotating role credentials, instance-identity credentials, the signed identity
/// document). The HTTP rules (methods, status codes, headers) live in the server's IMDS endpoint.
/// </summary>
public sealed class InstanceMetadataService(IEmulatorStore store, TimeProvider clock, RotatingRoleCredentials credentials, MetadataTokens tokens, InstanceIdentitySigner signer)
{
    /// <summary>The role name AWS gives instance identity credentials (<c>assumed-role/aws:ec2-instance/i-…</c>).</summary>
    public const string IdentityRoleName = "aws:ec2-instance";

    /// <summary>
    /// Metadata versions as <c>GET /</c> lists them (a subset of AWS's dated builds; 2026 recordings end
    /// with 2025-10-04, 2026-04-15, latest). Every version serves the latest tree: the emulator does not
    /// model which categories each build lacked.
    /// </summary>
    public static readonly ImmutableArray<string> Versions =
    [
        "1.0", "2007-01-19", "2007-03-01", "2007-08-29", "2007-10-10", "2007-12-15", "2008-02-01", "2008-09-01",
        "2009-04-04", "2011-01-01", "2011-05-01", "2012-01-12", "2014-02-25", "2014-11-05", "2015-10-20",
        "2016-04-19", "2016-06-30", "2016-09-02", "2018-03-28", "2018-08-17", "2018-09-24", "2019-10-01",
        "2020-10-27", "2021-01-03", "2021-03-23", "2021-07-15", "2022-09-24", "2025-10-04", "2026-04-15", "latest",
    ];

    private static readonly StoredPolicy IdentityTrust = IamRules.ParsePolicy(
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""",
        PolicyKind.Trust);

    public MetadataTokens Tokens { get; } = tokens;

    public InstanceIdentitySigner Signer { get; } = signer;

    /// <summary>
    /// Trees by what they are built from: the view is made of immutable records, so an unchanged instance,
    /// association, profile and role find the trees built before. Everything that changes with time (credentials,
    /// LastUpdated) is read from its leaf at request time.
    /// </summary>
    private readonly ConditionalWeakTable<Instance, CachedTrees> trees = [];

    /// <summary>Credential documents by the set they render: the same set is served all hour.</summary>
    private readonly ConditionalWeakTable<IssuedSession, byte[]> documents = [];

    public InstanceMetadataView? View(string instanceId) => InstanceMetadataView.Load(store, instanceId, clock.GetUtcNow());

    public IReadOnlyList<InstanceMetadataView> LiveInstances() => InstanceMetadataView.LoadLive(store, clock.GetUtcNow());

    /// <summary>
    /// The instance's tree from <c>/</c>: the versions, each holding dynamic, meta-data and user-data.
    /// <paramref name="withToken"/> picks the credential set: a valid token gets the IMDSv2 set
    /// (ec2:RoleDelivery 2.0), a token-less read the IMDSv1 set (1.0), as AWS delivers two sets per role.
    /// </summary>
    public MetadataNode Tree(InstanceMetadataView view, bool withToken)
    {
        // Keyed by the instance record itself (any change to the instance is a new record); the association,
        // profile and role records must be the very ones the trees were built from.
        if (!trees.TryGetValue(view.Instance, out var cached) || !cached.IsFor(view))
        {
            cached = new CachedTrees(view, BuildTree(view, withToken: false), BuildTree(view, withToken: true));
            trees.AddOrUpdate(view.Instance, cached);
        }

        return withToken ? cached.WithToken : cached.WithoutToken;
    }

    private sealed record CachedTrees(InstanceMetadataView View, MetadataNode WithoutToken, MetadataNode WithToken)
    {
        public bool IsFor(InstanceMetadataView view) =>
            ReferenceEquals(View.Association, view.Association) && ReferenceEquals(View.Profile, view.Profile)
            && ReferenceEquals(View.Role, view.Role) && View.State == view.State && View.RoleTrustsEc2 == view.RoleTrustsEc2;
    }

    private MetadataNode BuildTree(InstanceMetadataView view, bool withToken)
    {
        var delivery = withToken ? "2.0" : "1.0";
        var instance = view.Instance;
        var version = MetadataNode.Directory(
            [
                ("dynamic", Dynamic(instance)),
                ("meta-data", MetaData(view, delivery)),
                .. instance.UserData is { } data ? [("user-data", MetadataNode.Bytes(data))] : Array.Empty<(string, MetadataNode)>(),
            ],
            slashDirectories: false);
        return MetadataNode.Directory(Versions.Select(v => (v, version)), slashDirectories: false);
    }

    private MetadataNode MetaData(InstanceMetadataView view, string delivery)
    {
        var instance = view.Instance;
        var network = Ec2Network.For(instance.AccountId, instance.Region);
        var subnet = network.Subnet(instance.SubnetId) ?? network.SubnetInZone(instance.AvailabilityZone);
        var hostname = instance.PrivateDnsName;
        var groups = string.Join('\n', instance.SecurityGroups.Select(g => g.GroupName));
        var macNode = MetadataNode.Directory(
        [
            ("device-number", MetadataNode.Text("0")),
            ("interface-id", MetadataNode.Text(instance.NetworkInterfaceId)),
            ("local-hostname", MetadataNode.Text(hostname)),
            ("local-ipv4s", MetadataNode.Text(instance.PrivateIpAddress)),
            ("mac", MetadataNode.Text(instance.MacAddress)),
            ("owner-id", MetadataNode.Text(instance.AccountId)),
            ("security-group-ids", MetadataNode.Text(string.Join('\n', instance.SecurityGroups.Select(g => g.GroupId)))),
            ("security-groups", MetadataNode.Text(groups)),
            ("subnet-id", MetadataNode.Text(instance.SubnetId)),
            ("subnet-ipv4-cidr-block", MetadataNode.Text(subnet.CidrBlock)),
            ("vpc-id", MetadataNode.Text(instance.VpcId)),
            ("vpc-ipv4-cidr-block", MetadataNode.Text(Ec2Network.VpcCidr)),
            ("vpc-ipv4-cidr-blocks", MetadataNode.Text(Ec2Network.VpcCidr)),
        ]);
        var entries = new List<(string Name, MetadataNode Node)>
        {
            ("ami-id", MetadataNode.Text(instance.ImageId)),
            ("ami-launch-index", MetadataNode.Text(instance.AmiLaunchIndex.ToString(CultureInfo.InvariantCulture))),
            ("hostname", MetadataNode.Text(hostname)),
            ("identity-credentials", IdentityCredentials(view, delivery)),
            ("instance-id", MetadataNode.Text(instance.InstanceId)),
            ("instance-life-cycle", MetadataNode.Text("on-demand")),
            ("instance-type", MetadataNode.Text(instance.InstanceType)),
            ("local-hostname", MetadataNode.Text(hostname)),
            ("local-ipv4", MetadataNode.Text(instance.PrivateIpAddress)),
            ("mac", MetadataNode.Text(instance.MacAddress)),
            ("network", MetadataNode.Directory([("interfaces", MetadataNode.Directory([("macs", MetadataNode.Directory([(instance.MacAddress, macNode)]))]))])),
            ("placement", MetadataNode.Directory(
            [
                ("availability-zone", MetadataNode.Text(instance.AvailabilityZone)),
                ("availability-zone-id", MetadataNode.Text(network.Subnets.First(s => s.AvailabilityZone == instance.AvailabilityZone).AvailabilityZoneId)),
                ("region", MetadataNode.Text(instance.Region)),
            ])),
            ("reservation-id", MetadataNode.Text(instance.ReservationId)),
            ("security-groups", MetadataNode.Text(groups)),
            ("services", MetadataNode.Directory([("domain", MetadataNode.Text("amazonaws.com")), ("partition", MetadataNode.Text("aws"))])),
        };
        // iam/ exists only while an instance profile is associated.
        if (view.Association is not null)
        {
            entries.Add(("iam", Iam(view, delivery)));
        }

        // Tags are served only with InstanceMetadataTags=enabled; with none, tags/ is absent but tag-sets/instance is {} (recorded).
        if (instance.MetadataOptions.TagsEnabled)
        {
            if (!instance.Tags.IsEmpty)
            {
                entries.Add(("tags", MetadataNode.Directory(
                    [("instance", MetadataNode.Directory(instance.Tags.Select(t => (t.Key, MetadataNode.Text(t.Value)))))])));
            }

            entries.Add(("tag-sets", MetadataNode.Directory(
                [("instance", MetadataNode.Text(MetadataJson.Compact(instance.Tags.Select(t => (t.Key, t.Value)))))])));
        }

        return MetadataNode.Directory(entries.OrderBy(e => e.Name, StringComparer.Ordinal));
    }

    private MetadataNode Iam(InstanceMetadataView view, string delivery)
    {
        var association = view.Association!;
        // Read at request time, not when the (cached) tree was built: LastUpdated moves with each rotation.
        string LastUpdated() => MetadataJson.Timestamp(RotatingRoleCredentials.PeriodStart(association.Timestamp, clock.GetUtcNow()));
        var entries = new List<(string, MetadataNode)>();
        if (view.Profile is null)
        {
            // Profile deleted after the association: AWS reports it in iam/info and has no role to serve.
            entries.Add(("info", MetadataNode.Lazy(() => MetadataJson.Pretty(
            [
                ("Code", "InstanceProfileNotFound"),
                ("LastUpdated", LastUpdated()),
                ("InstanceProfileArn", association.InstanceProfileArn),
                ("InstanceProfileId", association.InstanceProfileId),
            ]))));
        }
        else if (view.Role is not { } role)
        {
            entries.Add(("info", MetadataNode.Lazy(() => MetadataJson.Pretty(
            [
                ("Code", "Success"),
                ("Message", $"Instance profile {view.Profile.Arn} has no role, so there are no credentials to serve."),
                ("LastUpdated", LastUpdated()),
                ("InstanceProfileArn", view.Profile.Arn),
                ("InstanceProfileId", view.Profile.InstanceProfileId),
            ]))));
        }
        else
        {
            string Info() => view.RoleTrustsEc2
                ? MetadataJson.Pretty(
                [
                    ("Code", "Success"),
                    ("LastUpdated", LastUpdated()),
                    ("InstanceProfileArn", view.Profile.Arn),
                    ("InstanceProfileId", view.Profile.InstanceProfileId),
                ])
                : Unauthorized(role, LastUpdated());
            var holder = $"imds\n{view.Instance.InstanceId}\n{association.AssociationId}\n{delivery}";
            var roleCredentials = view.RoleTrustsEc2
                ? MetadataNode.LazyBytes(() => CredentialJson(credentials.Current(holder, role, view.Instance.InstanceId, view.Instance.Region,
                    association.Timestamp, s => Delivered(s, view.Instance, delivery))))
                : MetadataNode.Lazy(Info);
            entries.Add(("info", MetadataNode.Lazy(Info)));
            entries.Add(("security-credentials", MetadataNode.Directory([(role.RoleName, roleCredentials)])));
        }

        return MetadataNode.Directory(entries);
    }

    /// <summary>The instance identity role: present on every instance, same JSON shape and v1/v2 sets as iam/.</summary>
    private MetadataNode IdentityCredentials(InstanceMetadataView view, string delivery)
    {
        var instance = view.Instance;
        var identityRole = new Role(instance.AccountId, IdentityRoleName, "/", $"{instance.AccountId}:{IdentityRoleName}", instance.LaunchTime,
            IdentityTrust, null, 3600, null, [], [], [], null) { Partition = Emulator.Policy.AwsPartitions.OfRegion(instance.Region) };
        var holder = $"imds-identity\n{instance.InstanceId}\n{delivery}";
        var set = MetadataNode.LazyBytes(() => CredentialJson(credentials.Current(holder, identityRole, instance.InstanceId, instance.Region, instance.LaunchTime,
            s => Delivered(s, instance, delivery))));
        var ec2 = MetadataNode.Directory(
        [
            ("info", MetadataNode.Lazy(() => MetadataJson.Pretty([("Code", "Success"),
                ("LastUpdated", MetadataJson.Timestamp(RotatingRoleCredentials.PeriodStart(instance.LaunchTime, clock.GetUtcNow()))), ("AccountId", instance.AccountId)]))),
            ("security-credentials", MetadataNode.Directory([("ec2-instance", set)])),
        ]);
        return MetadataNode.Directory([("ec2", ec2)]);
    }

    private MetadataNode Dynamic(Instance instance)
    {
        var document = IdentityDocument(instance);
        return MetadataNode.Directory(
        [
            ("instance-identity", MetadataNode.Directory(
            [
                ("document", MetadataNode.Text(document)),
                ("pkcs7", MetadataNode.Lazy(() => Signer.Pkcs7(document))),
                ("rsa2048", MetadataNode.Lazy(() => Signer.Pkcs7(document))),
                ("signature", MetadataNode.Lazy(() => Signer.Signature(document))),
            ])),
        ]);
    }

    public static string IdentityDocument(Instance instance) => MetadataJson.Pretty(
    [
        ("accountId", MetadataJson.Quote(instance.AccountId)),
        ("architecture", MetadataJson.Quote(Architecture(instance.InstanceType))),
        ("availabilityZone", MetadataJson.Quote(instance.AvailabilityZone)),
        ("billingProducts", MetadataJson.Quote(null)),
        ("devpayProductCodes", MetadataJson.Quote(null)),
        ("marketplaceProductCodes", MetadataJson.Quote(null)),
        ("imageId", MetadataJson.Quote(instance.ImageId)),
        ("instanceId", MetadataJson.Quote(instance.InstanceId)),
        ("instanceType", MetadataJson.Quote(instance.InstanceType)),
        ("kernelId", MetadataJson.Quote(null)),
        ("pendingTime", MetadataJson.Quote(MetadataJson.Timestamp(instance.LaunchTime))),
        ("privateIp", MetadataJson.Quote(instance.PrivateIpAddress)),
        ("ramdiskId", MetadataJson.Quote(null)),
        ("region", MetadataJson.Quote(instance.Region)),
        ("version", MetadataJson.Quote("2017-09-30")),
    ]);

    /// <summary>Graviton families carry a 'g' after the generation digit (t4g, m7gd); everything else is x86_64 here.</summary>
    private static string Architecture(string instanceType)
    {
        var family = instanceType.Split('.')[0];
        var digit = family.IndexOfAny("0123456789".ToCharArray());
        return digit >= 0 && family[(digit + 1)..].Contains('g', StringComparison.Ordinal) ? "arm64" : "x86_64";
    }

    /// <summary>The context keys AWS attaches to instance-profile sessions (ec2:RoleDelivery, ec2:SourceInstanceARN, aws:Ec2InstanceSource*).</summary>
    private static Session Delivered(Session session, Instance instance, string delivery) => session with
    {
        RoleDelivery = delivery,
        SourceInstanceArn = instance.Arn,
        SourceVpc = instance.VpcId,
        SourcePrivateIp = instance.PrivateIpAddress,
    };

    /// <summary>AWS's credential document as UTF-8, keys in its order; LastUpdated is the set's issue time.</summary>
    private byte[] CredentialJson(IssuedSession issued) => documents.GetValue(issued, static issued => System.Text.Encoding.UTF8.GetBytes(MetadataJson.Pretty(
    [
        ("Code", "Success"),
        ("LastUpdated", MetadataJson.Timestamp(issued.Session.IssuedAt)),
        ("Type", "AWS-HMAC"),
        ("AccessKeyId", issued.Credentials.AccessKeyId),
        ("SecretAccessKey", issued.Credentials.SecretAccessKey),
        ("Token", issued.Credentials.SessionToken),
        ("Expiration", MetadataJson.Timestamp(issued.Credentials.Expiration)),
    ])));

    /// <summary>The body EC2 serves while the role does not trust ec2.amazonaws.com, verbatim (two spaces after the first period).</summary>
    private static string Unauthorized(Role role, string lastUpdated) => MetadataJson.Pretty(
    [
        ("Code", "AssumeRoleUnauthorizedAccess"),
        ("Message", $"EC2 cannot assume the role {role.RoleName}.  Please see documentation at http://docs.amazonwebservices.com/IAM/latest/UserGuide/RolesTroubleshooting.html."),
        ("LastUpdated", lastUpdated),
    ]);
}
