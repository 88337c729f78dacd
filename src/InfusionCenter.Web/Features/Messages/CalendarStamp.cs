using InfusionCenter.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InfusionCenter.Web.Features.Messages;

/// <summary>
/// Bumps <see cref="Appointment.CalendarSequence"/> of every appointment whose start, end or chair changed, or that was
/// cancelled, in the save that changes it — whichever feature made the change (move, lengthen for another way of giving,
/// cancel, stop a regimen) — so the calendar files and messages about it carry a higher SEQUENCE.
/// </summary>
public sealed class CalendarStamp : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        foreach (var entry in context.ChangeTracker.Entries<Appointment>().Where(e => e.State == EntityState.Modified))
        {
            var sequence = entry.Property(a => a.CalendarSequence);
            if (sequence.IsModified)
            {
                continue; // already stamped (a save retried after a failure)
            }

            var status = entry.Property(a => a.Status);
            var cancelled = status.IsModified && entry.Entity.Status == AppointmentStatus.Cancelled && (AppointmentStatus)status.OriginalValue! != AppointmentStatus.Cancelled;
            if (cancelled || entry.Property(a => a.StartsAt).IsModified || entry.Property(a => a.EndsAt).IsModified || entry.Property(a => a.ChairId).IsModified)
            {
                entry.Entity.CalendarSequence = sequence.OriginalValue + 1;
            }
        }
    }
}
