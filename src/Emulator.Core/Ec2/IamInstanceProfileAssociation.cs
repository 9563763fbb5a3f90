namespace Emulator.Core.Ec2;

/// <summary>
/// An instance's link to an instance profile. A new association reports <c>associating</c> and becomes
/// <c>associated</c> once EC2 could assume the profile's role; it stays <c>associating</c> while the
/// role's trust policy does not trust ec2.amazonaws.com (recorded).
/// </summary>
public sealed record IamInstanceProfileAssociation(
    string AssociationId,
    string InstanceId,
    string InstanceProfileArn,
    string InstanceProfileId,
    DateTimeOffset Timestamp);
