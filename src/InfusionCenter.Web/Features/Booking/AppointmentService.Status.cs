using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Regimens;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Booking;

/// <summary>
/// The day's status changes: check in, in chair, completed (with what happened; the dose recorded as given), no-show (the
/// dose missed) and undo. The rules are the entity's (<see cref="Appointment"/>'s lifecycle); each use case here loads,
/// applies and saves once, so the appointment and its dose change together or not at all.
/// </summary>
public sealed partial class AppointmentService
{
    public Task<AppointmentDto> CheckInAsync(int id, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, (_, a, now) => { a.CheckIn(now); return Task.CompletedTask; }, cancellationToken);

    /// <summary>The infusion starts: every blocking pre-infusion check must be confirmed (409 naming the others).</summary>
    public Task<AppointmentDto> InChairAsync(int id, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, async (_, a, now) =>
        {
            if (a.Status is AppointmentStatus.Booked or AppointmentStatus.CheckedIn)
            {
                await safetyChecks.EnsureBlockingConfirmedAsync(id, cancellationToken);
            }

            a.StartInfusion(now);
        }, cancellationToken);

    /// <summary>A no-show (after the start only): the chair is free and the dose is missed (due again), together.</summary>
    public Task<AppointmentDto> NoShowAsync(int id, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, async (db, a, now) =>
        {
            a.MarkNoShow(now);
            if (a.DoseId is { } doseId && await db.Doses.FirstOrDefaultAsync(d => d.Id == doseId, cancellationToken) is { Status: DoseStatus.Booked or DoseStatus.Planned } dose)
            {
                dose.Status = DoseStatus.Missed;
            }
        }, cancellationToken);

    /// <summary>Reverts the last check-in, in-chair or no-show on the day it was recorded (a no-show's dose is booked again).</summary>
    public Task<AppointmentDto> UndoAsync(int id, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, async (db, a, now) =>
        {
            var undone = a.Undo(now);
            if (undone != AppointmentStatus.NoShow || a.DoseId is not { } doseId)
            {
                return;
            }

            var dose = await db.Doses.FirstAsync(d => d.Id == doseId, cancellationToken);
            var elsewhere = await db.Appointments.AnyAsync(o => o.DoseId == doseId && o.Id != id
                && (o.Status == AppointmentStatus.Booked || o.Status == AppointmentStatus.CheckedIn || o.Status == AppointmentStatus.InChair), cancellationToken);
            if (elsewhere || dose.Status is DoseStatus.Given or DoseStatus.Cancelled)
            {
                throw new ConflictException($"The no-show cannot be undone: dose {dose.Sequence} has since been {(elsewhere ? "booked again" : dose.Status.ToString().ToLowerInvariant())}.");
            }

            dose.Status = DoseStatus.Booked;
        }, cancellationToken);

    /// <summary>
    /// Completes the appointment with what actually happened (times, lot, reaction) and records its dose as given on the
    /// appointment's clinic-local date (re-anchoring the rest of the calendar) — one save, one transaction.
    /// </summary>
    public async Task<AppointmentDto> CompleteAsync(int id, CompleteAppointmentRequest? request = null, CancellationToken cancellationToken = default)
    {
        request ??= new CompleteAppointmentRequest();
        var settings = await clinicCalendar.LoadAsync(DateOnly.MinValue, DateOnly.MinValue, cancellationToken);
        var record = new CompletionRecord(
            request.ActualStart is { Length: > 0 } s ? settings.ToUtc(ParseStart(s, settings, "actualStart")) : null,
            request.ActualEnd is { Length: > 0 } e ? settings.ToUtc(ParseStart(e, settings, "actualEnd")) : null,
            request.Lot,
            request.LotExpiry,
            request.Reaction?.Severity ?? ReactionSeverity.None,
            request.Reaction?.Action ?? ReactionAction.None,
            request.Reaction?.AmountGiven);
        return await ChangeAsync(id, async (db, a, now) =>
        {
            a.EnsureCanComplete(now);
            await safetyChecks.EnsureBlockingConfirmedAsync(id, cancellationToken);
            Dose? dose = null;
            if (a.DoseId is { } doseId)
            {
                dose = await RegimenService.ApplyGivenAsync(db, doseId, now.LocalDate(a.StartsAt), now.Today, cancellationToken, record.Severity);
            }

            a.Complete(now, record, dose?.Amount);
        }, cancellationToken);
    }

    /// <summary>Loads the appointment, applies one change (which may touch its dose in the same context) and saves once.</summary>
    private async Task<AppointmentDto> ChangeAsync(int id, Func<InfusionDbContext, Appointment, ClinicMoment, Task> change, CancellationToken cancellationToken)
    {
        var now = new ClinicMoment(clock.UtcNow.UtcDateTime, await clock.ZoneAsync(cancellationToken));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new NotFoundException($"No appointment with id {id}.");
        await change(db, appointment, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException($"Appointment {id} was changed by someone else meanwhile; look again and retry.");
        }
        catch (DbUpdateException exclusion) when (exclusion.IsExclusionViolation())
        {
            throw new ConflictException($"Appointment {id}'s chair time has been booked for someone else meanwhile; it cannot be restored.");
        }

        logger.LogInformation("Appointment {AppointmentId} is now {Status}", id, appointment.Status);
        await boardEvents.PublishAsync([now.LocalDate(appointment.StartsAt)], cancellationToken);
        return await GetAsync(id, cancellationToken);
    }
}
