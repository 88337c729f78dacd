using System.Text.Json;
using System.Text.Json.Serialization;
using InfusionCenter.Web.Components;
using InfusionCenter.Web.Components.Shared;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Admin;
using InfusionCenter.Web.Features.Board;
using InfusionCenter.Web.Features.Booking;
using InfusionCenter.Web.Features.Chairs;
using InfusionCenter.Web.Features.ClinicCalendar;
using InfusionCenter.Web.Features.Messages;
using InfusionCenter.Web.Features.Monitoring;
using InfusionCenter.Web.Features.Regimens;
using InfusionCenter.Web.Features.SafetyChecks;
using InfusionCenter.Web.Features.Today;
using InfusionCenter.Web.Features.Worklist;
using InfusionCenter.Web.Features.Audit;
using InfusionCenter.Web.Features.Auth;
using InfusionCenter.Web.Features.Capacity;
using InfusionCenter.Web.Features.Patients;
using InfusionCenter.Web.Features.Protocols;
using InfusionCenter.Web.Features.Readiness;
using InfusionCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Components.Server.Circuits;
using FluentValidation;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);
builder.AddInfusionLogging();

if (File.Exists(Path.Combine(AppContext.BaseDirectory, $"{builder.Environment.ApplicationName}.staticwebassets.runtime.json")))
{
    // Running the build output (not a publish): serve MudBlazor's _content/ files from the package cache
    // in every environment, not only Development.
    builder.WebHost.UseStaticWebAssets();
}

try
{
    await builder.AddInfusionDataAsync();
}
catch (InvalidOperationException e)
{
    // The embedded database could not start (no PostgreSQL binaries, or another app holds it): say why, without a stack trace.
    await Console.Error.WriteLineAsync($"error: {e.Message}");
    return 1;
}

builder.Services.AddSingleton(TimeProvider.System);
// On SIGTERM/Ctrl+C, wait at most 5 s for open requests and live-page connections (a browser reconnects its page
// while the server winds down and would otherwise hold the shutdown for the default 30 s), then stop the database.
builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(5));
builder.Services.AddSingleton<ClinicClock>();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ApiExceptionHandler>();
builder.Services.ConfigureHttpJsonOptions(options =>
{
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    JsonInput.AddTo(options.SerializerOptions); // NUL characters and out-of-range dates: 400 naming the field
});
builder.Services.AddInfusionAuth(builder.Environment);
builder.Services.AddAntiforgery(options => options.Cookie.SecurePolicy =
    builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
builder.Services.AddScoped<AuditLog>();
builder.Services.AddScoped<CircuitHandler, AuditCircuitHandler>();
builder.Services.AddProtocols();
builder.Services.AddPatients();
builder.Services.AddRegimens();
builder.Services.AddMessages();
builder.Services.AddClinicCalendar();
builder.Services.AddChairs();
builder.Services.AddReadiness();
builder.Services.AddBooking();
builder.Services.AddSafetyChecks();
builder.Services.AddMonitoring();
builder.Services.AddWorklist();
builder.Services.AddBoard();
builder.Services.AddToday();
builder.Services.AddCapacity();
// Every request and form validator (stateless, so one instance each), found by assembly scan.
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);
builder.Services.AddAdmin();
builder.Services.AddOpenApi();
builder.Services.AddMudServices();
builder.Services.AddScoped<UserAccess>();
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

app.UseInfusionRequestLogging();
app.UseExceptionHandler();
app.UseStatusCodePages();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
    app.UseHttpsRedirection();
}

app.UseSecurityHeaders();
app.UseApiRequestGuards();
app.UseAuthentication();
app.UseTokenSecurityStamps();
app.UseAuthorization();
app.UseAuditUser();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapOpenApi().RequireAuthorization(Policies.Read);
app.MapInfusionHealthChecks();
app.MapAuth();
app.MapProtocols();
app.MapPatients();
app.MapRegimens();
app.MapMessages();
app.MapChairs();
app.MapBooking();
app.MapReadiness();
app.MapSafetyChecks();
app.MapMonitoring();
app.MapWorklist();
app.MapCapacity();
app.MapAudit();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host the app.</summary>
public partial class Program;
