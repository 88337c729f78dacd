using System.Globalization;
using InfusionCenter.Domain.Patients;
using InfusionCenter.Domain.Protocols;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Board;
using InfusionCenter.Web.Features.ClinicCalendar;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Regimens;

/// <summary>
/// The ways a dose can be given (administration options): what the patient is eligible for and why, the nurse's choice
/// (a booked dose's appointment takes the option's chair time in the same transaction), and the reactions history.
/// </summary>
public sealed partial class DoseOptionService(
    IDbContextFactory<InfusionDbContext> dbFactory,
    ClinicCalendarService clinicCalendar,
    BoardEvents boardEvents,
    ILogger<DoseOptionService> logger)
{
    public async Task<DoseOptionsDto> GetAsync(int doseId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var dose = await db.Doses.AsNoTracking().Include(d => d.Regimen!.ProtocolVersion).FirstOrDefaultAsync(d => d.Id == doseId, cancellationToken)
            ?? throw new NotFoundException($"No dose with id {doseId}.");
        var history = await DoseOptions.HistoryAsync(db, dose.Regimen!.PatientId, cancellationToken);
        var preferShorter = await PreferShorterAsync(db, cancellationToken);
        return ToDto(dose, history, preferShorter);
    }

    /// <summary>The reactions recorded at completion on the patient's visits, newest first.</summary>
    public async Task<List<ReactionDto>> ReactionsAsync(int patientId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken))
        {
            throw new NotFoundException($"No patient with id {patientId}.");
        }

        var rows = await db.Appointments.AsNoTracking()
            .Where(a => a.PatientId == patientId && a.Status == AppointmentStatus.Completed && a.DoseId != null
                && a.ReactionSeverity != null && a.ReactionSeverity != ReactionSeverity.None)
            .OrderByDescending(a => a.StartsAt)
            .Select(a => new
            {
                a.Id, a.StartsAt, a.Dose!.GivenOn, a.Dose.Sequence, Drug = a.Dose.Regimen!.ProtocolVersion!.Protocol!.Drug!.GenericName,
                Protocol = a.Dose.Regimen.ProtocolVersion.Name, Code = a.Dose.Regimen.ProtocolVersion.Protocol.Code, Severity = a.ReactionSeverity!.Value,
                a.ReactionAction, a.AmountGiven, a.Dose.Unit,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ReactionDto(r.Id, r.GivenOn ?? DateOnly.FromDateTime(r.StartsAt), r.Drug, r.Protocol, r.Sequence, r.Severity, r.ReactionAction, r.AmountGiven)
        {
            ProtocolCode = r.Code,
            Unit = r.Unit,
        }).ToList();
    }

    /// <summary>
    /// Gives the dose <paramref name="request"/>'s option (eligible options only). A booked dose's appointment is given the
    /// option's chair time from the same start on the same chair: a 409 when that runs into another booking or past closing.
    /// </summary>
    public async Task<DoseOptionsDto> ChooseAsync(int doseId, ChooseOptionRequest request, string? user, CancellationToken cancellationToken = default)
    {
        var code = request.Option?.Trim();
        if (string.IsNullOrEmpty(code))
        {
            throw RequestValidationException.For("option", "Choose how the dose is to be given.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var dose = await db.Doses.Include(d => d.Regimen!.ProtocolVersion).FirstOrDefaultAsync(d => d.Id == doseId, cancellationToken)
            ?? throw new NotFoundException($"No dose with id {doseId}.");
        if (dose.Status is DoseStatus.Given or DoseStatus.Cancelled)
        {
            throw new ConflictException($"Dose {dose.Sequence} is {(dose.Status == DoseStatus.Given ? "given" : "cancelled")}; how it is given can no longer change.");
        }

        var definition = ProtocolJson.Deserialize(dose.Regimen!.ProtocolVersion!.DefinitionJson);
        var options = definition.OptionsForDose(dose.Sequence);
        if (options.Count == 0)
        {
            throw RequestValidationException.For("option", $"Dose {dose.Sequence} has a single way of being given.");
        }

        var history = await DoseOptions.HistoryAsync(db, dose.Regimen.PatientId, cancellationToken);
        var chosen = AdministrationEligibility.Evaluate(options, definition.Drug, history).FirstOrDefault(e => e.Option.Code == code)
            ?? throw RequestValidationException.For("option",
                $"Dose {dose.Sequence} can be given as: {string.Join(", ", options.Select(o => o.Name))}.");
        if (!chosen.Eligible)
        {
            throw RequestValidationException.For("option", $"{DoseOptions.ShortName(chosen.Option.Name)} is not available: {Lower(chosen.Reason.Replace("Not eligible: ", "", StringComparison.Ordinal))}");
        }

        dose.OptionCode = chosen.Option.Code;
        dose.OptionChosenBy = string.IsNullOrWhiteSpace(user) ? "system" : user;
        dose.ChairMinutes = chosen.Option.ChairTime.TotalMinutes;
        var touched = await ResizeBookingAsync(db, dose, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException($"Dose {dose.Sequence} was changed by someone else meanwhile; look again and retry.");
        }
        catch (DbUpdateException clash) when (clash.IsExclusionViolation())
        {
            throw new ConflictException(
                $"The chair is booked for someone else within the {DoseOptions.Duration(dose.ChairMinutes)} the {Lower(DoseOptions.ShortName(chosen.Option.Name))} option needs: move the appointment to a longer free stretch first.");
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Dose {DoseId} (regimen {RegimenId}) to be given as option {Option}", dose.Id, dose.RegimenId, dose.OptionCode);
        if (touched is { } day)
        {
            await boardEvents.PublishAsync([day], cancellationToken);
        }

        return ToDto(dose, history, await PreferShorterAsync(db, cancellationToken));
    }

    /// <summary>A booked dose's appointment gets the dose's chair time (same start, same chair); returns its clinic day.</summary>
    private async Task<DateOnly?> ResizeBookingAsync(InfusionDbContext db, Dose dose, CancellationToken cancellationToken)
    {
        var appointment = await db.Appointments
            .Where(a => a.DoseId == dose.Id && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.CheckedIn || a.Status == AppointmentStatus.InChair))
            .OrderBy(a => a.StartsAt).FirstOrDefaultAsync(cancellationToken);
        if (appointment is null)
        {
            dose.RebookReason = null;
            return null;
        }

        if (appointment.Status == AppointmentStatus.InChair)
        {
            throw new ConflictException("The patient is in the chair: record how the dose was actually given when you complete the visit.");
        }

        var settings = await clinicCalendar.LoadAsync(DateOnly.MinValue, DateOnly.MaxValue, cancellationToken);
        var startLocal = settings.ToLocal(appointment.StartsAt);
        var day = DateOnly.FromDateTime(startLocal);
        var endLocal = startLocal.AddMinutes(dose.ChairMinutes);
        if (settings.HoursOn(day).Hours is { } hours && endLocal > day.ToDateTime(hours.Closes))
        {
            throw new ConflictException(string.Create(CultureInfo.InvariantCulture,
                $"Booked at {startLocal:HH:mm}, {DoseOptions.Duration(dose.ChairMinutes)} would end at {endLocal:HH:mm}, after closing ({hours.Closes:HH:mm}): move the appointment to an earlier start first."));
        }

        appointment.EndsAt = settings.ToUtc(endLocal);
        dose.RebookReason = null;
        return day;
    }

    private static DoseOptionsDto ToDto(Dose dose, IReadOnlyList<RecordedReaction> history, bool preferShorter) =>
        ToDto(dose, ProtocolJson.Deserialize(dose.Regimen!.ProtocolVersion!.DefinitionJson), history, preferShorter);

    private static DoseOptionsDto ToDto(Dose dose, ProtocolDefinition definition, IReadOnlyList<RecordedReaction> history, bool preferShorter)
    {
        var options = definition.OptionsForDose(dose.Sequence);
        // A given dose is judged as it was then (reactions before it); the others with everything recorded so far.
        var evaluated = AdministrationEligibility.Evaluate(options, definition.Drug, history, dose.Status == DoseStatus.Given ? dose.GivenOn : null);
        return new DoseOptionsDto(dose.Id, dose.RegimenId, dose.Sequence, dose.Status, dose.ChairMinutes, dose.OptionCode, dose.OptionChosenBy, dose.RebookReason,
            evaluated.Select(e => new DoseOptionDto(e.Option.Code, e.Option.Name, e.Option.ChairTime.TotalMinutes, e.Option.ChairTime.PremedMinutes,
                e.Option.ChairTime.InfusionMinutes, e.Option.ChairTime.ObservationMinutes, e.Eligible, e.Reason)).ToList(), preferShorter);
    }

    private static async Task<bool> PreferShorterAsync(InfusionDbContext db, CancellationToken cancellationToken) =>
        await db.Clinics.AsNoTracking().OrderBy(c => c.Id).Select(c => (bool?)c.PreferShorterOptions).FirstOrDefaultAsync(cancellationToken) ?? true;

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
