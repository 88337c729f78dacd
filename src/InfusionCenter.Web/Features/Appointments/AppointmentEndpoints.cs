using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Auth;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Appointments;

/// <summary>API.md "Chairs, appointments, slots".</summary>
public static class AppointmentEndpoints
{
    public static IServiceCollection AddAppointments(this IServiceCollection services)
    {
        services.AddSingleton<ClinicCalendar>();
        services.AddSingleton<BoardEvents>();
        services.AddHostedService(sp => sp.GetRequiredService<BoardEvents>());
        services.AddScoped<AppointmentService>();
        services.AddScoped<SafetyCheckService>();
        services.AddScoped<MonitoringService>();
        services.AddScoped<WorklistService>();
        services.AddScoped<ChairService>();
        return services;
    }

    public static void MapAppointments(this IEndpointRouteBuilder app)
    {
        var chairs = app.MapGroup("/api/chairs").WithTags("Chairs").RequireAuthorization(Policies.Read);
        chairs.MapGet("/", async (ChairService service, CancellationToken ct) => (await service.ListAsync(ct)).Select(ChairService.ToDto));
        chairs.MapPost("/", async (ChairRequest request, ChairService service, CancellationToken ct) =>
        {
            var chair = await service.CreateAsync(request, ct);
            return Results.Created($"/api/chairs/{chair.Id}", ChairService.ToDto(chair));
        }).RequireAuthorization(Policies.Admin);
        chairs.MapPut("/{id:int}", async (int id, ChairRequest request, ChairService service, CancellationToken ct) =>
            Results.Ok(ChairService.ToDto(await service.UpdateAsync(id, request, ct)))).RequireAuthorization(Policies.Admin);

        var appointments = app.MapGroup("/api/appointments").WithTags("Appointments").RequireAuthorization(Policies.Read);
        appointments.MapPost("/", async (BookAppointmentRequest request, AppointmentService service, HttpContext http, CancellationToken ct) =>
        {
            var booked = await service.BookAsync(request, Audit.AuditUser.NameOf(http.User), ct);
            var first = booked[0];
            return Results.Created($"/api/appointments/{first.Id}", new
            {
                first.Id, first.ChairId, first.Start, first.End, first.PatientId, first.DoseId, first.Minutes, first.Status, first.CourseGroup,
                courseAppointments = booked.Count > 1 ? booked.Select(a => new { a.Id, a.ChairId, a.Start, a.End, a.DoseId }) : null,
            });
        }).RequireAuthorization(Policies.Nursing);
        appointments.MapGet("/", async (string? date, AppointmentService service, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            var day = QueryParsing.Date(date, "date", errors);
            if (day is null && errors.Count == 0)
            {
                errors["date"] = ["date is required (YYYY-MM-DD, clinic-local day)."];
            }

            return errors.Count > 0 ? throw new RequestValidationException(errors) : Results.Ok(await service.ForDayAsync(day!.Value, ct));
        });
        appointments.MapGet("/{id:int}", async (int id, AppointmentService service, CancellationToken ct) => Results.Ok(await service.GetAsync(id, ct)));
        appointments.MapPut("/{id:int}", async (int id, MoveAppointmentRequest request, AppointmentService service, CancellationToken ct) =>
            Results.Ok(await service.MoveAsync(id, request, ct))).RequireAuthorization(Policies.Nursing);
        appointments.MapDelete("/{id:int}", async (int id, string? reason, AppointmentService service, CancellationToken ct) =>
        {
            await service.CancelAsync(id, reason, ct);
            return Results.NoContent();
        }).RequireAuthorization(Policies.Nursing);
        appointments.MapPost("/{id:int}/check-in", async (int id, AppointmentService service, CancellationToken ct) => Results.Ok(await service.CheckInAsync(id, ct))).RequireAuthorization(Policies.Nursing);
        appointments.MapPost("/{id:int}/in-chair", async (int id, AppointmentService service, CancellationToken ct) => Results.Ok(await service.InChairAsync(id, ct))).RequireAuthorization(Policies.Nursing);
        appointments.MapPost("/{id:int}/complete", async (int id, AppointmentService service, CancellationToken ct) => Results.Ok(await service.CompleteAsync(id, ct))).RequireAuthorization(Policies.Nursing);
        appointments.MapGet("/{id:int}/checks", async (int id, SafetyCheckService service, CancellationToken ct) => Results.Ok(await service.ForAppointmentAsync(id, ct)))
            .WithSummary("The pre-infusion checks: the dose's protocol safety gates and whether each is confirmed");
        appointments.MapPost("/{id:int}/checks/{code}", async (int id, string code, ConfirmCheckRequest? request, SafetyCheckService service, CancellationToken ct) =>
            Results.Ok(await service.ConfirmAsync(id, code, request, ct)))
            .RequireAuthorization(Policies.Nursing)
            .WithSummary("Confirms one pre-infusion check (optional note); blocking checks must be confirmed before in-chair and complete");
        appointments.MapPost("/{id:int}/no-show", async (int id, AppointmentService service, CancellationToken ct) => Results.Ok(await service.NoShowAsync(id, ct))).RequireAuthorization(Policies.Nursing);

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

        app.MapGet("/api/monitoring", async (string? includeEnded, MonitoringService service, CancellationToken ct) =>
            Results.Ok(await service.ListAsync(string.Equals(includeEnded, "true", StringComparison.OrdinalIgnoreCase), ct)))
            .WithTags("Appointments").RequireAuthorization(Policies.Read)
            .WithSummary("After-treatment monitoring (e.g. alemtuzumab REMS monthly labs): who is overdue, due or upcoming");
        app.MapPost("/api/patients/{id:int}/monitoring/{code}", async (int id, string code, MonitoringDoneRequest request, MonitoringService service, CancellationToken ct) =>
            Results.Ok(await service.RecordAsync(id, code, request, ct)))
            .WithTags("Appointments").RequireAuthorization(Policies.Nursing)
            .WithSummary("Records a monitoring step done (date, default today; optional note)");

        app.MapGet("/api/worklist", async (string? weeks, WorklistService service, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            var w = QueryParsing.Int(weeks, "weeks", errors) ?? 4;
            return errors.Count > 0 ? throw new RequestValidationException(errors) : Results.Ok(await service.DueAsync(w, ct));
        }).WithTags("Appointments").RequireAuthorization(Policies.Read);
    }
}
