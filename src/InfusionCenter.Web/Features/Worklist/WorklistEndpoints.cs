using InfusionCenter.Web.Features.Auth;
using InfusionCenter.Web.Infrastructure;

namespace InfusionCenter.Web.Features.Worklist;

/// <summary>API.md "Chairs, appointments, slots": the due list and slot search.</summary>
public static class WorklistEndpoints
{
    public static IServiceCollection AddWorklist(this IServiceCollection services) => services.AddScoped<WorklistService>();

    public static void MapWorklist(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/slots", async (string? doseId, string? minutes, string? from, string? to, string? max, WorklistService service, CancellationToken ct) =>
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

            return Results.Ok(await service.SlotsAsync(dose, duration, fromDate, toDate, count, ct));
        }).WithTags("Appointments").RequireAuthorization(Policies.Read);

        // Why no slot fits a dose's window (null when slots exist): the clinic calendar, chair kinds or full days, in words.
        app.MapGet("/api/doses/{id:int}/slot-reason", async (int id, WorklistService service, CancellationToken ct) =>
            TypedResults.Ok(new SlotReasonDto(await service.NoSlotReasonAsync(id, ct))))
            .WithTags("Appointments").RequireAuthorization(Policies.Read);

        app.MapGet("/api/worklist", async (string? weeks, WorklistService service, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            var w = QueryParsing.Int(weeks, "weeks", errors) ?? 4;
            return errors.Count > 0 ? throw new RequestValidationException(errors) : Results.Ok(await service.DueAsync(w, ct));
        }).WithTags("Appointments").RequireAuthorization(Policies.Read);
    }
}
