using FluentValidation;
using InfusionCenter.Domain.Protocols;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Audit;
using InfusionCenter.Web.Features.Regimens;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using InfusionCenter.Web.Features.ClinicCalendar;
using InfusionCenter.Web.Features.Board;
using InfusionCenter.Web.Features.SafetyChecks;

namespace InfusionCenter.Web.Features.Booking;

/// <summary>
/// Books, moves and cancels chair time and walks appointments through the day (check in, in chair,
/// completed — which records the dose as given — and no-show). PostgreSQL's exclusion constraints are the
/// final word on double booking: of two nurses booking the same chair at once exactly one succeeds.
/// The use cases are split by concern over partial files: booking and cancelling here; moving in AppointmentService.Move.cs; the day's status
/// changes in AppointmentService.Status.cs; reading appointments in AppointmentService.Queries.cs; the booking rules
/// (opening hours, bookable doses, clash messages, start parsing) in AppointmentService.Rules.cs.
/// </summary>
public sealed partial class AppointmentService(
    IDbContextFactory<InfusionDbContext> dbFactory,
    ClinicCalendarService clinicCalendar,
    ClinicClock clock,
    BookAppointmentValidator bookValidator,
    BoardEvents boardEvents,
    SafetyCheckService safetyChecks,
    Readiness.ReadinessService readiness,
    ILogger<AppointmentService> logger)
{
    /// <summary>Books a dose (a whole consecutive-day course when the dose is a course day) or a free appointment.</summary>
    public async Task<IReadOnlyList<AppointmentDto>> BookAsync(BookAppointmentRequest request, string? user, CancellationToken cancellationToken = default)
    {
        await bookValidator.EnsureValidAsync(request, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (appointments, settings, _) = await BookOnAsync(db, request, user, cancellationToken);
        await PublishBookedAsync(appointments, settings, cancellationToken);
        return await GetManyAsync(appointments.Select(a => a.Id).ToList(), cancellationToken);
    }

    /// <summary>
    /// <see cref="BookAsync"/> as the API answers it: the booking with the readiness items of its dose that only warn
    /// (read once, with the check that could have refused it).
    /// </summary>
    public async Task<BookingReply> BookReplyAsync(BookAppointmentRequest request, string? user, CancellationToken cancellationToken = default)
    {
        await bookValidator.EnsureValidAsync(request, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (appointments, settings, warnings) = await BookOnAsync(db, request, user, cancellationToken);
        await PublishBookedAsync(appointments, settings, cancellationToken);
        var reply = BookingReply.From(await GetManyAsync(appointments.Select(a => a.Id).ToList(), cancellationToken));
        return reply with { Body = reply.Body with { Warnings = warnings } };
    }

    /// <summary>
    /// The booking on <paramref name="db"/>, saved once (inside the caller's transaction when it opened one, see
    /// <see cref="BookOnceAsync"/>): the request is already validated; the board is told by the caller, after the commit.
    /// </summary>
    private async Task<(List<Appointment> Appointments, ClinicSettings Settings, IReadOnlyList<Readiness.MissingDto>? Warnings)> BookOnAsync(InfusionDbContext db, BookAppointmentRequest request, string? user, CancellationToken cancellationToken)
    {
        var settings = await clinicCalendar.LoadAsync(db, DateOnly.MinValue, DateOnly.MaxValue, cancellationToken);
        var startLocal = ParseStart(request.Start!, settings, "start");
        EnsureNotBeforeToday(startLocal, await clock.TodayAsync(cancellationToken));

        if (!await db.Patients.AnyAsync(p => p.Id == request.PatientId, cancellationToken))
        {
            throw RequestValidationException.For("patientId", $"No patient with id {request.PatientId}.");
        }

        var chair = await db.Chairs.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.ChairId, cancellationToken)
            ?? throw RequestValidationException.For("chairId", $"No chair with id {request.ChairId}.");
        if (!chair.Active)
        {
            throw RequestValidationException.For("chairId", $"{chair.Name} is out of service.");
        }

        var days = new List<(Dose? Dose, DateTime StartLocal, int Minutes)>();
        var overrideReason = string.IsNullOrWhiteSpace(request.WindowOverrideReason) ? null : request.WindowOverrideReason.Trim();
        var outsideWindow = false;
        Guid? courseGroup = null;
        string? protocolCode = null;
        if (request.DoseId is { } doseId)
        {
            var dose = await db.Doses.Include(d => d.Regimen!).ThenInclude(r => r.ProtocolVersion)
                .FirstOrDefaultAsync(d => d.Id == doseId, cancellationToken)
                ?? throw RequestValidationException.For("doseId", $"No dose with id {doseId}.");
            if (dose.Regimen!.PatientId != request.PatientId)
            {
                throw RequestValidationException.For("doseId", "This dose belongs to another patient.");
            }

            EnsureBookable(dose);
            var definition = ProtocolJson.Deserialize(dose.Regimen.ProtocolVersion!.DefinitionJson);
            protocolCode = definition.Code;
            if (definition.RequiredChairKind is { } kind && !string.Equals(kind, chair.Kind.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                throw RequestValidationException.For("chairId", $"{definition.Drug.GenericName} needs a {kind}; {chair.Name} is a {chair.Kind.ToString().ToLowerInvariant()}.");
            }

            var localDate = DateOnly.FromDateTime(startLocal);
            if (localDate < dose.Earliest || localDate > dose.Latest)
            {
                outsideWindow = OutsideWindow(dose, overrideReason);
            }

            if (definition.IsCourseSeries)
            {
                // A consecutive-day course is booked as one unit: every day, same chair, same time.
                var course = await db.Doses.Where(d => d.RegimenId == dose.RegimenId && d.Course == dose.Course && d.Status != DoseStatus.Cancelled)
                    .OrderBy(d => d.DayInCourse).ToListAsync(cancellationToken);
                if (course[0].Id != dose.Id)
                {
                    throw RequestValidationException.For("doseId", $"Book the course from its first day (dose {course[0].Sequence}): the {course.Count} days are booked together.");
                }

                foreach (var day in course)
                {
                    EnsureBookable(day);
                    days.Add((day, startLocal.AddDays(day.DayInCourse - 1), day.ChairMinutes));
                }

                courseGroup = course.Count > 1 ? Guid.NewGuid() : null;
            }
            else
            {
                days.Add((dose, startLocal, request.Minutes ?? dose.ChairMinutes));
            }
        }
        else
        {
            days.Add((null, startLocal, request.Minutes!.Value));
        }

        foreach (var (_, dayStart, minutes) in days)
        {
            EnsureInsideHours(settings, dayStart, minutes);
        }

        var ready = await EnsureReadyAsync(db, days.Where(d => d.Dose is not null).Select(d => (d.Dose!, DateOnly.FromDateTime(d.StartLocal))), cancellationToken);
        IReadOnlyList<Readiness.MissingDto>? warnings = request.DoseId is null || ready.Count == 0 ? null : [.. ready[0].Missing.Select(Readiness.MissingDto.From)];

        var now = clock.UtcNow.UtcDateTime;
        var appointments = days.Select(d => new Appointment
        {
            PatientId = request.PatientId!.Value,
            ChairId = chair.Id,
            DoseId = d.Dose?.Id,
            ProtocolCode = protocolCode,
            StartsAt = settings.ToUtc(d.StartLocal),
            EndsAt = settings.ToUtc(d.StartLocal.AddMinutes(d.Minutes)),
            Status = AppointmentStatus.Booked,
            CourseGroup = courseGroup,
            BookedBy = user ?? (AuditUser.Name is var acting && acting != "system" ? acting : null), // the UI books as the signed-in user
            BookedAt = now,
            WindowOverrideReason = outsideWindow ? overrideReason : null,
            WindowOverrideBy = outsideWindow ? user ?? AuditUser.Name : null,
        }).ToList();
        foreach (var (dose, _, _) in days)
        {
            if (dose is not null)
            {
                dose.Status = DoseStatus.Booked;
                dose.RebookReason = null;
            }
        }

        db.Appointments.AddRange(appointments);
        await SaveOrExplainConflictAsync(db, appointments, settings, cancellationToken);
        logger.LogInformation("Booked appointment(s) {AppointmentIds} on chair {ChairId} for patient {PatientId}", string.Join(',', appointments.Select(a => a.Id)), chair.Id, request.PatientId);
        return (appointments, settings, warnings);
    }

    private Task PublishBookedAsync(IEnumerable<Appointment> appointments, ClinicSettings settings, CancellationToken cancellationToken) =>
        boardEvents.PublishAsync(appointments.Select(a => DateOnly.FromDateTime(settings.ToLocal(a.StartsAt))), cancellationToken);

    /// <summary>
    /// A dose booked outside its window needs a recorded reason (the prescriber's agreement): true with one, a 400 on
    /// <c>start</c> without (the window named) or on <c>windowOverrideReason</c> when the reason is too long.
    /// </summary>
    private static bool OutsideWindow(Dose dose, string? reason)
    {
        if (reason is null)
        {
            throw RequestValidationException.For("start",
                $"Dose {dose.Sequence} must be given between {dose.Earliest:yyyy-MM-dd} and {dose.Latest:yyyy-MM-dd} (target {dose.TargetDate:yyyy-MM-dd}). " +
                "To book outside this window with the prescriber's agreement, give the reason for the exception.");
        }

        return reason.Length <= 500
            ? true
            : throw RequestValidationException.For("windowOverrideReason", "The reason for booking outside the window is at most 500 characters.");
    }

    /// <summary>Cancels an appointment (and the rest of its course): kept for the record, the chair is free again, the dose is due again.</summary>
    public async Task CancelAsync(int id, string? reason, CancellationToken cancellationToken = default)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? "No reason given" : reason.Trim();
        if (reason.Length > 500)
        {
            throw RequestValidationException.For("reason", "The reason is at most 500 characters.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new NotFoundException($"No appointment with id {id}.");
        var now = new ClinicMoment(clock.UtcNow.UtcDateTime, await clock.ZoneAsync(cancellationToken));
        if (!appointment.Cancel(now, reason))
        {
            return; // cancelled already: a repeated cancel changes nothing
        }

        // The rest of a consecutive-day course goes with it (its days still booked).
        var group = appointment.CourseGroup is { } g
            ? await db.Appointments.Include(a => a.Dose).Where(a => a.CourseGroup == g && a.Status == AppointmentStatus.Booked || a.Id == id).ToListAsync(cancellationToken)
            : await db.Appointments.Include(a => a.Dose).Where(a => a.Id == id).ToListAsync(cancellationToken);
        var settings = await clinicCalendar.LoadAsync(DateOnly.MinValue, DateOnly.MaxValue, cancellationToken);
        foreach (var item in group)
        {
            if (item.Id != id)
            {
                item.Cancel(now, reason);
            }

            if (item.Dose is { Status: DoseStatus.Booked } dose)
            {
                dose.Status = DoseStatus.Planned;
                dose.RebookReason = null;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Cancelled appointment(s) {AppointmentIds}", string.Join(',', group.Select(a => a.Id)));
        await boardEvents.PublishAsync(group.Select(a => DateOnly.FromDateTime(settings.ToLocal(a.StartsAt))), cancellationToken);
    }
}
