using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.ClinicCalendar;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Today;

/// <summary>A booked dose whose booking must be redone: the patient, the booked clinic-local day and why, in words.</summary>
public sealed record RebookDto(int DoseId, int AppointmentId, int PatientId, string PatientName, DateOnly Date, string Reason);

/// <summary>How many bookings from today on must be redone, and the first few (soonest first).</summary>
public sealed record RebookList(int Count, IReadOnlyList<RebookDto> First);

/// <summary>What the Today page reads that no other feature lists: the bookings to redo.</summary>
public sealed class TodayService(IDbContextFactory<InfusionDbContext> dbFactory, ClinicClock clock)
{
    /// <summary>
    /// Booked doses with a reason to re-book (their way of giving changed and the booking is now too short) whose
    /// appointment is today or later, soonest first: the count and the first <paramref name="max"/>. One query.
    /// </summary>
    public async Task<RebookList> RebookAsync(int max = 5, CancellationToken cancellationToken = default)
    {
        var settings = ClinicSettings.TimesOnly(await clock.ZoneAsync(cancellationToken));
        var (fromUtc, _) = settings.DayInUtc(await clock.TodayAsync(cancellationToken));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Appointments.AsNoTracking()
            .Where(a => a.DoseId != null && a.Dose!.Status == DoseStatus.Booked && a.Dose.RebookReason != null && a.StartsAt >= fromUtc
                && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.CheckedIn || a.Status == AppointmentStatus.InChair))
            .OrderBy(a => a.StartsAt).ThenBy(a => a.Id)
            .Select(a => new { DoseId = a.DoseId!.Value, a.Id, a.PatientId, a.Patient!.FamilyName, a.Patient.GivenName, a.StartsAt, a.Dose!.RebookReason })
            .ToListAsync(cancellationToken);
        // A dose has one active booking (a course's days each have their own dose): count doses all the same.
        var doses = rows.DistinctBy(r => r.DoseId).ToList();
        return new RebookList(doses.Count, doses.Take(max)
            .Select(r => new RebookDto(r.DoseId, r.Id, r.PatientId, $"{r.FamilyName}, {r.GivenName}", DateOnly.FromDateTime(settings.ToLocal(r.StartsAt)), r.RebookReason!))
            .ToList());
    }
}

/// <summary>The Today page's own reads (TodayService); the page itself composes the other features' services.</summary>
public static class TodaySetup
{
    public static IServiceCollection AddToday(this IServiceCollection services) => services.AddScoped<TodayService>();
}
