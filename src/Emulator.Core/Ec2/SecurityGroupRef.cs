namespace Emulator.Core.Ec2;

/// <summary>A security group as an instance lists it (groupSet item).</summary>
public sealed record SecurityGroupRef(string GroupId, string GroupName);
