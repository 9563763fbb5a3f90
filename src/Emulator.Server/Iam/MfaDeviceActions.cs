using System.Text;
using Emulator.Core.Iam;
using Emulator.Core.Iam.MfaDevices;
using Emulator.Server.Pipeline;
using Emulator.Server.Protocol;
using static Emulator.Server.Iam.IamActions;

namespace Emulator.Server.Iam;

/// <summary>Action-table entries for virtual MFA devices. Device calls are authorized on the device (mfa/…), assignments on the user.</summary>
public static class MfaDeviceActions
{
    public static IEnumerable<AwsOperation> All(IamService iam, IamResources resources)
    {
        var devices = iam.MfaDevices;
        yield return Op("CreateVirtualMFADevice", c => c.Arn("mfa", c["Path"], c["VirtualMFADeviceName"]), (c, w) =>
        {
            var created = devices.Create(c.AccountId, c["VirtualMFADeviceName"], c["Path"], c.Parameters.Tags());
            var device = created.Device;
            w.Object("VirtualMFADevice", d =>
            {
                // Both are blobs, so base64 on the wire: the seed is the Base32 text's bytes, the picture a PNG.
                d.Value("SerialNumber", device.SerialNumber)
                    .Value("Base32StringSeed", Convert.ToBase64String(Encoding.ASCII.GetBytes(device.Base32StringSeed)))
                    .Value("QRCodePNG", Convert.ToBase64String(created.QrCodePng));
                IamXml.Tags(d, device.Tags, omitWhenEmpty: true);
            });
        });
        yield return Op("DeleteVirtualMFADevice", Device, (c, w) => devices.Delete(c.AccountId, c["SerialNumber"]));
        yield return Op("ListVirtualMFADevices", AwsOperation.Everything, (c, w) =>
        {
            var page = devices.ListVirtual(c.AccountId, c["AssignmentStatus"], c["Marker"], MaxItems(c));
            w.List("VirtualMFADevices", page.Items, (d, device) =>
            {
                d.Value("SerialNumber", device.SerialNumber);
                if (device.UserName is { } userName)
                {
                    var user = iam.Users.Get(c.AccountId, userName);
                    d.Object("User", u => IamXml.User(u, user, full: false));
                }

                d.Value("EnableDate", device.EnableDate);
            });
            IamXml.Paging(w, page);
        });
        yield return Op("EnableMFADevice", c => resources.User(c), (c, w) =>
            devices.Enable(c.AccountId, c["UserName"], c["SerialNumber"], c["AuthenticationCode1"], c["AuthenticationCode2"]));
        yield return Op("DeactivateMFADevice", c => resources.User(c), (c, w) =>
            devices.Deactivate(c.AccountId, c["UserName"], c["SerialNumber"]));
        yield return Op("ResyncMFADevice", c => resources.User(c), (c, w) =>
            devices.Resync(c.AccountId, c["UserName"], c["SerialNumber"], c["AuthenticationCode1"], c["AuthenticationCode2"]));
        yield return Op("ListMFADevices", c => resources.User(c), (c, w) =>
        {
            var userName = c.UserNameOrCaller;
            var page = devices.ListForUser(c.AccountId, userName, c["Marker"], MaxItems(c));
            w.List("MFADevices", page.Items, (d, device) =>
                d.Value("UserName", device.UserName).Value("SerialNumber", device.SerialNumber).Value("EnableDate", device.EnableDate));
            IamXml.Paging(w, page);
        });
        yield return Op("GetMFADevice", c => resources.User(c), (c, w) =>
        {
            var device = devices.Get(c.AccountId, c["SerialNumber"], c["UserName"]);
            w.Value("UserName", device.UserName).Value("SerialNumber", device.SerialNumber).Value("EnableDate", device.EnableDate);
        });
        yield return Op("TagMFADevice", Device, (c, w) => devices.Tag(c.AccountId, c["SerialNumber"], c.Parameters.Tags()));
        yield return Op("UntagMFADevice", Device, (c, w) => devices.Untag(c.AccountId, c["SerialNumber"], c.Parameters.List("TagKeys")));
        yield return Op("ListMFADeviceTags", Device, (c, w) =>
        {
            var page = devices.ListTags(c.AccountId, c["SerialNumber"], c["Marker"], MaxItems(c));
            IamXml.Tags(w, page.Items);
            IamXml.Paging(w, page);
        });
    }

    /// <summary>A device's own calls name it by its serial number, which is its ARN (arn:aws:iam::&lt;account&gt;:mfa/…).</summary>
    private static string Device(OperationContext context) => context["SerialNumber"] ?? "*";
}
