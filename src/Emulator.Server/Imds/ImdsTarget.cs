using Emulator.Core.Imds;

namespace Emulator.Server.Imds;

/// <summary>The running instance a request is for, or why there is none (answered 404 with that text).</summary>
public sealed record ImdsTarget(InstanceMetadataView? View, string? Problem)
{
    public static ImdsTarget None(string problem) => new(null, problem);
}
