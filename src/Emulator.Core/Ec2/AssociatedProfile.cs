using Emulator.Core.Authorization;
using Emulator.Core.Iam.InstanceProfiles;
using Emulator.Core.Iam.Roles;
using Emulator.Core.Store;

namespace Emulator.Core.Ec2;

/// <summary>
/// What an instance's association leads to: the instance profile it names and that profile's role. EC2
/// describes the association and IMDS serves credentials from the same walk, so it is written once here.
/// A struct: IMDS builds one per request.
/// </summary>
public readonly record struct AssociatedProfile(InstanceProfile? Profile, Role? Role)
{
    public static readonly AssociatedProfile None = default;

    /// <summary>Whether EC2 can assume the role: its trust policy allows ec2.amazonaws.com (answer cached per role record).</summary>
    public bool RoleTrustsEc2 => Role is not null && ServiceTrust.Allows(Role, ServiceTrust.Ec2);

    /// <summary>
    /// The profile is found by the ARN's last segment and must still have the association's profile id:
    /// a profile deleted and recreated under the same name is another profile, as the association keeps the old id.
    /// </summary>
    internal static AssociatedProfile Of(AccountState account, IamInstanceProfileAssociation? association)
    {
        if (association is null)
        {
            return None;
        }

        var arn = association.InstanceProfileArn;
        if (!account.InstanceProfiles.TryGetValue(arn[(arn.LastIndexOf('/') + 1)..], out var profile) || profile.InstanceProfileId != association.InstanceProfileId)
        {
            return None;
        }

        var role = profile.RoleName is { } roleName && account.Roles.TryGetValue(roleName, out var found) ? found : null;
        return new AssociatedProfile(profile, role);
    }
}
