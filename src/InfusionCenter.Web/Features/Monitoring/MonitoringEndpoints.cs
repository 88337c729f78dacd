using InfusionCenter.Web.Features.Auth;

namespace InfusionCenter.Web.Features.Monitoring;

/// <summary>After-treatment monitoring (e.g. alemtuzumab REMS monthly labs, mitoxantrone yearly LVEF).</summary>
public static class MonitoringEndpoints
{
    public static IServiceCollection AddMonitoring(this IServiceCollection services) => services.AddScoped<MonitoringService>();

    public static void MapMonitoring(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/monitoring", async (string? includeEnded, MonitoringService service, CancellationToken ct) =>
            Results.Ok(await service.ListAsync(string.Equals(includeEnded, "true", StringComparison.OrdinalIgnoreCase), ct)))
            .WithTags("Appointments").RequireAuthorization(Policies.Read)
            .WithSummary("After-treatment monitoring (e.g. alemtuzumab REMS monthly labs): who is overdue, due or upcoming");
        app.MapPost("/api/patients/{id:int}/monitoring/{code}", async (int id, string code, MonitoringDoneRequest request, MonitoringService service, CancellationToken ct) =>
            Results.Ok(await service.RecordAsync(id, code, request, ct)))
            .WithTags("Appointments").RequireAuthorization(Policies.Nursing)
            .WithSummary("Records a monitoring step done (date, default today; optional note)");
    }
}
