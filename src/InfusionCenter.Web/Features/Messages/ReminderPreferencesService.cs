using InfusionCenter.Web.Data;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Messages;

/// <summary>
/// The patient's consent to appointment reminders and the contact they go to (audited through the patient row). Opting
/// out supersedes the messages still to send; consenting schedules the reminders still ahead for upcoming bookings.
/// </summary>
public sealed class ReminderPreferencesService(
    IDbContextFactory<InfusionDbContext> dbFactory,
    ClinicClock clock,
    ReminderPreferencesValidator validator,
    ILogger<ReminderPreferencesService> logger)
{
    public async Task<ReminderPreferencesDto> GetAsync(int patientId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == patientId, cancellationToken)
            ?? throw new NotFoundException($"No patient with id {patientId}.");
        return ToDto(patient, await EnabledAsync(db, cancellationToken));
    }

    public async Task<ReminderPreferencesDto> SetAsync(int patientId, ReminderPreferencesRequest request, string? user, CancellationToken cancellationToken = default)
    {
        await validator.EnsureValidAsync(request, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var patient = await db.Patients.FirstOrDefaultAsync(p => p.Id == patientId, cancellationToken)
            ?? throw new NotFoundException($"No patient with id {patientId}.");
        if (request.Email is not null)
        {
            patient.Email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim();
        }

        if (request.Phone is not null)
        {
            patient.Phone = string.IsNullOrWhiteSpace(request.Phone) ? null : request.Phone.Trim();
        }

        var channel = request.Channel!.Value;
        if (channel == ReminderChannel.Email && patient.Email is null)
        {
            throw RequestValidationException.For("email", "Add the patient's email address to send reminders by email.");
        }

        if (channel == ReminderChannel.Sms && patient.Phone is null)
        {
            throw RequestValidationException.For("phone", "Add the patient's mobile number to send reminders by text message.");
        }

        var today = await clock.TodayAsync(cancellationToken);
        var wanted = patient.WantsReminders;
        patient.ReminderChannel = channel;
        if (request.Consent == true && !wanted)
        {
            patient.ReminderConsentOn = today;
            patient.ReminderConsentBy = string.IsNullOrWhiteSpace(user) ? "system" : user;
            patient.RemindersOptedOutOn = null;
        }
        else if (request.Consent == false && wanted)
        {
            patient.RemindersOptedOutOn = today;
        }

        var now = clock.UtcNow.UtcDateTime;
        if (!patient.WantsReminders || patient.ReminderChannel != ReminderChannel.Email)
        {
            // No more messages: what was still to send is superseded.
            await db.OutboxMessages.Where(m => m.PatientId == patientId && m.Status == OutboxStatus.Pending)
                .ForEachAsync(m => m.Status = OutboxStatus.Superseded, cancellationToken);
        }
        else if (!wanted)
        {
            await ScheduleRemindersAsync(db, patientId, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Reminder preferences of patient {PatientId} saved (channel {Channel}, reminders {Wanted})", patientId, channel, patient.WantsReminders);
        return ToDto(patient, await EnabledAsync(db, cancellationToken));
    }

    /// <summary>Reminders still ahead for the patient's upcoming bookings, once consent is given (only when the clinic sends them).</summary>
    private static async Task ScheduleRemindersAsync(InfusionDbContext db, int patientId, DateTime now, CancellationToken cancellationToken)
    {
        var clinic = await db.Clinics.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.RemindersEnabled, c.ReminderDays }).FirstOrDefaultAsync(cancellationToken);
        if (clinic is not { RemindersEnabled: true })
        {
            return;
        }

        var upcoming = await db.Appointments.AsNoTracking()
            .Where(a => a.PatientId == patientId && a.StartsAt > now && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.CheckedIn))
            .Select(a => new { a.Id, a.StartsAt, a.CalendarSequence })
            .ToListAsync(cancellationToken);
        foreach (var appointment in upcoming)
        {
            foreach (var days in clinic.ReminderDays.Where(d => d > 0).Distinct())
            {
                var due = appointment.StartsAt.AddDays(-days);
                if (due > now)
                {
                    db.OutboxMessages.Add(new OutboxMessage
                    {
                        AppointmentId = appointment.Id, PatientId = patientId, Kind = OutboxKind.Reminder, Channel = ReminderChannel.Email,
                        DaysBefore = days, CalendarSequence = appointment.CalendarSequence, DueAt = due, Status = OutboxStatus.Pending, CreatedAt = now,
                    });
                }
            }
        }
    }

    private static async Task<bool> EnabledAsync(InfusionDbContext db, CancellationToken cancellationToken) =>
        await db.Clinics.AsNoTracking().OrderBy(c => c.Id).Select(c => (bool?)c.RemindersEnabled).FirstOrDefaultAsync(cancellationToken) ?? false;

    private static ReminderPreferencesDto ToDto(Patient p, bool enabled) => new(
        p.Id, p.ReminderChannel, p.WantsReminders, p.ReminderConsentOn, p.ReminderConsentBy, p.RemindersOptedOutOn, p.Email, p.Phone, enabled);
}
