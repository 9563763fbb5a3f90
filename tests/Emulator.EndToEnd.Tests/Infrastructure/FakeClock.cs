namespace Emulator.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A client clock moved with libfaketime (Debian's faketime package) by an offset kept in a file and re-read on
/// every time call, so one long-running client can follow the emulator clock step by step and its own credential
/// refresh logic sees the moved time. (The <c>faketime</c> wrapper's FAKETIME variable would win over the file,
/// so the library is preloaded directly.)
/// </summary>
public sealed class FakeClock : IDisposable
{
    private readonly ScratchDirectory scratch = new();

    public FakeClock() => Set(TimeSpan.Zero);

    /// <summary>The file holding the offset, e.g. <c>+3600</c>; a client script may rewrite it as it moves the emulator clock.</summary>
    public string OffsetFile => Path.Combine(scratch.Path, "faketime-offset");

    public void Set(TimeSpan offset) => File.WriteAllText(OffsetFile, $"{(offset < TimeSpan.Zero ? "-" : "+")}{(long)Math.Abs(offset.TotalSeconds)}\n");

    public void Apply(IDictionary<string, string?> environment)
    {
        environment["LD_PRELOAD"] = Library;
        environment["FAKETIME_TIMESTAMP_FILE"] = OffsetFile;
        environment["FAKETIME_NO_CACHE"] = "1";
    }

    public void Dispose() => scratch.Dispose();

    /// <summary>Debian installs the library under the multiarch directory (/usr/lib/x86_64-linux-gnu/faketime/).</summary>
    private static string Library =>
        Directory.GetDirectories("/usr/lib", "*-linux-gnu").Select(d => Path.Combine(d, "faketime", "libfaketime.so.1")).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("libfaketime.so.1 is missing: install Debian's faketime package (.ci/run does).");
}
