using InfusionCenter.Web.Data;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using InfusionCenter.Web.Features.ClinicCalendar;

namespace InfusionCenter.Web.Features.Booking;

/// <summary>Reading appointments: one, or a clinic-local day's, as DTOs in clinic time.</summary>
public sealed partial class AppointmentService
{
    public async Task<AppointmentDto> GetAsync(int id, CancellationToken cancellationToken = default) =>
        (await GetManyAsync([id], cancellationToken)).FirstOrDefault() ?? throw new NotFoundException($"No appointment with id {id}.");

    /// <summary>The appointments of one clinic-local day (all statuses), by chair and time.</summary>
    public async Task<IReadOnlyList<AppointmentDto>> ForDayAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        // Reading needs only the zone (cached by the clock), not the calendar.
        var settings = ClinicSettings.TimesOnly(await clock.ZoneAsync(cancellationToken));
        var (from, to) = settings.DayInUtc(date);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Project(db, db.Appointments.Where(a => a.StartsAt < to && a.EndsAt > from), settings, cancellationToken);
    }

    private async Task<IReadOnlyList<AppointmentDto>> GetManyAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        var settings = ClinicSettings.TimesOnly(await clock.ZoneAsync(cancellationToken));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Project(db, db.Appointments.Where(a => ids.Contains(a.Id)), settings, cancellationToken);
    }

    private static async Task<IReadOnlyList<AppointmentDto>> Project(InfusionDbContext db, IQueryable<Appointment> query, ClinicSettings settings, CancellationToken cancellationToken)
    {
        var rows = await query.AsNoTracking()
            .OrderBy(a => a.Chair!.SortOrder).ThenBy(a => a.StartsAt)
            .Select(a => new
            {
                a.Id, a.PatientId, a.Patient!.GivenName, a.Patient.FamilyName, a.Patient.Mrn, a.ChairId, ChairName = a.Chair!.Name,
                a.StartsAt, a.EndsAt, a.Status, a.CancelReason, a.DoseId,
                DoseSequence = (int?)a.Dose!.Sequence, DoseLabel = a.Dose.Label, DoseAmount = (decimal?)a.Dose.Amount, DoseUnit = a.Dose.Unit,
                Protocol = a.Dose.Regimen!.ProtocolVersion!.Protocol!.Code, ProtocolName = a.Dose.Regimen.ProtocolVersion.Name,
                a.CourseGroup, a.BookedBy, a.BookedAt, a.CheckedInAt, a.InChairAt, a.CompletedAt,
                a.NoShowAt, a.ActualStart, a.ActualEnd, a.LotNumber, a.LotExpiry, a.ReactionSeverity, a.ReactionAction, a.AmountGiven,
                a.WindowOverrideReason, a.WindowOverrideBy,
                OptionCode = a.Dose.OptionCode, a.Dose.RebookReason, VersionId = (int?)a.Dose.Regimen.ProtocolVersionId,
            })
            .ToListAsync(cancellationToken);
        // Option names come from the protocol versions in use: one more query, only when some dose has an option.
        var definitions = await ProtocolDefinitions.LoadAsync(db, rows.Where(a => a.OptionCode is not null).Select(a => a.VersionId), cancellationToken);
        return rows.Select(a => new AppointmentDto(
            a.Id, a.PatientId, $"{a.FamilyName}, {a.GivenName}", a.Mrn, a.ChairId, a.ChairName,
            ToOffset(a.StartsAt, settings), ToOffset(a.EndsAt, settings), (int)(a.EndsAt - a.StartsAt).TotalMinutes, a.Status, a.CancelReason,
            a.DoseId, a.DoseSequence, a.DoseLabel, a.DoseAmount, a.DoseUnit, a.Protocol, a.ProtocolName,
            a.CourseGroup, a.BookedBy, ToOffset(a.BookedAt, settings), ToOffset(a.CheckedInAt, settings), ToOffset(a.InChairAt, settings), ToOffset(a.CompletedAt, settings),
            ToOffset(a.NoShowAt, settings),
            a.Status == AppointmentStatus.Completed
                ? new CompletionDto(ToOffset(a.ActualStart, settings), ToOffset(a.ActualEnd, settings), a.LotNumber, a.LotExpiry, a.ReactionSeverity, a.ReactionAction, a.AmountGiven)
                : null,
            a.WindowOverrideReason, a.WindowOverrideBy,
            a.OptionCode, definitions.OptionName(a.VersionId, a.DoseSequence, a.OptionCode),
            a.Status is AppointmentStatus.Booked or AppointmentStatus.CheckedIn or AppointmentStatus.InChair ? a.RebookReason : null)) // the booking still to redo, not history
            .ToList();
    }

    /// <summary>A UTC instant as a clinic-local time with its offset.</summary>
    internal static DateTimeOffset ToOffset(DateTime utc, ClinicSettings settings) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), settings.Zone);

    private static DateTimeOffset? ToOffset(DateTime? utc, ClinicSettings settings) => utc is { } value ? ToOffset(value, settings) : null;

}
