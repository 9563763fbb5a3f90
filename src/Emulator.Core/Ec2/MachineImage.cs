namespace Emulator.Core.Ec2;

/// <summary>An AMI as DescribeImages shows it: always an available, public, EBS-backed HVM machine image.</summary>
public sealed record MachineImage
{
    public required string ImageId { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    public required string OwnerId { get; init; }

    /// <summary><c>amazon</c> for Amazon's own images; other publishers have no alias.</summary>
    public string? OwnerAlias { get; init; }

    public required string Architecture { get; init; }

    public required string RootDeviceName { get; init; }

    public required string RootSnapshotId { get; init; }

    public required string RootVolumeType { get; init; }

    public int RootVolumeSize { get; init; } = 8;

    /// <summary>EC2 prints it with milliseconds: <c>2024-12-12T00:00:00.000Z</c>.</summary>
    public required string CreationDate { get; init; }

    public string PlatformDetails => "Linux/UNIX";
}
