using System.Text.Json;
using System.Text.Json.Serialization;
using InfusionCenter.Web.Components;
using InfusionCenter.Web.Features.Patients;
using InfusionCenter.Web.Features.Protocols;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Infrastructure;
using Radzen;

var builder = WebApplication.CreateBuilder(args);
builder.AddSerilogLogging();

if (File.Exists(Path.Combine(AppContext.BaseDirectory, $"{builder.Environment.ApplicationName}.staticwebassets.runtime.json")))
{
    // Running the build output (not a publish): serve Radzen's _content/ files from the package cache
    // in every environment, not only Development.
    builder.WebHost.UseStaticWebAssets();
}

await builder.AddInfusionDataAsync();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<ClinicClock>();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ApiExceptionHandler>();
builder.Services.ConfigureHttpJsonOptions(options =>
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
builder.Services.AddProtocols();
builder.Services.AddPatients();
builder.Services.AddOpenApi();
builder.Services.AddRadzenComponents();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();
try
{
    await app.PrepareDatabaseAsync();
}
catch
{
    if (app.Services.GetService<LocalPostgres>() is { } postgres)
    {
        await postgres.StopAsync();
    }

    throw;
}

app.UseRequestLogging();
app.UseExceptionHandler();

app.UseStatusCodePages();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapBlazorClientScript();
app.MapOpenApi();
app.MapInfusionHealthChecks();
app.MapProtocols();
app.MapPatients();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();

/// <summary>Entry point; public so integration tests can host the app.</summary>
public partial class Program;
