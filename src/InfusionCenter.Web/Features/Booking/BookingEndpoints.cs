using InfusionCenter.Web.Features.Auth;
using InfusionCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace InfusionCenter.Web.Features.Booking;

/// <summary>API.md "Chairs, appointments, slots": booking, moving, cancelling and the day's statuses.</summary>
public static class BookingEndpoints
{
    public static IServiceCollection AddBooking(this IServiceCollection services) => services.AddScoped<AppointmentService>();

    public static void MapBooking(this IEndpointRouteBuilder app)
    {
        var appointments = app.MapGroup("/api/appointments").WithTags("Appointments").RequireAuthorization(Policies.Read);
        appointments.MapPost("/", BookAsync).RequireAuthorization(Policies.Nursing)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Book chair time; with an Idempotency-Key header, a repeat of the same request answers as the first did (another body with the key: 422)");
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
                ? BookingReply.From(await service.BookAsync(request, user, ct))
                : await service.BookOnceAsync(request, user ?? "", idempotencyKey, ct);
            return TypedResults.Created(reply.Location, reply.Body);
        }
        catch (IdempotencyKeyReusedException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key already used");
        }
    }
}
