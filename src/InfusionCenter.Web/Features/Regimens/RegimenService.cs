using FluentValidation;
using InfusionCenter.Domain.Calendars;
using InfusionCenter.Domain.Protocols;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.ClinicCalendar;
using InfusionCenter.Web.Features.Board;
using InfusionCenter.Web.Features.Protocols;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InfusionCenter.Web.Features.Regimens;

/// <summary>
/// Enrols patients on regimens (calendar computed by the Domain and stored as doses) and records doses as
/// given or missed. Recording a dose as given recomputes the calendar with every given date, which
/// re-anchors the later doses (ocrelizumab: the 24-week schedule restarts from the date given).
/// </summary>
public sealed partial class RegimenService(
    IDbContextFactory<InfusionDbContext> dbFactory,
    ClinicClock clock,
    EnrolRequestValidator enrolValidator,
    StopRegimenValidator stopValidator,
    ClinicCalendarService clinicCalendar,
    BoardEvents boardEvents,
    IOptions<DosingOptions> dosing,
    RedoseRequestValidator redoseValidator,
    ILogger<RegimenService> logger)
{
    /// <summary>The calendar an enrolment would create, without saving (the UI's live preview).</summary>
    public async Task<(ProtocolVersionView Protocol, decimal? Bsa, CalendarResult Calendar)> PreviewAsync(int patientId, EnrolRequest request, CancellationToken cancellationToken = default)
    {
        await enrolValidator.EnsureValidAsync(request, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == patientId, cancellationToken)
            ?? throw new NotFoundException($"No patient with id {patientId}.");
        var version = await CurrentVersionAsync(db, request.Protocol!, cancellationToken);
        var definition = ProtocolJson.Deserialize(version.DefinitionJson);
        EnsureBelowCap(definition, request);
        var bsa = BsaFor(definition, patient);
        CalendarResult calendar;
        try
        {
            calendar = ProtocolService.Compute(definition, Query(request, bsa));
        }
        catch (RequestValidationException refusal)
        {
            throw EnrolWording.ForEnrolment(refusal, definition, request);
        }

        return (new ProtocolVersionView(version.Id, request.Protocol!, version.Version, definition, version.CreatedAt, version.CreatedBy), bsa, calendar);
    }

    public async Task<RegimenDto> EnrolAsync(int patientId, EnrolRequest request, CancellationToken cancellationToken = default)
    {
        var preview = await PreviewAsync(patientId, request, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var regimen = await EnrolOnAsync(db, patientId, request, preview, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await GetAsync(regimen.Id, cancellationToken);
    }

    /// <summary>The enrolment on <paramref name="db"/>, inside the caller's transaction (saved, not committed).</summary>
    private async Task<Regimen> EnrolOnAsync(InfusionDbContext db, int patientId, EnrolRequest request,
        (ProtocolVersionView Protocol, decimal? Bsa, CalendarResult Calendar) preview, CancellationToken cancellationToken)
    {
        var (protocol, bsa, calendar) = preview;
        await EnsureNoDuplicateAsync(db, patientId, protocol.Definition, request, cancellationToken);
        var regimen = new Regimen
        {
            PatientId = patientId,
            ProtocolVersionId = protocol.VersionId,
            Start = request.Start!.Value,
            Until = calendar.Until,
            PriorCumulativeMgPerM2 = request.PriorCumulativeMgPerM2 ?? 0m,
            Days = request.Days,
            IntervalOverrideValue = request.IntervalWeeks,
            IntervalOverrideUnit = request.IntervalWeeks is null ? null : nameof(IntervalUnit.Weeks),
            Bsa = bsa,
            Status = RegimenStatus.Active,
            StopReason = calendar.StopReason,
            DuplicateReason = request.ConfirmDuplicate == true ? request.Reason?.Trim() : null,
            CreatedAt = clock.UtcNow,
        };
        Apply(regimen, calendar);
        db.Regimens.Add(regimen);
        await db.SaveChangesAsync(cancellationToken);
        await DoseOptions.ApplyAsync(db, patientId, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Regimen {RegimenId} created for patient {PatientId} on {Protocol} v{Version} with {DoseCount} doses",
            regimen.Id, patientId, protocol.Code, protocol.Version, regimen.Doses.Count);
        return regimen;
    }

    public async Task<RegimenDto> GetAsync(int regimenId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var regimen = await RegimenQuery(db).FirstOrDefaultAsync(r => r.Id == regimenId, cancellationToken)
            ?? throw new NotFoundException($"No regimen with id {regimenId}.");
        return ToDto(regimen, dosing.Value.BsaChangeThreshold);
    }

    public async Task<List<RegimenDto>> ForPatientAsync(int patientId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var regimens = await RegimenQuery(db).Where(r => r.PatientId == patientId).OrderByDescending(r => r.Start).ThenByDescending(r => r.Id).ToListAsync(cancellationToken);
        return regimens.Select(r => ToDto(r, dosing.Value.BsaChangeThreshold)).ToList();
    }

    /// <summary>
    /// Records a dose as given on <paramref name="request"/>'s date and re-anchors the rest of its series. A booked dose's
    /// appointment goes with it in the same transaction: completed when it is on that date (at its booked times), released
    /// (cancelled, the chair free) when it is on another day.
    /// </summary>
    public async Task<RegimenDto> RecordGivenAsync(int doseId, GivenRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Date is not { } date)
        {
            throw RequestValidationException.For("date", "The date given is required (YYYY-MM-DD).");
        }

        var now = new ClinicMoment(clock.UtcNow.UtcDateTime, await clock.ZoneAsync(cancellationToken));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var dose = await ApplyGivenAsync(db, doseId, date, now.Today, cancellationToken);
        var appointments = await db.Appointments
            .Where(a => a.DoseId == doseId && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.CheckedIn || a.Status == AppointmentStatus.InChair))
            .ToListAsync(cancellationToken);
        foreach (var appointment in appointments)
        {
            var sameDay = now.LocalDate(appointment.StartsAt) == date;
            if (sameDay && (appointment.Status == AppointmentStatus.InChair || appointment.StartsAt <= now.UtcNow))
            {
                // Given at this appointment: completed at its booked times (or until now, if it is still running).
                var end = appointment.EndsAt <= now.UtcNow ? appointment.EndsAt : now.UtcNow;
                appointment.Complete(now, new CompletionRecord(ActualEnd: end > (appointment.InChairAt ?? appointment.StartsAt) ? end : null), dose.Amount);
            }
            else if (appointment.Status == AppointmentStatus.InChair)
            {
                throw new ConflictException($"The patient is in the chair for this dose on {now.LocalDate(appointment.StartsAt):yyyy-MM-dd}: complete that appointment instead.");
            }
            else
            {
                appointment.Cancel(now, $"Dose recorded as given on {date:yyyy-MM-dd}");
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Dose {DoseId} (regimen {RegimenId}, sequence {Sequence}) recorded as given; appointment(s) closed: {AppointmentIds}",
            dose.Id, dose.RegimenId, dose.Sequence, string.Join(',', appointments.Select(a => a.Id)));
        if (appointments.Count > 0)
        {
            await boardEvents.PublishAsync(appointments.Select(a => now.LocalDate(a.StartsAt)), cancellationToken);
        }

        return await GetAsync(dose.RegimenId, cancellationToken);
    }

    /// <summary>
    /// Marks the dose given on <paramref name="date"/> in <paramref name="db"/> (tracked, not saved) and re-anchors its series,
    /// so a caller saves it together with its own changes (completing the appointment) in one transaction.
    /// </summary>
    /// <param name="reaction">The reaction recorded with it (at completion): later doses' options are judged with it.</param>
    internal static async Task<Dose> ApplyGivenAsync(InfusionDbContext db, int doseId, DateOnly date, DateOnly today, CancellationToken cancellationToken,
        ReactionSeverity reaction = ReactionSeverity.None)
    {
        if (date > today)
        {
            throw RequestValidationException.For("date", $"A dose cannot be recorded as given in the future (today is {today:yyyy-MM-dd}).");
        }

        var dose = await db.Doses.Include(d => d.Regimen).ThenInclude(r => r!.Doses).Include(d => d.Regimen!.ProtocolVersion)
            .FirstOrDefaultAsync(d => d.Id == doseId, cancellationToken)
            ?? throw new NotFoundException($"No dose with id {doseId}.");
        var regimen = dose.Regimen!;
        if (dose.Status == DoseStatus.Cancelled)
        {
            throw new ConflictException($"Dose {dose.Sequence} was cancelled; it cannot be recorded as given.");
        }

        if (date < regimen.Start.AddDays(-31))
        {
            throw RequestValidationException.For("date", $"The date given is more than a month before the regimen's start ({regimen.Start:yyyy-MM-dd}).");
        }

        var earlierUngiven = regimen.Doses.Where(d => d.Sequence < dose.Sequence && d.Status is DoseStatus.Planned or DoseStatus.Booked).Select(d => d.Sequence).ToList();
        if (earlierUngiven.Count > 0)
        {
            throw new ConflictException($"Record dose {earlierUngiven.Min()} first: doses are recorded in order (or mark the earlier one missed).");
        }

        var previousGiven = regimen.Doses.Where(d => d.Sequence < dose.Sequence && d.GivenOn is not null).MaxBy(d => d.Sequence);
        if (previousGiven is not null && date < previousGiven.GivenOn)
        {
            throw RequestValidationException.For("date", $"Dose {dose.Sequence} cannot be given before dose {previousGiven.Sequence} (given {previousGiven.GivenOn:yyyy-MM-dd}). Check the date.");
        }

        dose.Status = DoseStatus.Given;
        dose.GivenOn = date;
        dose.RebookReason = null;
        Recompute(regimen);
        var drug = ProtocolJson.Deserialize(regimen.ProtocolVersion!.DefinitionJson).Drug.GenericName;
        await DoseOptions.ApplyAsync(db, regimen.PatientId, new Domain.Patients.RecordedReaction(date, drug, dose.Sequence, DoseOptions.ToDomain(reaction)), cancellationToken);
        return dose;
    }

    /// <summary>Marks a dose missed: it stays due (overdue) until it is given or cancelled.</summary>
    public async Task<RegimenDto> RecordMissedAsync(int doseId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var dose = await db.Doses.FirstOrDefaultAsync(d => d.Id == doseId, cancellationToken)
            ?? throw new NotFoundException($"No dose with id {doseId}.");
        if (dose.Status is DoseStatus.Given or DoseStatus.Cancelled)
        {
            throw new ConflictException($"Dose {dose.Sequence} is {dose.Status.ToString().ToLowerInvariant()}; only a planned or booked dose can be marked missed.");
        }

        // A missed dose holds no chair: its appointment (if it was booked) is released in the same transaction, as a no-show
        // once its start has passed and as a cancellation before that. A missed dose is due again, so the worklist offers it.
        var booked = await db.Appointments
            .Where(a => a.DoseId == doseId && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.CheckedIn || a.Status == AppointmentStatus.InChair))
            .ToListAsync(cancellationToken);
        if (booked.Any(a => a.Status == AppointmentStatus.InChair))
        {
            throw new ConflictException($"Dose {dose.Sequence} is being given: the patient is in the chair. Complete the appointment instead.");
        }

        var now = new ClinicMoment(clock.UtcNow.UtcDateTime, await clock.ZoneAsync(cancellationToken));
        foreach (var appointment in booked)
        {
            if (appointment.StartsAt <= now.UtcNow)
            {
                appointment.MarkNoShow(now);
            }
            else
            {
                appointment.Cancel(now, "Dose marked missed");
            }
        }

        dose.Status = DoseStatus.Missed;
        dose.RebookReason = null;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Dose {DoseId} (regimen {RegimenId}) marked missed; appointment(s) released: {AppointmentIds}",
            dose.Id, dose.RegimenId, string.Join(',', booked.Select(a => a.Id)));
        if (booked.Count > 0)
        {
            var settings = await clinicCalendar.LoadAsync(DateOnly.MinValue, DateOnly.MinValue, cancellationToken);
            await boardEvents.PublishAsync(booked.Select(a => DateOnly.FromDateTime(settings.ToLocal(a.StartsAt))), cancellationToken);
        }

        return await GetAsync(dose.RegimenId, cancellationToken);
    }

    private static IQueryable<Regimen> RegimenQuery(InfusionDbContext db) => db.Regimens.AsNoTracking()
        .Include(r => r.Doses.OrderBy(d => d.Sequence))
        .Include(r => r.Patient)
        .Include(r => r.ProtocolVersion).ThenInclude(v => v!.Protocol);

    private static async Task<ProtocolVersion> CurrentVersionAsync(InfusionDbContext db, string code, CancellationToken cancellationToken) =>
        await db.ProtocolVersions.AsNoTracking()
            .FirstOrDefaultAsync(v => v.Protocol!.Code == code && v.Protocol.Active && v.Version == v.Protocol.CurrentVersion, cancellationToken)
        ?? throw RequestValidationException.For("protocol", $"Unknown protocol '{code}'.");

    private static decimal? BsaFor(ProtocolDefinition definition, Patient patient)
    {
        if (!definition.IsBsaDosed)
        {
            return null;
        }

        if (patient.HeightCm is not { } height || patient.WeightKg is not { } weight)
        {
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                ["heightCm"] = [$"{EnrolWording.DrugName(definition)} is dosed by body surface area: record the patient's height and weight first."],
                ["weightKg"] = [$"{EnrolWording.DrugName(definition)} is dosed by body surface area: record the patient's height and weight first."],
            });
        }

        return Domain.Patients.Bsa.ForDosing(height, weight);
    }

    private static CalendarQuery Query(EnrolRequest request, decimal? bsa) =>
        new(request.Start, request.Until, bsa, request.PriorCumulativeMgPerM2, request.Days, request.IntervalWeeks);
}
