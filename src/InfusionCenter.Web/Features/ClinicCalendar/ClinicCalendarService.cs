using InfusionCenter.Domain.Scheduling;
using InfusionCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.ClinicCalendar;

/// <summary>Loads <see cref="ClinicSettings"/> (one small query set; cheap enough per request).</summary>
public sealed class ClinicCalendarService(IDbContextFactory<InfusionDbContext> dbFactory)
{
    /// <summary>The clinic's name (the header shows it); empty before a clinic is set up.</summary>
    public async Task<string> ClinicNameAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Clinics.OrderBy(c => c.Id).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
    }

    public async Task<ClinicSettings> LoadAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var clinic = await db.Clinics.AsNoTracking().Include(c => c.OpeningHours).OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        var closures = await db.ClinicClosures.AsNoTracking().Where(c => c.Date >= from && c.Date <= to).ToDictionaryAsync(c => c.Date, c => c.Reason, cancellationToken);
        var staffing = await db.StaffingDays.AsNoTracking().Where(s => s.Date >= from && s.Date <= to).ToDictionaryAsync(s => s.Date, s => s.NursesOnShift, cancellationToken);
        return new ClinicSettings
        {
            Zone = clinic is null ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(clinic.TimeZone),
            WeeklyHours = clinic?.OpeningHours.ToDictionary(h => h.Weekday, h => new DayHours(h.Opens, h.Closes)) ?? [],
            Closures = closures,
            Staffing = staffing,
            DefaultNurses = clinic?.DefaultNursesOnShift ?? 0,
            Rules = new NurseRules(clinic?.MaxPatientsPerNurse ?? 4, clinic?.MaxStartsPerNursePer30Minutes ?? 2),
        };
    }
}
