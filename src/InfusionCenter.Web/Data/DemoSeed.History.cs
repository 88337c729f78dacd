using InfusionCenter.Domain.Readiness;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Data;

public static partial class DemoSeed
{
    private const string HistoryBookedBy = "demo-seed-history";

    /// <summary>
    /// Demo history for the manager's readiness figures (issue 13). The demo regimens are enrolled at start-up with doses
    /// already given weeks ago, so their entry (the referral) would come after their first dose: each regimen entered on or
    /// after its start is back-dated to 20–80 days before it. The doses given in the last 13 weeks on open days get the
    /// completed appointment they would have had, and their drug's delivery: most arrived two to five days before, every
    /// fourth only on the infusion day (not ready the day before). Regimens: idempotent by nature (once back-dated they are
    /// entered before their start); appointments: only for given doses without any appointment, once (keyed on
    /// <see cref="HistoryBookedBy"/>).
    /// </summary>
    public static async Task SeedDemoHistoryAsync(IDbContextFactory<InfusionDbContext> factory, DateOnly today, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var zoneId = await db.Clinics.OrderBy(c => c.Id).Select(c => c.TimeZone).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var zone = zoneId is null ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(zoneId);

        var regimens = await db.Regimens.OrderBy(r => r.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (regimen, i) in regimens.Select((r, i) => (r, i)))
        {
            var startUtc = TimeZoneInfo.ConvertTimeToUtc(regimen.Start.ToDateTime(TimeOnly.MinValue), zone);
            if (regimen.CreatedAt >= startUtc)
            {
                // 20–80 days, spread (the published average from order to first ocrelizumab infusion is 53 days), at 10:00–14:00.
                var referral = regimen.Start.AddDays(-(20 + (i * 23 % 61))).ToDateTime(new TimeOnly(10 + (i % 5), 0));
                regimen.CreatedAt = TimeZoneInfo.ConvertTimeToUtc(referral, zone);
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (await db.Appointments.AnyAsync(a => a.BookedBy == HistoryBookedBy, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var from = today.AddDays(-91);
        var closed = await db.ClinicClosures.Select(c => c.Date).ToListAsync(cancellationToken).ConfigureAwait(false);
        var chairs = await db.Chairs.Where(c => c.Active && c.Kind == ChairKind.Recliner).OrderBy(c => c.SortOrder).Select(c => c.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var given = await db.Doses
            .Where(d => d.Status == DoseStatus.Given && d.GivenOn >= from && d.GivenOn < today && !db.Appointments.Any(a => a.DoseId == d.Id))
            .OrderBy(d => d.GivenOn).ThenBy(d => d.Id)
            .Select(d => new { d.Id, Day = d.GivenOn!.Value, d.ChairMinutes, d.Sequence, d.Regimen!.PatientId, Protocol = d.Regimen.ProtocolVersion!.Protocol!.Code })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var supplied = (await db.DrugSupplies.Select(s => s.DoseId).ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet();
        // Appointments already in the window (a demo database started again weeks later has earlier bookings there): never overlap them.
        var fromUtc = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), zone);
        var taken = await db.Appointments.Where(a => a.StartsAt >= fromUtc && a.Status != AppointmentStatus.Cancelled && a.Status != AppointmentStatus.NoShow)
            .Select(a => new Taken(a.ChairId, a.PatientId, a.StartsAt, a.EndsAt)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var n = 0;
        var reactions = 0;
        var reacted = new HashSet<int>();
        foreach (var day in given.Where(d => d.Day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !closed.Contains(d.Day)).GroupBy(d => d.Day))
        {
            foreach (var (dose, k) in day.Select((d, k) => (d, k)))
            {
                var start = TimeZoneInfo.ConvertTimeToUtc(day.Key.ToDateTime(new TimeOnly(8, 0)).AddMinutes(30 * k), zone);
                var end = start.AddMinutes(dose.ChairMinutes);
                var chair = chairs.Cast<int?>().FirstOrDefault(c => !taken.Any(t => (t.ChairId == c || t.PatientId == dose.PatientId) && t.StartsAt < end && start < t.EndsAt));
                if (chair is null)
                {
                    continue;
                }

                taken.Add(new Taken(chair.Value, dose.PatientId, start, end));
                var actualEnd = end.AddMinutes(n % 3 == 0 ? 15 : 0);
                // Reactions on ocrelizumab maintenance doses: the first severe (that patient's later doses lose the shorter
                // infusion), the second mild (no effect); their infusions slowed and ran 30 minutes long.
                var reaction = dose.Protocol == "ocrelizumab" && dose.Sequence >= 3 ? reactions++ switch
                {
                    0 => ReactionSeverity.Severe,
                    1 => ReactionSeverity.Mild,
                    _ => (ReactionSeverity?)null,
                } : null;
                if (reaction is not null)
                {
                    actualEnd = end.AddMinutes(30);
                    reacted.Add(dose.PatientId);
                }

                db.Appointments.Add(new Appointment
                {
                    PatientId = dose.PatientId, ChairId = chair.Value, DoseId = dose.Id, ProtocolCode = dose.Protocol, StartsAt = start, EndsAt = end,
                    Status = AppointmentStatus.Completed, BookedBy = HistoryBookedBy, BookedAt = start.AddDays(-14),
                    CheckedInAt = start.AddMinutes(-10), InChairAt = start, ActualStart = start, CompletedAt = actualEnd, ActualEnd = actualEnd,
                    ReactionSeverity = reaction ?? ReactionSeverity.None, ReactionAction = reaction is null ? ReactionAction.None : ReactionAction.Slowed,
                });
                if (!supplied.Contains(dose.Id))
                {
                    var late = n % 4 == 3;
                    db.DrugSupplies.Add(new DrugSupply
                    {
                        DoseId = dose.Id,
                        Source = dose.Protocol is "mitoxantrone" or "methylprednisolone" ? DrugSource.ClinicStock : DrugSource.SpecialtyPharmacy,
                        Status = DrugSupplyState.Prepared,
                        ExpectedArrival = day.Key.AddDays(-3),
                        ReceivedOn = late ? day.Key : day.Key.AddDays(-(2 + (n % 4))),
                    });
                }

                n++;
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var patientId in reacted)
        {
            await Features.Regimens.DoseOptions.ApplyAsync(db, patientId, null, cancellationToken).ConfigureAwait(false);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed record Taken(int ChairId, int PatientId, DateTime StartsAt, DateTime EndsAt);
}
