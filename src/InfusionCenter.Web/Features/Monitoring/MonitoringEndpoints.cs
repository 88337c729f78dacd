using InfusionCenter.Web.Features.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InfusionCenter.Web.Features.Monitoring;

/// <summary>After-treatment monitoring (e.g. alemtuzumab REMS monthly labs, mitoxantrone yearly LVEF).</summary>
public static class MonitoringEndpoints
{
    public static IServiceCollection AddMonitoring(this IServiceCollection services) => services.AddScoped<MonitoringService>();

    public static void MapMonitoring(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/monitoring", ListAsync)
            .WithTags("Appointments").RequireAuthorization(Policies.Read)
            .WithSummary("After-treatment monitoring (e.g. alemtuzumab REMS monthly labs): who is overdue, due or upcoming");
        app.MapPost("/api/patients/{id:int}/monitoring/{code}", RecordAsync)
            .WithTags("Appointments").RequireAuthorization(Policies.Nursing)
            .WithSummary("Records a monitoring step done (date, default today; optional note)");
    }

    /// <summary>GET /api/monitoring?includeEnded=true|false -> the monitoring steps of every patient (ended ones only when asked).</summary>
    private static async Task<Ok<IReadOnlyList<MonitoringItem>>> ListAsync(string? includeEnded, MonitoringService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(string.Equals(includeEnded, "true", StringComparison.OrdinalIgnoreCase), ct));

    /// <summary>POST /api/patients/{id}/monitoring/{code} <c>{"date"?, "note"?}</c> -> the step with the new record.</summary>
    private static async Task<Ok<MonitoringItem>> RecordAsync(int id, string code, MonitoringDoneRequest request, MonitoringService service, CancellationToken ct) =>
        TypedResults.Ok(await service.RecordAsync(id, code, request, ct));
}
