using QRCoder;

namespace Emulator.Core.Iam.MfaDevices;

/// <summary>The QR code an authenticator app scans: an <c>otpauth://totp/</c> URI carrying the seed, drawn as a PNG.</summary>
public static class MfaQrCode
{
    private const string Issuer = "Amazon Web Services";

    /// <summary>The key URI apps understand: label "issuer:device@account", the Base32 secret and the issuer.</summary>
    public static string Uri(VirtualMfaDevice device) =>
        $"otpauth://totp/{System.Uri.EscapeDataString($"{Issuer}:{device.VirtualMfaDeviceName}@{device.AccountId}")}"
        + $"?secret={device.Base32StringSeed}&issuer={System.Uri.EscapeDataString(Issuer)}";

    public static byte[] Png(VirtualMfaDevice device)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Uri(device), QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(4);
    }
}
