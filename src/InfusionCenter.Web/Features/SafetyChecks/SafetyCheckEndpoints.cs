using InfusionCenter.Web.Features.Auth;

namespace InfusionCenter.Web.Features.SafetyChecks;

/// <summary>The pre-infusion checks of an appointment (its dose protocol's safety gates).</summary>
public static class SafetyCheckEndpoints
{
    public static IServiceCollection AddSafetyChecks(this IServiceCollection services) => services.AddScoped<SafetyCheckService>();

    public static void MapSafetyChecks(this IEndpointRouteBuilder app)
    {
        var appointments = app.MapGroup("/api/appointments").WithTags("Appointments").RequireAuthorization(Policies.Read);
        appointments.MapGet("/{id:int}/checks", async (int id, SafetyCheckService service, CancellationToken ct) => Results.Ok(await service.ForAppointmentAsync(id, ct)))
            .WithSummary("The pre-infusion checks: the dose's protocol safety gates and whether each is confirmed");
        appointments.MapPost("/{id:int}/checks/{code}", async (int id, string code, ConfirmCheckRequest? request, SafetyCheckService service, CancellationToken ct) =>
            Results.Ok(await service.ConfirmAsync(id, code, request, ct)))
            .RequireAuthorization(Policies.Nursing)
            .WithSummary("Confirms one pre-infusion check (optional note); blocking checks must be confirmed before in-chair and complete");
    }
}
