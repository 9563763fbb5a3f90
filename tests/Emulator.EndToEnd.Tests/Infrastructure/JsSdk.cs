namespace Emulator.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Runs a Node script from <c>tests/Emulator.EndToEnd.Tests/js</c> (the AWS SDK for JavaScript v3, versions
/// pinned in its package-lock.json) in an isolated environment without keys plus the test's variables.
/// node_modules are installed with <c>npm ci</c> on first use when missing or older than the lock file (once,
/// under a file lock shared by parallel test processes), so <c>dotnet test</c> alone works; .ci/run installs
/// them beforehand.
/// </summary>
public static class JsSdk
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private static bool installed;

    /// <summary>The js folder in the source tree, found upwards from the test output.</summary>
    public static string Directory { get; } = FindDirectory();

    public static async Task<CommandResult> RunAsync(string script, IEnumerable<string> arguments, string endpointUrl, IReadOnlyDictionary<string, string> variables)
    {
        await EnsureInstalledAsync();
        return await ProcessRunner.RunAsync(
            "node",
            [Path.Combine(Directory, script), .. arguments],
            environment => IsolatedAwsEnvironment.ApplyWithoutKeys(environment, endpointUrl, variables),
            Directory);
    }

    private static async Task EnsureInstalledAsync()
    {
        await InstallGate.WaitAsync();
        try
        {
            if (installed)
            {
                return;
            }

            // npm ci writes node_modules/.package-lock.json last; it being newer than the lock file means a complete install of these pins.
            var marker = Path.Combine(Directory, "node_modules", ".package-lock.json");
            var lockFile = Path.Combine(Directory, "package-lock.json");
            await using (await LockFileAsync(Path.Combine(Path.GetTempPath(), "emulator-e2e-npm-ci.lock")))
            {
                if (!File.Exists(marker) || File.GetLastWriteTimeUtc(marker) < File.GetLastWriteTimeUtc(lockFile))
                {
                    var result = await ProcessRunner.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], _ => { }, Directory, TimeSpan.FromMinutes(5));
                    result.ExitCode.Should().Be(0, "npm ci in {0} should install the JS SDK.\n{1}", Directory, result.Describe());
                }
            }

            installed = true;
        }
        finally
        {
            InstallGate.Release();
        }
    }

    /// <summary>An exclusively opened file: the lock between test processes (the AOT run, another solution build) installing at once.</summary>
    private static async Task<FileStream> LockFileAsync(string path)
    {
        for (var waited = TimeSpan.Zero; ; waited += TimeSpan.FromMilliseconds(200))
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited < TimeSpan.FromMinutes(5))
            {
                await Task.Delay(200);
            }
        }
    }

    private static string FindDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "Emulator.EndToEnd.Tests", "js");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No tests/Emulator.EndToEnd.Tests/js/package.json above {AppContext.BaseDirectory}.");
    }
}
