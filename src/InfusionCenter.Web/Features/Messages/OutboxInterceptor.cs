using InfusionCenter.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InfusionCenter.Web.Features.Messages;

/// <summary>
/// Writes what patients are to hear about their appointments into the outbox in the very save that changes an
/// appointment — whichever feature changes it (book, move, lengthen, cancel, stop a regimen, mark a dose missed) — so a
/// booking change and its messages commit or roll back together:
/// <list type="bullet">
/// <item>every change of an appointment's start, end or chair, and its cancellation, raises its calendar SEQUENCE;</item>
/// <item>a new booking: a confirmation now and a reminder the clinic's set days before (those still in the future);</item>
/// <item>a moved booking: its pending messages are superseded, an update now and new reminders;</item>
/// <item>a cancelled booking (still to come): its pending messages are superseded and a cancellation goes now.</item>
/// </list>
/// Messages are written only when the clinic has reminders on and the patient consented by email with an address on
/// file (SMS has no gateway here yet). Supersession always applies.
/// </summary>
public sealed class OutboxInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        PrepareAsync(eventData.Context, false, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await PrepareAsync(eventData.Context, true, cancellationToken);
        return result;
    }

    private enum Change
    {
        Booked,
        Moved,
        Cancelled,
    }

    private async Task PrepareAsync(DbContext? context, bool async, CancellationToken cancellationToken)
    {
        if (context is not InfusionDbContext db)
        {
            return;
        }

        db.ChangeTracker.DetectChanges();
        var changes = new List<(Appointment Appointment, Change Change)>();
        foreach (var entry in db.ChangeTracker.Entries<Appointment>())
        {
            if (ChangeOf(entry) is { } change)
            {
                changes.Add((entry.Entity, change));
            }
        }

        if (changes.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var changedIds = changes.Where(c => c.Change != Change.Booked && c.Appointment.Id > 0).Select(c => c.Appointment.Id).ToList();
        if (changedIds.Count > 0)
        {
            var pending = db.OutboxMessages.Where(m => changedIds.Contains(m.AppointmentId) && m.Status == OutboxStatus.Pending);
            foreach (var message in async ? await pending.ToListAsync(cancellationToken) : [.. pending])
            {
                message.Status = OutboxStatus.Superseded;
            }
        }

        var clinicQuery = db.Clinics.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.RemindersEnabled, c.ReminderDays });
        var clinic = async ? await clinicQuery.FirstOrDefaultAsync(cancellationToken) : clinicQuery.FirstOrDefault();
        if (clinic is not { RemindersEnabled: true })
        {
            return;
        }

        var patientIds = changes.Select(c => c.Appointment.PatientId).Distinct().ToList();
        var patientQuery = db.Patients.AsNoTracking().Where(p => patientIds.Contains(p.Id)
                && p.ReminderConsentOn != null && p.RemindersOptedOutOn == null && p.ReminderChannel == ReminderChannel.Email && p.Email != null && p.Email != "")
            .Select(p => p.Id);
        var reachable = (async ? await patientQuery.ToListAsync(cancellationToken) : [.. patientQuery]).ToHashSet();
        foreach (var (appointment, change) in changes.Where(c => reachable.Contains(c.Appointment.PatientId) && c.Appointment.StartsAt > now))
        {
            Enqueue(db, appointment, change switch
            {
                Change.Booked => OutboxKind.Confirmation,
                Change.Moved => OutboxKind.Update,
                _ => OutboxKind.Cancellation,
            }, null, now, now);
            if (change == Change.Cancelled)
            {
                continue;
            }

            foreach (var days in clinic.ReminderDays.Where(d => d > 0).Distinct().OrderByDescending(d => d))
            {
                var due = appointment.StartsAt.AddDays(-days);
                if (due > now)
                {
                    Enqueue(db, appointment, OutboxKind.Reminder, days, due, now);
                }
            }
        }
    }

    /// <summary>What happened to the appointment in this save (stamping its calendar SEQUENCE), or null for nothing patients hear of.</summary>
    private static Change? ChangeOf(EntityEntry<Appointment> entry)
    {
        var appointment = entry.Entity;
        if (entry.State == EntityState.Added)
        {
            return appointment.Status is AppointmentStatus.Booked or AppointmentStatus.CheckedIn ? Change.Booked : null;
        }

        if (entry.State != EntityState.Modified)
        {
            return null;
        }

        var status = entry.Property(a => a.Status);
        var cancelled = status.IsModified && appointment.Status == AppointmentStatus.Cancelled && status.OriginalValue != AppointmentStatus.Cancelled;
        var moved = entry.Property(a => a.StartsAt).IsModified || entry.Property(a => a.EndsAt).IsModified || entry.Property(a => a.ChairId).IsModified;
        if (!cancelled && !moved)
        {
            return null;
        }

        var sequence = entry.Property(a => a.CalendarSequence);
        if (!sequence.IsModified)
        {
            appointment.CalendarSequence = sequence.OriginalValue + 1;
        }

        if (cancelled)
        {
            return Change.Cancelled;
        }

        // The patient confirmed another time or place: the new one is to confirm again.
        appointment.PatientConfirmedAt = null;

        return appointment.Status is AppointmentStatus.Booked or AppointmentStatus.CheckedIn ? Change.Moved : null;
    }

    private static void Enqueue(InfusionDbContext db, Appointment appointment, OutboxKind kind, int? daysBefore, DateTime due, DateTime now) =>
        db.OutboxMessages.Add(new OutboxMessage
        {
            Appointment = appointment,
            PatientId = appointment.PatientId,
            Kind = kind,
            Channel = ReminderChannel.Email,
            DaysBefore = daysBefore,
            CalendarSequence = appointment.CalendarSequence,
            DueAt = due,
            Status = OutboxStatus.Pending,
            CreatedAt = now,
        });
}
