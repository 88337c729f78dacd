using InfusionCenter.Web.Features.Auth;
using InfusionCenter.Web.Infrastructure;

namespace InfusionCenter.Web.Features.Booking;

/// <summary>API.md "Chairs, appointments, slots": booking, moving, cancelling and the day's statuses.</summary>
public static class BookingEndpoints
{
    public static IServiceCollection AddBooking(this IServiceCollection services) => services.AddScoped<AppointmentService>();

    public static void MapBooking(this IEndpointRouteBuilder app)
    {
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
        appointments.MapPost("/{id:int}/complete", async (int id, CompleteAppointmentRequest? request, AppointmentService service, CancellationToken ct) =>
            Results.Ok(await service.CompleteAsync(id, request, ct))).RequireAuthorization(Policies.Nursing);
        appointments.MapPost("/{id:int}/no-show", async (int id, AppointmentService service, CancellationToken ct) => Results.Ok(await service.NoShowAsync(id, ct))).RequireAuthorization(Policies.Nursing);
        appointments.MapPost("/{id:int}/undo", async (int id, AppointmentService service, CancellationToken ct) => Results.Ok(await service.UndoAsync(id, ct))).RequireAuthorization(Policies.Nursing);
    }
}
