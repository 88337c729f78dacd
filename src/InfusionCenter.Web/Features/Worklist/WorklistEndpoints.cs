using InfusionCenter.Web.Features.Auth;
using InfusionCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InfusionCenter.Web.Features.Worklist;

/// <summary>API.md "Chairs, appointments, slots": the due list and slot search.</summary>
public static class WorklistEndpoints
{
    public static IServiceCollection AddWorklist(this IServiceCollection services) => services.AddScoped<WorklistService>();

    public static void MapWorklist(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/slots", SlotsAsync).WithTags("Appointments").RequireAuthorization(Policies.Read).ProducesValidationProblem();
        app.MapGet("/api/doses/{id:int}/slot-reason", SlotReasonAsync).WithTags("Appointments").RequireAuthorization(Policies.Read);
        app.MapGet("/api/worklist", DueAsync).WithTags("Appointments").RequireAuthorization(Policies.Read).ProducesValidationProblem();
    }

    /// <summary>
    /// GET /api/slots?doseId or ?minutes&amp;from&amp;to (and max, 1–50, default 10) -> the best free slots, honoring clinic hours,
    /// chair kinds and nurse start limits.
    /// </summary>
    private static async Task<Ok<IReadOnlyList<SlotDto>>> SlotsAsync(string? doseId, string? minutes, string? from, string? to, string? max,
        WorklistService service, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var dose = QueryParsing.Int(doseId, "doseId", errors);
        var duration = QueryParsing.Int(minutes, "minutes", errors);
        var fromDate = QueryParsing.Date(from, "from", errors);
        var toDate = QueryParsing.Date(to, "to", errors);
        var count = QueryParsing.Int(max, "max", errors) ?? 10;
        if (count is < 1 or > 50)
        {
            errors["max"] = ["max must be between 1 and 50."];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        return TypedResults.Ok(await service.SlotsAsync(dose, duration, fromDate, toDate, count, ct));
    }

    /// <summary>
    /// GET /api/doses/{id}/slot-reason -> <c>{"reason"}</c>: why no slot fits a dose's window (the clinic calendar, chair kinds or
    /// full days, in words), null when slots exist.
    /// </summary>
    private static async Task<Ok<SlotReasonDto>> SlotReasonAsync(int id, WorklistService service, CancellationToken ct) =>
        TypedResults.Ok(new SlotReasonDto(await service.NoSlotReasonAsync(id, ct)));

    /// <summary>GET /api/worklist?weeks (1–52, default 4) -> the doses due within that many weeks that have no appointment, overdue first.</summary>
    private static async Task<Ok<IReadOnlyList<DueDose>>> DueAsync(string? weeks, WorklistService service, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var w = QueryParsing.Int(weeks, "weeks", errors) ?? 4;
        return errors.Count > 0 ? throw new RequestValidationException(errors) : TypedResults.Ok(await service.DueAsync(w, ct));
    }
}
