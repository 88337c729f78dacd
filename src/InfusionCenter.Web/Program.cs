using System.Text.Json;
using System.Text.Json.Serialization;
using InfusionCenter.Web.Components;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Appointments;
using InfusionCenter.Web.Features.Audit;
using InfusionCenter.Web.Features.Auth;
using InfusionCenter.Web.Features.Capacity;
using InfusionCenter.Web.Features.Patients;
using InfusionCenter.Web.Features.Protocols;
using InfusionCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Components.Server.Circuits;
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
builder.Services.AddInfusionAuth(builder.Environment);
builder.Services.AddScoped<AuditLog>();
builder.Services.AddScoped<CircuitHandler, AuditCircuitHandler>();
builder.Services.AddProtocols();
builder.Services.AddPatients();
builder.Services.AddAppointments();
builder.Services.AddCapacity();
builder.Services.AddSingleton<InfusionCenter.Web.Features.Admin.ClinicSettingsValidator>();
builder.Services.AddScoped<InfusionCenter.Web.Features.Admin.ClinicAdminService>();
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
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
    app.UseHttpsRedirection();
}

app.UseSecurityHeaders();
app.UseAuthentication();
app.UseAuthorization();
app.UseAuditUser();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapBlazorClientScript();
app.MapOpenApi().RequireAuthorization(Policies.Read);
app.MapInfusionHealthChecks();
app.MapAuth();
app.MapProtocols();
app.MapPatients();
app.MapAppointments();
app.MapCapacity();
app.MapAudit();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();

/// <summary>Entry point; public so integration tests can host the app.</summary>
public partial class Program;
