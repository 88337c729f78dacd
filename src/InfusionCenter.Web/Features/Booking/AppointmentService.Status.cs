using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Regimens;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Booking;

/// <summary>The day's status changes: check in, in chair, completed (the dose recorded as given) and no-show.</summary>
public sealed partial class AppointmentService
{
    public Task<AppointmentDto> CheckInAsync(int id, CancellationToken cancellationToken = default) =>
        TransitionAsync(id, [AppointmentStatus.Booked], AppointmentStatus.CheckedIn, (a, now) => a.CheckedInAt = now, cancellationToken);

    /// <summary>The infusion starts: every blocking pre-infusion check must be confirmed (409 naming the others).</summary>
    public async Task<AppointmentDto> InChairAsync(int id, CancellationToken cancellationToken = default)
    {
        await safetyChecks.EnsureBlockingConfirmedAsync(id, cancellationToken);
        return await TransitionAsync(id, [AppointmentStatus.Booked, AppointmentStatus.CheckedIn], AppointmentStatus.InChair, (a, now) =>
        {
            a.CheckedInAt ??= now;
            a.InChairAt = now;
        }, cancellationToken);
    }

    public async Task<AppointmentDto> NoShowAsync(int id, CancellationToken cancellationToken = default)
    {
        var result = await TransitionAsync(id, [AppointmentStatus.Booked, AppointmentStatus.CheckedIn], AppointmentStatus.NoShow, (_, _) => { }, cancellationToken);
        if (result.DoseId is { } doseId)
        {
            await regimens.RecordMissedAsync(doseId, cancellationToken);
        }

        return result;
    }

    /// <summary>Completes the appointment and records its dose as given on the appointment's clinic-local date (re-anchoring the rest of the calendar).</summary>
    public async Task<AppointmentDto> CompleteAsync(int id, CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var appointment = await db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
                ?? throw new NotFoundException($"No appointment with id {id}.");
            if (appointment.Status is not (AppointmentStatus.Booked or AppointmentStatus.CheckedIn or AppointmentStatus.InChair))
            {
                throw new ConflictException($"Appointment {id} is {Describe(appointment.Status)}; it cannot be completed.");
            }

            await safetyChecks.EnsureBlockingConfirmedAsync(id, cancellationToken);

            if (appointment.DoseId is { } doseId)
            {
                var settings = await clinicCalendar.LoadAsync(DateOnly.MinValue, DateOnly.MaxValue, cancellationToken);
                await regimens.RecordGivenAsync(doseId, new GivenRequest(DateOnly.FromDateTime(settings.ToLocal(appointment.StartsAt))), cancellationToken);
            }
        }

        return await TransitionAsync(id, [AppointmentStatus.Booked, AppointmentStatus.CheckedIn, AppointmentStatus.InChair], AppointmentStatus.Completed, (a, now) =>
        {
            a.CheckedInAt ??= now;
            a.InChairAt ??= now;
            a.CompletedAt = now;
        }, cancellationToken);
    }

    private async Task<AppointmentDto> TransitionAsync(int id, AppointmentStatus[] from, AppointmentStatus to, Action<Appointment, DateTime> apply, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new NotFoundException($"No appointment with id {id}.");
        if (!from.Contains(appointment.Status))
        {
            throw new ConflictException($"Appointment {id} is {Describe(appointment.Status)}; it cannot be marked {Describe(to)}.");
        }

        appointment.Status = to;
        apply(appointment, clock.UtcNow.UtcDateTime);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException($"Appointment {id} was changed by someone else; the board has been refreshed.");
        }

        var settings = await clinicCalendar.LoadAsync(DateOnly.MinValue, DateOnly.MinValue, cancellationToken);
        await boardEvents.PublishAsync([DateOnly.FromDateTime(settings.ToLocal(appointment.StartsAt))], cancellationToken);
        return await GetAsync(id, cancellationToken);
    }
}
