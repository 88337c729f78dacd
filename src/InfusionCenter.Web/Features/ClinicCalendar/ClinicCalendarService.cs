using InfusionCenter.Domain.Scheduling;
using InfusionCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.ClinicCalendar;

/// <summary>Loads <see cref="ClinicSettings"/>, kept in memory between changes (see <see cref="LoadAsync(DateOnly, DateOnly, CancellationToken)"/>).</summary>
public sealed class ClinicCalendarService(IDbContextFactory<InfusionDbContext> dbFactory)
{
    /// <summary>The clinic's name (the header shows it); empty before a clinic is set up.</summary>
    public async Task<string> ClinicNameAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Clinics.OrderBy(c => c.Id).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
    }

    private volatile Snapshot? _snapshot;

    /// <summary>
    /// The clinic's settings with the closures and staffing days from <paramref name="from"/> to <paramref name="to"/>.
    /// The whole calendar is kept in memory while the database's <c>clinic_calendar_version</c> (bumped by triggers
    /// on every change, by anyone) is unchanged, so a request costs one tiny query instead of three.
    /// </summary>
    public async Task<ClinicSettings> LoadAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await LoadAsync(db, from, to, cancellationToken);
    }

    /// <summary>As <see cref="LoadAsync(DateOnly, DateOnly, CancellationToken)"/>, on the caller's context (its transaction).</summary>
    public async Task<ClinicSettings> LoadAsync(InfusionDbContext db, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        // Read the version first: data read afterwards is at least that new, so a snapshot is never newer-labelled than it is.
        var version = await db.Database.SqlQuery<long>($"SELECT version AS \"Value\" FROM clinic_calendar_version WHERE id = 1")
            .FirstOrDefaultAsync(cancellationToken);
        var snapshot = _snapshot;
        if (snapshot is null || snapshot.Version != version)
        {
            snapshot = await ReadAsync(db, version, cancellationToken);
            _snapshot = snapshot;
        }

        var all = snapshot.Settings;
        if (from <= snapshot.First && to >= snapshot.Last)
        {
            return all;
        }

        return new ClinicSettings
        {
            Zone = all.Zone,
            WeeklyHours = all.WeeklyHours,
            Closures = all.Closures.Where(c => c.Key >= from && c.Key <= to).ToDictionary(),
            Staffing = all.Staffing.Where(s => s.Key >= from && s.Key <= to).ToDictionary(),
            DefaultNurses = all.DefaultNurses,
            Rules = all.Rules,
        };
    }

    private static async Task<Snapshot> ReadAsync(InfusionDbContext db, long version, CancellationToken cancellationToken)
    {
        var clinic = await db.Clinics.AsNoTracking().Include(c => c.OpeningHours).OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        var closures = await db.ClinicClosures.AsNoTracking().ToDictionaryAsync(c => c.Date, c => c.Reason, cancellationToken);
        var staffing = await db.StaffingDays.AsNoTracking().ToDictionaryAsync(s => s.Date, s => s.NursesOnShift, cancellationToken);
        var settings = new ClinicSettings
        {
            Zone = clinic is null ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(clinic.TimeZone),
            WeeklyHours = clinic?.OpeningHours.ToDictionary(h => h.Weekday, h => new DayHours(h.Opens, h.Closes)) ?? [],
            Closures = closures,
            Staffing = staffing,
            DefaultNurses = clinic?.DefaultNursesOnShift ?? 0,
            Rules = new NurseRules(clinic?.MaxPatientsPerNurse ?? 4, clinic?.MaxStartsPerNursePer30Minutes ?? 2),
        };
        var dates = closures.Keys.Concat(staffing.Keys).ToList();
        return new Snapshot(version, settings, dates.Count == 0 ? DateOnly.MaxValue : dates.Min(), dates.Count == 0 ? DateOnly.MinValue : dates.Max());
    }

    /// <summary>The whole calendar at one version; <c>First</c>/<c>Last</c> bound its dated entries (a range covering them needs no filtering).</summary>
    private sealed record Snapshot(long Version, ClinicSettings Settings, DateOnly First, DateOnly Last);
}
