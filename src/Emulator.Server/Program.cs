using Emulator.Core.Seeding;
using Emulator.Core.Store;
using Emulator.Server.Hosting;
using Emulator.Server.Imds;
using Emulator.Server.Logging;

WebApplicationBuilder builder;
EmulatorOptions options;
LoggingOptions logging;
try
{
    // Unknown options stop the start before anything reads the arguments.
    CommandLine.Validate(args);

    // No configuration-file watcher: started from a busy folder (/tmp), it wakes on every file written there.
    builder = WebApplication.CreateBuilder([.. CommandLine.JoinRepeated(args), "--hostBuilder:reloadConfigOnChange=false"]);
    EnvironmentSettings.Apply(builder.Configuration);
    options = EmulatorOptions.FromConfiguration(builder.Configuration);
    logging = LoggingOptions.FromConfiguration(builder.Configuration);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"emulator: {e.Message}");
    return 2;
}

builder.WebHost.UseUrls(ImdsHost.ListenUrls(
    builder.Configuration["urls"] ?? builder.Configuration["ASPNETCORE_URLS"] ?? EmulatorOptions.DefaultUrl, options.ImdsPorts));

// Header bytes beyond ASCII reach the pipeline (as UTF-8), which answers them the AWS way instead of Kestrel's empty 400.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.RequestHeaderEncodingSelector = _ => System.Text.Encoding.UTF8);
builder.Services.AddEmulatorLogging(logging);
builder.Services.AddEmulator(options);

var app = builder.Build();
try
{
    // Load the seed before listening: a bad seed stops the start, nothing runs half-configured.
    var runtime = app.Services.GetRequiredService<EmulatorRuntime>();
    app.Logger.LogInformation("Emulator ready: accounts {Accounts}, authentication {Authentication}",
        runtime.Iam.Account.AccountIds(), options.Authentication);
}
catch (SeedException e)
{
    Console.Error.WriteLine($"emulator: the seed file is invalid: {e.Message}");
    return 2;
}
catch (StateStoreException e)
{
    Console.Error.WriteLine($"emulator: {e.Message}");
    return 2;
}

app.MapEmulator();
app.Run();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
