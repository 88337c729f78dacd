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

/// <summary>Moving an appointment (and the rest of its course) to another start and/or chair.</summary>
public sealed partial class AppointmentService
{
    /// <summary>Moves an appointment (with the rest of its course, by the same offset) to another chair and/or time.</summary>
    public async Task<IReadOnlyList<AppointmentDto>> MoveAsync(int id, MoveAppointmentRequest request, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(request.Start) && request.ChairId is null)
        {
            throw RequestValidationException.For("start", "Give a new start and/or chairId.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await clinicCalendar.LoadAsync(DateOnly.MinValue, DateOnly.MaxValue, cancellationToken);
        var appointment = await db.Appointments.Include(a => a.Dose).FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new NotFoundException($"No appointment with id {id}.");
        if (appointment.Status is not (AppointmentStatus.Booked or AppointmentStatus.CheckedIn))
        {
            throw new ConflictException($"Appointment {id} is {Describe(appointment.Status)}; only booked appointments can be moved.");
        }

        var group = appointment.CourseGroup is { } g
            ? await db.Appointments.Include(a => a.Dose).Where(a => a.CourseGroup == g && a.Status != AppointmentStatus.Cancelled).OrderBy(a => a.StartsAt).ToListAsync(cancellationToken)
            : [appointment];
        var oldStartLocal = settings.ToLocal(appointment.StartsAt);
        var newStartLocal = string.IsNullOrWhiteSpace(request.Start) ? oldStartLocal : ParseStart(request.Start, settings, "start");
        var shift = newStartLocal - oldStartLocal;
        Chair? chair = null;
        if (request.ChairId is { } chairId)
        {
            chair = await db.Chairs.AsNoTracking().FirstOrDefaultAsync(c => c.Id == chairId, cancellationToken)
                ?? throw RequestValidationException.For("chairId", $"No chair with id {chairId}.");
            if (!chair.Active)
            {
                throw RequestValidationException.For("chairId", $"{chair.Name} is out of service.");
            }
        }

        var today = await clock.TodayAsync(cancellationToken);
        var touched = new List<DateOnly>();
        foreach (var item in group)
        {
            var startLocal = settings.ToLocal(item.StartsAt) + shift;
            // A booking to redo (its dose's way of giving now needs longer) is redone by the move: it takes the dose's chair time.
            var redo = group.Count == 1 && item.Dose is { RebookReason: not null };
            var minutes = redo ? item.Dose!.ChairMinutes : (int)(item.EndsAt - item.StartsAt).TotalMinutes;
            if (item.Status is AppointmentStatus.Booked or AppointmentStatus.CheckedIn)
            {
                // A finished day of a course is history, not a booking: only what is still to come must land today or later.
                EnsureNotBeforeToday(startLocal, today);
            }

            EnsureInsideHours(settings, startLocal, minutes);
            // As when booking, a course follows its first day: only that day's window applies (later days shift with it).
            if (item == group[0] && item.Dose is { } dose)
            {
                var outside = (DateOnly.FromDateTime(startLocal) < dose.Earliest || DateOnly.FromDateTime(startLocal) > dose.Latest)
                    && OutsideWindow(dose, string.IsNullOrWhiteSpace(request.WindowOverrideReason) ? null : request.WindowOverrideReason.Trim());
                foreach (var day in group)
                {
                    day.WindowOverrideReason = outside ? request.WindowOverrideReason!.Trim() : null;
                    day.WindowOverrideBy = outside ? AuditUser.Name : null;
                }
            }

            touched.Add(DateOnly.FromDateTime(settings.ToLocal(item.StartsAt)));
            touched.Add(DateOnly.FromDateTime(startLocal));
            item.StartsAt = settings.ToUtc(startLocal);
            item.EndsAt = settings.ToUtc(startLocal.AddMinutes(minutes));
            item.ChairId = chair?.Id ?? item.ChairId;
            if (redo)
            {
                item.Dose!.RebookReason = null;
            }
        }

        if (DateOnly.FromDateTime(newStartLocal) != DateOnly.FromDateTime(oldStartLocal))
        {
            // A new day is a new question for the payer and the drug: the same readiness rules as a booking (a chair change
            // on the same day is not refused for readiness: the day's facts have not changed).
            await EnsureReadyAsync(db, group.Where(a => a.Dose is not null && a.Status is (AppointmentStatus.Booked or AppointmentStatus.CheckedIn))
                .Select(a => (a.Dose!, DateOnly.FromDateTime(settings.ToLocal(a.StartsAt)))), cancellationToken);
        }

        await SaveOrExplainConflictAsync(db, group, settings, cancellationToken);
        logger.LogInformation("Moved appointment(s) {AppointmentIds}", string.Join(',', group.Select(a => a.Id)));
        await boardEvents.PublishAsync(touched, cancellationToken);
        return await GetManyAsync(group.Select(a => a.Id).ToList(), cancellationToken);
    }
}
