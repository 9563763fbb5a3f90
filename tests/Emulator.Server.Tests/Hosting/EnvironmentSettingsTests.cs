using System.Collections;
using Emulator.Server.Hosting;

namespace Emulator.Server.Tests.Hosting;

public sealed class EnvironmentSettingsTests
{
    [Fact]
    public void Only_EMULATOR_variables_become_settings_with_underscores_as_dashes_and_double_underscores_as_sections()
    {
        var variables = new Hashtable
        {
            ["EMULATOR_STATE"] = "sqlite:/tmp/state.db",
            ["EMULATOR_ADMIN_TOKEN"] = "secret-token",
            ["EMULATOR_SERILOG__MINIMUMLEVEL__DEFAULT"] = "Warning",
            ["emulator_auth"] = "lenient",
            ["EMULATOR_"] = "nothing",
            ["STATE"] = "sqlite:/elsewhere.db",
            ["SEED"] = "/tmp/seed.json",
            ["PATH"] = "/usr/bin",
        };

        var settings = EnvironmentSettings.Settings(variables);

        settings.Should().BeEquivalentTo(new Dictionary<string, string?>
        {
            ["state"] = "sqlite:/tmp/state.db",
            ["admin-token"] = "secret-token",
            ["serilog:minimumlevel:default"] = "Warning",
            ["auth"] = "lenient",
        });
    }
}
