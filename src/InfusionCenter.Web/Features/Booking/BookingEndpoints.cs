using InfusionCenter.Web.Features.Auth;
using InfusionCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InfusionCenter.Web.Features.Booking;

/// <summary>API.md "Chairs, appointments, slots": booking, moving, cancelling and the day's statuses.</summary>
public static class BookingEndpoints
{
    public static IServiceCollection AddBooking(this IServiceCollection services) => services
        .AddScoped<AppointmentService>()
        .AddSingleton<IdempotencyPurge>()
        .AddHostedService(sp => sp.GetRequiredService<IdempotencyPurge>());

    public static void MapBooking(this IEndpointRouteBuilder app)
    {
        var appointments = app.MapGroup("/api/appointments").WithTags("Appointments").RequireAuthorization(Policies.Read);
        appointments.MapPost("/", BookAsync).RequireAuthorization(Policies.Scheduling)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Book chair time; with an Idempotency-Key header, a repeat of the same request answers as the first did (another body with the key: 422)");
        appointments.MapGet("/", ForDayAsync).ProducesValidationProblem();
        appointments.MapGet("/{id:int}", GetAsync);
        appointments.MapPut("/{id:int}", MoveAsync).RequireAuthorization(Policies.Scheduling);
        appointments.MapDelete("/{id:int}", CancelAsync).RequireAuthorization(Policies.Scheduling);
        appointments.MapPost("/{id:int}/check-in", CheckInAsync).RequireAuthorization(Policies.Nursing);
        appointments.MapPost("/{id:int}/in-chair", InChairAsync).RequireAuthorization(Policies.Nursing);
        appointments.MapPost("/{id:int}/complete", CompleteAsync).RequireAuthorization(Policies.Nursing);
        appointments.MapPost("/{id:int}/no-show", NoShowAsync).RequireAuthorization(Policies.Nursing);
        appointments.MapPost("/{id:int}/undo", UndoAsync).RequireAuthorization(Policies.Nursing);
    }

    /// <summary>
    /// POST /api/appointments: 201 with the booking. An <c>Idempotency-Key</c> header (at most 200 characters, no control
    /// characters) makes a retry safe: the same user's repeat with the same key and body gets the first 201 again.
    /// Other refusals (400, 409) are the service's exceptions, written as ProblemDetails.
    /// </summary>
    private static async Task<Results<Created<BookedDto>, ProblemHttpResult>> BookAsync(BookAppointmentRequest request,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey, AppointmentService service, HttpContext http, CancellationToken ct)
    {
        var user = Audit.AuditUser.NameOf(http.User);
        try
        {
            var reply = idempotencyKey is null
                ? await service.BookReplyAsync(request, user, ct)
                : await service.BookOnceAsync(request, user ?? "", idempotencyKey, ct);
            return TypedResults.Created(reply.Location, reply.Body);
        }
        catch (IdempotencyKeyReusedException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key already used");
        }
    }

    /// <summary>GET /api/appointments?date=YYYY-MM-DD (clinic-local day, required) -> that day's appointments.</summary>
    private static async Task<Ok<IReadOnlyList<AppointmentDto>>> ForDayAsync(string? date, AppointmentService service, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var day = QueryParsing.Date(date, "date", errors);
        if (day is null && errors.Count == 0)
        {
            errors["date"] = ["date is required (YYYY-MM-DD, clinic-local day)."];
        }

        return errors.Count > 0 ? throw new RequestValidationException(errors) : TypedResults.Ok(await service.ForDayAsync(day!.Value, ct));
    }

    /// <summary>GET /api/appointments/{id} -> the appointment.</summary>
    private static async Task<Ok<AppointmentDto>> GetAsync(int id, AppointmentService service, CancellationToken ct) =>
        TypedResults.Ok(await service.GetAsync(id, ct));

    /// <summary>PUT /api/appointments/{id} -> the appointments moved: this one and the rest of its course, by the same offset.</summary>
    private static async Task<Ok<IReadOnlyList<AppointmentDto>>> MoveAsync(int id, MoveAppointmentRequest request, AppointmentService service, CancellationToken ct) =>
        TypedResults.Ok(await service.MoveAsync(id, request, ct));

    /// <summary>DELETE /api/appointments/{id}?reason -> 204: cancelled (kept for audit, the chair freed).</summary>
    private static async Task<NoContent> CancelAsync(int id, string? reason, AppointmentService service, CancellationToken ct)
    {
        await service.CancelAsync(id, reason, ct);
        return TypedResults.NoContent();
    }

    /// <summary>POST /api/appointments/{id}/check-in -> the appointment, checked in (on its clinic-local day only).</summary>
    private static async Task<Ok<AppointmentDto>> CheckInAsync(int id, AppointmentService service, CancellationToken ct) =>
        TypedResults.Ok(await service.CheckInAsync(id, ct));

    /// <summary>POST /api/appointments/{id}/in-chair -> the appointment, in the chair (blocking safety checks confirmed).</summary>
    private static async Task<Ok<AppointmentDto>> InChairAsync(int id, AppointmentService service, CancellationToken ct) =>
        TypedResults.Ok(await service.InChairAsync(id, ct));

    /// <summary>POST /api/appointments/{id}/complete -> the appointment, completed; its dose is recorded as given in the same transaction.</summary>
    private static async Task<Ok<AppointmentDto>> CompleteAsync(int id, CompleteAppointmentRequest? request, AppointmentService service, CancellationToken ct) =>
        TypedResults.Ok(await service.CompleteAsync(id, request, ct));

    /// <summary>POST /api/appointments/{id}/no-show -> the appointment, marked as not attended (only after its start).</summary>
    private static async Task<Ok<AppointmentDto>> NoShowAsync(int id, AppointmentService service, CancellationToken ct) =>
        TypedResults.Ok(await service.NoShowAsync(id, ct));

    /// <summary>POST /api/appointments/{id}/undo -> the appointment with its last check-in, in-chair or no-show reverted.</summary>
    private static async Task<Ok<AppointmentDto>> UndoAsync(int id, AppointmentService service, CancellationToken ct) =>
        TypedResults.Ok(await service.UndoAsync(id, ct));
}
