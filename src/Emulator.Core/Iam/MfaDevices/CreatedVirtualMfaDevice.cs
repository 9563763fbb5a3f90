namespace Emulator.Core.Iam.MfaDevices;

/// <summary>What CreateVirtualMFADevice hands out once: the device and its seed as a QR code picture (PNG).</summary>
public sealed record CreatedVirtualMfaDevice(VirtualMfaDevice Device, byte[] QrCodePng);
