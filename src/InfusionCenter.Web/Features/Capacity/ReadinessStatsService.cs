using InfusionCenter.Domain.Readiness;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Readiness;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Capacity;

/// <summary>
/// The manager's readiness figures (issue 13, <c>GET /api/capacity/readiness</c> and the capacity page's readiness card):
/// how long patients waited from referral to their first dose, per drug, and how many appointments were not ready the day
/// before. A handful of queries per range, whatever its size: one for the first doses, one for the appointments, and one
/// batch of readiness facts (<see cref="ReadinessService.DayBeforeAsync"/>).
/// </summary>
public sealed class ReadinessStatsService(IDbContextFactory<InfusionDbContext> dbFactory, ReadinessService readiness, ClinicClock clock)
{
    public const string AllDrugs = "All drugs";

    /// <summary>The figures for the clinic-local days <paramref name="from"/> to <paramref name="to"/> (a range already validated).</summary>
    public async Task<ReadinessStats> StatsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var zone = await clock.ZoneAsync(cancellationToken);
        var today = await clock.TodayAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var firstDoses = await FirstDosesAsync(db, zone, from, to, cancellationToken);
        var through = to < today ? to : today;
        var dayBefore = from <= through
            ? await DayBeforeAsync(db, zone, from, through, cancellationToken)
            : new DayBeforeReadiness(null, 0, 0, 0, []);
        return new ReadinessStats(from, to, zone.Id, firstDoses, dayBefore);
    }

    /// <summary>
    /// Regimens whose first dose given falls in the range, with the days from referral: the regimen's creation instant as a
    /// clinic-local day (the day the clinic took the patient on for this drug) to the day the first dose was given.
    /// </summary>
    private static async Task<FirstDoseWaits> FirstDosesAsync(InfusionDbContext db, TimeZoneInfo zone, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var rows = await db.Regimens.AsNoTracking()
            .Select(r => new
            {
                r.CreatedAt,
                Protocol = r.ProtocolVersion!.Protocol!.Code,
                Drug = r.ProtocolVersion.Protocol.Drug!.GenericName,
                Brand = r.ProtocolVersion.Protocol.Drug.BrandName,
                First = r.Doses.Where(d => d.Status == DoseStatus.Given && d.GivenOn != null).Min(d => d.GivenOn),
            })
            .Where(r => r.First >= from && r.First <= to)
            .ToListAsync(cancellationToken);

        var waits = rows
            .Select(r => (r.Protocol, Name: r.Brand is null ? r.Drug : $"{r.Drug} ({r.Brand})",
                Days: r.First!.Value.DayNumber - DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(r.CreatedAt, zone).DateTime).DayNumber))
            .ToList();
        var measured = waits.Where(w => w.Days >= 0).ToList();
        var drugs = measured.GroupBy(w => w.Protocol)
            .Select(g => Row(g.Key, g.First().Name, g.Select(w => w.Days)))
            .OrderByDescending(r => r.Started).ThenBy(r => r.Protocol, StringComparer.Ordinal)
            .ToList();
        return new FirstDoseWaits(drugs, Row(null, AllDrugs, measured.Select(w => w.Days)), waits.Count - measured.Count);
    }

    private static FirstDoseWait Row(string? protocol, string name, IEnumerable<int> days)
    {
        var summary = WaitSummary.Of(days);
        return new FirstDoseWait(protocol, name, summary.Count, summary.MedianDays, summary.Percentile90Days);
    }

    /// <summary>The appointments of doses from <paramref name="from"/> to <paramref name="through"/>, each judged as known the day before.</summary>
    private async Task<DayBeforeReadiness> DayBeforeAsync(InfusionDbContext db, TimeZoneInfo zone, DateOnly from, DateOnly through, CancellationToken cancellationToken)
    {
        var fromUtc = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), zone);
        var untilUtc = TimeZoneInfo.ConvertTimeToUtc(through.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        var rows = await db.Appointments.AsNoTracking()
            .Where(a => a.DoseId != null && a.StartsAt >= fromUtc && a.StartsAt < untilUtc)
            .Select(a => new { DoseId = a.DoseId!.Value, a.Dose!.RegimenId, a.StartsAt, a.Status, a.CancelledAt })
            .ToListAsync(cancellationToken);

        var counted = rows
            .Select(a => (a.DoseId, a.RegimenId, Day: LocalDay(a.StartsAt, zone), a.Status, Cancelled: a.CancelledAt is { } at ? LocalDay(at, zone) : (DateOnly?)null))
            .Where(a => a.Status != AppointmentStatus.Cancelled || a.Cancelled >= a.Day.AddDays(-1))
            .Select(a => (a.DoseId, a.RegimenId, Date: a.Day))
            .ToList();
        var results = await readiness.DayBeforeAsync(db, counted, cancellationToken);
        var notReady = results.Where(r => !r.Ready).ToList();
        var order = ReadinessCodes.All.Select((code, i) => (code, i)).ToDictionary(p => p.code, p => p.i);
        var reasons = notReady.SelectMany(r => r.Missing.Select(m => m.Code).Distinct())
            .GroupBy(code => code)
            .Select(g => new ReadinessReason(g.Key, g.Count()))
            .OrderByDescending(r => r.Appointments).ThenBy(r => order.GetValueOrDefault(r.Code, int.MaxValue))
            .ToList();
        return new DayBeforeReadiness(through, counted.Count, notReady.Count, counted.Count == 0 ? 0 : (double)notReady.Count / counted.Count, reasons);
    }

    private static DateOnly LocalDay(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));
}
