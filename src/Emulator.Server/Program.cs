using Emulator.Core.Seeding;
using Emulator.Server.Hosting;
using Serilog;
using Serilog.Events;

try
{
    CommandLine.Validate(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"emulator: {e.Message}");
    return 2;
}

var builder = WebApplication.CreateBuilder(args);
EmulatorOptions options;
try
{
    options = EmulatorOptions.FromConfiguration(builder.Configuration);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"emulator: {e.Message}");
    return 2;
}

if (builder.Configuration["urls"] is null && builder.Configuration["ASPNETCORE_URLS"] is null)
{
    builder.WebHost.UseUrls(EmulatorOptions.DefaultUrl);
}

// Defaults first; the "Serilog" configuration section (e.g. --Serilog:MinimumLevel:Default=Warning) overrides them.
builder.Services.AddSerilog((services, logger) => logger
    .MinimumLevel.Information()
    .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
    .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
    .ReadFrom.Configuration(builder.Configuration)
    .Enrich.FromLogContext()
    .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}"));
builder.Services.AddEmulator(options);

var app = builder.Build();
try
{
    // Load the seed before listening: a bad seed stops the start, nothing runs half-configured.
    var runtime = app.Services.GetRequiredService<EmulatorRuntime>();
    app.Logger.LogInformation("Emulator ready: accounts {Accounts}, authentication {Authentication}",
        runtime.Store.Read(s => s.Accounts.Keys.ToList()), options.Authentication);
}
catch (SeedException e)
{
    Console.Error.WriteLine($"emulator: the seed file is invalid: {e.Message}");
    return 2;
}

app.MapEmulator();
app.Run();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
