using System.Security.Cryptography;
using System.Text;

namespace Emulator.Core.Ec2;

/// <summary>
/// DescribeImages without an image store. Any <c>ami-</c> id a caller names is an image (launches accept any such id,
/// so describing it must work too): a public x86_64 image owned by Amazon, named after its id. Without ids the
/// answer is a small fixed catalog of well-known Linux images (Amazon Linux 2023 and 2, Ubuntu, Debian), so lookups
/// by owner and name pattern such as Terraform's <c>aws_ami</c> with <c>owners = ["amazon"]</c> and a
/// <c>name</c> filter find something. Catalog ids are derived from the image names and are the same in every region
/// (on AWS they differ per region).
/// </summary>
public static class ImageCatalog
{
    public const string AmazonOwnerId = "137112412989";

    private const string CanonicalOwnerId = "099720109477";

    private const string DebianOwnerId = "136693071363";

    private static readonly IReadOnlyList<MachineImage> Catalog =
    [
        Image("al2023-ami-2023.6.20241212.0-kernel-6.1-x86_64", "Amazon Linux 2023 AMI 2023.6.20241212.0 x86_64 HVM kernel-6.1", AmazonOwnerId, "x86_64", "/dev/xvda", "gp3", "2024-12-12T00:00:00.000Z"),
        Image("al2023-ami-2023.6.20241212.0-kernel-6.1-arm64", "Amazon Linux 2023 AMI 2023.6.20241212.0 arm64 HVM kernel-6.1", AmazonOwnerId, "arm64", "/dev/xvda", "gp3", "2024-12-12T00:00:00.000Z"),
        Image("amzn2-ami-kernel-5.10-hvm-2.0.20241217.0-x86_64-gp2", "Amazon Linux 2 Kernel 5.10 AMI 2.0.20241217.0 x86_64 HVM gp2", AmazonOwnerId, "x86_64", "/dev/xvda", "gp2", "2024-12-17T00:00:00.000Z"),
        Image("ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20241206", "Canonical, Ubuntu, 24.04, amd64 noble image", CanonicalOwnerId, "x86_64", "/dev/sda1", "gp3", "2024-12-06T00:00:00.000Z"),
        Image("ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20241206", "Canonical, Ubuntu, 22.04 LTS, amd64 jammy image", CanonicalOwnerId, "x86_64", "/dev/sda1", "gp2", "2024-12-06T00:00:00.000Z"),
        Image("debian-12-amd64-20241201-1948", "Debian 12 (20241201-1948)", DebianOwnerId, "x86_64", "/dev/xvda", "gp2", "2024-12-01T00:00:00.000Z"),
    ];

    private static readonly Ec2FilterSet<MachineImage> Filters = new(taggable: true,
        ("image-id", i => Ec2FilterValues.Of(i.ImageId)),
        ("name", i => Ec2FilterValues.Of(i.Name)),
        ("description", i => Ec2FilterValues.Of(i.Description)),
        ("owner-id", i => Ec2FilterValues.Of(i.OwnerId)),
        ("owner-alias", i => Ec2FilterValues.Of(i.OwnerAlias)),
        ("architecture", i => Ec2FilterValues.Of(i.Architecture)),
        ("root-device-name", i => Ec2FilterValues.Of(i.RootDeviceName)),
        ("block-device-mapping.volume-type", i => Ec2FilterValues.Of(i.RootVolumeType)),
        ("block-device-mapping.snapshot-id", i => Ec2FilterValues.Of(i.RootSnapshotId)),
        ("platform-details", i => Ec2FilterValues.Of(i.PlatformDetails)),
        ("state", _ => Ec2FilterValues.Of("available")),
        ("is-public", _ => Ec2FilterValues.Of(true)),
        ("image-type", _ => Ec2FilterValues.Of("machine")),
        ("root-device-type", _ => Ec2FilterValues.Of("ebs")),
        ("virtualization-type", _ => Ec2FilterValues.Of("hvm")),
        ("hypervisor", _ => Ec2FilterValues.Of("xen")),
        ("ena-support", _ => Ec2FilterValues.Of(true)));

    /// <summary>
    /// <paramref name="owners"/> are account ids or the aliases <c>amazon</c> and <c>self</c>, as in <c>Owner.N</c>;
    /// no image here is the caller's own, so <c>self</c> matches nothing.
    /// </summary>
    public static IReadOnlyList<MachineImage> Describe(string accountId, IReadOnlyList<string> imageIds, IReadOnlyList<string> owners, IReadOnlyList<Ec2Filter> filters)
    {
        if (imageIds.FirstOrDefault(id => !IsImageId(id)) is { } malformed)
        {
            throw Ec2NetworkErrors.ImageIdMalformed(malformed);
        }

        var images = imageIds.Count > 0 ? imageIds.Distinct().Select(Find) : Catalog;
        return Filters.Apply(images.Where(i => owners.Count == 0 || owners.Any(o => OwnedBy(i, o, accountId))), filters);
    }

    /// <summary>The catalog image with this id, or the image any other <c>ami-</c> id stands for.</summary>
    public static MachineImage Find(string imageId) =>
        Catalog.FirstOrDefault(i => i.ImageId == imageId) ?? new MachineImage
        {
            ImageId = imageId,
            Name = "emulator-" + imageId,
            Description = $"Image {imageId}: the emulator serves any ami- id as an Amazon Linux style x86_64 image",
            OwnerId = AmazonOwnerId,
            OwnerAlias = "amazon",
            Architecture = "x86_64",
            RootDeviceName = "/dev/xvda",
            RootSnapshotId = "snap-" + Hash(imageId),
            RootVolumeType = "gp3",
            CreationDate = "2024-01-01T00:00:00.000Z",
        };

    public static bool IsImageId(string id) => id.StartsWith("ami-", StringComparison.Ordinal) && id.Length > 4;

    private static bool OwnedBy(MachineImage image, string owner, string accountId) => owner switch
    {
        "self" => image.OwnerId == accountId,
        "amazon" => image.OwnerAlias == "amazon",
        _ => image.OwnerId == owner,
    };

    private static MachineImage Image(string name, string description, string ownerId, string architecture, string rootDevice, string volumeType, string created) => new()
    {
        ImageId = "ami-" + Hash(name),
        Name = name,
        Description = description,
        OwnerId = ownerId,
        OwnerAlias = ownerId == AmazonOwnerId ? "amazon" : null,
        Architecture = architecture,
        RootDeviceName = rootDevice,
        RootSnapshotId = "snap-" + Hash("snapshot/" + name),
        RootVolumeType = volumeType,
        CreationDate = created,
    };

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..17];
}
