using InfusionCenter.Web.Features.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InfusionCenter.Web.Features.SafetyChecks;

/// <summary>The pre-infusion checks of an appointment (its dose protocol's safety gates).</summary>
public static class SafetyCheckEndpoints
{
    public static IServiceCollection AddSafetyChecks(this IServiceCollection services) => services.AddScoped<SafetyCheckService>();

    public static void MapSafetyChecks(this IEndpointRouteBuilder app)
    {
        var appointments = app.MapGroup("/api/appointments").WithTags("Appointments").RequireAuthorization(Policies.Read);
        appointments.MapGet("/{id:int}/checks", ForAppointmentAsync)
            .WithSummary("The pre-infusion checks: the dose's protocol safety gates and whether each is confirmed");
        appointments.MapPost("/{id:int}/checks/{code}", ConfirmAsync)
            .RequireAuthorization(Policies.Nursing)
            .WithSummary("Confirms one pre-infusion check (optional note); blocking checks must be confirmed before in-chair and complete");
    }

    /// <summary>GET /api/appointments/{id}/checks -> the appointment's checks, each with whether and by whom it is confirmed.</summary>
    private static async Task<Ok<IReadOnlyList<SafetyCheckDto>>> ForAppointmentAsync(int id, SafetyCheckService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ForAppointmentAsync(id, ct));

    /// <summary>POST /api/appointments/{id}/checks/{code} <c>{"note"?}</c> -> the appointment's checks after confirming this one.</summary>
    private static async Task<Ok<IReadOnlyList<SafetyCheckDto>>> ConfirmAsync(int id, string code, ConfirmCheckRequest? request, SafetyCheckService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ConfirmAsync(id, code, request, ct));
}
