namespace Emulator.EndToEnd.Tests.Infrastructure;

/// <summary>A temporary directory for the files a user would keep beside their commands (policy documents, seeds).</summary>
public sealed class ScratchDirectory : IDisposable
{
    public ScratchDirectory()
    {
        Path = Directory.CreateTempSubdirectory("emulator-e2e-").FullName;
    }

    public string Path { get; }

    /// <summary>Writes a file and returns its absolute path.</summary>
    public string Write(string fileName, string content)
    {
        var path = System.IO.Path.Combine(Path, fileName);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; never fail a test on clean-up.
        }
    }
}
