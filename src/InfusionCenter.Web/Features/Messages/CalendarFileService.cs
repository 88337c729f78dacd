using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.ClinicCalendar;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InfusionCenter.Web.Features.Messages;

/// <summary>Reads what an appointment's calendar file needs (clinic, time zone, times, sequence, first name) and writes it.</summary>
public sealed class CalendarFileService(IDbContextFactory<InfusionDbContext> dbFactory, ClinicClock clock, IOptions<MessagesOptions> options)
{
    /// <summary>The appointment's .ics text; a 404 for an unknown appointment.</summary>
    public async Task<string> ForAppointmentAsync(int appointmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Appointments.AsNoTracking().Where(a => a.Id == appointmentId)
            .Select(a => new { a.Id, a.StartsAt, a.EndsAt, a.CalendarSequence, a.Status, a.Patient!.GivenName })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"No appointment with id {appointmentId}.");
        var clinic = await db.Clinics.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Name, c.TimeZone }).FirstOrDefaultAsync(cancellationToken);
        var zone = clinic?.TimeZone ?? (await clock.ZoneAsync(cancellationToken)).Id;
        return CalendarFile.Write(
            new CalendarAppointment(row.Id, clinic?.Name ?? "the infusion center", zone, row.StartsAt, row.EndsAt, row.CalendarSequence,
                row.Status == AppointmentStatus.Cancelled, row.GivenName, clock.UtcNow.UtcDateTime),
            options.Value.UidDomain);
    }
}
