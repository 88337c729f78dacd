using FluentValidation;
using InfusionCenter.Domain.Patients;
using InfusionCenter.Domain.Scheduling;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Patients;

public sealed class PatientService(
    IDbContextFactory<InfusionDbContext> dbFactory,
    ClinicClock clock,
    CreatePatientValidator createValidator,
    UpdateMeasurementsValidator measurementsValidator,
    SchedulingPreferencesValidator preferencesValidator,
    UpdatePatientValidator updateValidator,
    ILogger<PatientService> logger)
{
    public async Task<PatientDto> CreateAsync(CreatePatientRequest request, CancellationToken cancellationToken = default)
    {
        await createValidator.EnsureValidAsync(request, cancellationToken);
        var mrn = request.Mrn!.Trim().ToUpperInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Patients.AnyAsync(p => p.Mrn == mrn, cancellationToken))
        {
            throw new ConflictException($"A patient with MRN {mrn} already exists.");
        }

        var patient = new Patient
        {
            Mrn = mrn,
            GivenName = request.GivenName!.Trim(),
            FamilyName = request.FamilyName!.Trim(),
            BirthDate = request.BirthDate!.Value,
            HeightCm = request.HeightCm,
            WeightKg = request.WeightKg,
            MeasuredOn = request.HeightCm is null ? null : request.MeasuredOn ?? await clock.TodayAsync(cancellationToken),
            CreatedAt = clock.UtcNow,
        };
        db.Patients.Add(patient);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Two nurses registering the same MRN at once: the unique index decides.
            throw new ConflictException($"A patient with MRN {mrn} already exists.");
        }

        logger.LogInformation("Patient {PatientId} created", patient.Id);
        return ToDto(patient);
    }

    public async Task<PatientDto> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException($"No patient with id {id}.");
        return ToDto(patient);
    }

    /// <summary>
    /// Corrects the patient's name, MRN, birth date and contact details in one transaction (the audit trail records each
    /// changed field before and after). An MRN another patient has is refused (409).
    /// </summary>
    public async Task<PatientDto> UpdateAsync(int id, UpdatePatientRequest request, CancellationToken cancellationToken = default)
    {
        await updateValidator.EnsureValidAsync(request, cancellationToken);
        var mrn = request.Mrn!.Trim().ToUpperInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var patient = await db.Patients.FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException($"No patient with id {id}.");
        if (await db.Patients.AnyAsync(p => p.Mrn == mrn && p.Id != id, cancellationToken))
        {
            throw new ConflictException(DuplicateMrn(mrn));
        }

        patient.Mrn = mrn;
        patient.GivenName = request.GivenName!.Trim();
        patient.FamilyName = request.FamilyName!.Trim();
        patient.BirthDate = request.BirthDate!.Value;
        patient.Phone = Optional(request.Phone);
        patient.Email = Optional(request.Email);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Another nurse gave a second patient this MRN at the same moment: the unique index decides.
            throw new ConflictException(DuplicateMrn(mrn));
        }

        logger.LogInformation("Patient {PatientId} details updated", id); // ids only: no names, MRNs or contact details in logs
        return ToDto(patient);
    }

    /// <summary>The patient's appointments, from today on and (the most recent <paramref name="pastLimit"/>) before today, in clinic time.</summary>
    public async Task<PatientAppointmentsDto> AppointmentsAsync(int patientId, int pastLimit = 20, CancellationToken cancellationToken = default)
    {
        var zone = await clock.ZoneAsync(cancellationToken);
        var todayStarts = (await clock.TodayAsync(cancellationToken)).ToDateTime(TimeOnly.MinValue);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Appointments.AsNoTracking()
            .Where(a => a.PatientId == patientId)
            .Select(a => new
            {
                a.Id, a.StartsAt, a.EndsAt, Chair = a.Chair!.Name, a.DoseId, a.ProtocolCode, ProtocolName = (string?)a.Dose!.Regimen!.ProtocolVersion!.Name,
                Sequence = (int?)a.Dose.Sequence, Label = (string?)a.Dose.Label, Amount = (decimal?)a.Dose.Amount, Unit = (string?)a.Dose.Unit,
                a.Status, a.CancelReason,
            })
            .ToListAsync(cancellationToken);
        DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        var items = rows.Select(r => new PatientAppointmentDto(
                r.Id, Local(r.StartsAt), Local(r.EndsAt), r.Chair, r.DoseId, r.ProtocolCode, r.ProtocolName, r.Sequence, r.Label, r.Amount, r.Unit, r.Status, r.CancelReason))
            .ToList();
        var past = items.Where(a => a.Start < todayStarts).OrderByDescending(a => a.Start).ThenByDescending(a => a.Id).ToList();
        var shown = Math.Max(0, pastLimit);
        return new PatientAppointmentsDto(
            items.Where(a => a.Start >= todayStarts).OrderBy(a => a.Start).ThenBy(a => a.Id).ToList(),
            past.Take(shown).ToList(),
            Math.Max(0, past.Count - shown));
    }

    /// <summary>Records the patient's infusion authorization (e.g. natalizumab TOUCH) valid-until date; null clears it.</summary>
    public async Task<PatientDto> SetAuthorizationAsync(int id, DateOnly? expires, CancellationToken cancellationToken = default)
    {
        if (expires is { } date && (date.Year < 2000 || date.Year > 2100))
        {
            throw RequestValidationException.For("expires", "Enter a date between 2000 and 2100.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var patient = await db.Patients.FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException($"No patient with id {id}.");
        patient.AuthorizationExpires = expires;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Patient {PatientId} authorization updated", id);
        return ToDto(patient);
    }

    public async Task<PatientDto> UpdateMeasurementsAsync(int id, UpdateMeasurementsRequest request, CancellationToken cancellationToken = default)
    {
        await measurementsValidator.EnsureValidAsync(request, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var patient = await db.Patients.FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException($"No patient with id {id}.");
        patient.HeightCm = request.HeightCm;
        patient.WeightKg = request.WeightKg;
        patient.MeasuredOn = request.MeasuredOn ?? await clock.TodayAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Patient {PatientId} height/weight updated", id);
        return ToDto(patient);
    }

    /// <summary>Sets the preferred time of day and weekdays (soft preferences the slot finder ranks by); omitted fields are cleared.</summary>
    public async Task<PatientDto> SetPreferencesAsync(int id, SchedulingPreferencesRequest request, CancellationToken cancellationToken = default)
    {
        await preferencesValidator.EnsureValidAsync(request, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var patient = await db.Patients.FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            ?? throw new NotFoundException($"No patient with id {id}.");
        patient.PreferredTime = request.PreferredTime ?? TimePreference.None;
        patient.PreferredWeekdays = (request.PreferredWeekdays ?? []).Distinct().Order().ToList();
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Patient {PatientId} scheduling preferences updated", id);
        return ToDto(patient);
    }

    /// <summary>The most patients one search answers with (the API refuses a larger <c>take</c>; the UI pages below it).</summary>
    public const int MaxPageSize = 200;

    /// <summary>Patients whose name or MRN contains <paramref name="search"/> (case-insensitive), by name.</summary>
    public async Task<(List<PatientDto> Items, int Total)> SearchAsync(string? search, int skip = 0, int take = 50, string? sort = null, bool descending = false, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Patients.AsNoTracking();
        query = Matching(query, search);

        var total = await query.CountAsync(cancellationToken);
        query = (sort, descending) switch
        {
            ("mrn", false) => query.OrderBy(p => p.Mrn),
            ("mrn", true) => query.OrderByDescending(p => p.Mrn),
            ("birthDate", false) => query.OrderBy(p => p.BirthDate),
            ("birthDate", true) => query.OrderByDescending(p => p.BirthDate),
            (_, true) => query.OrderByDescending(p => p.FamilyName).ThenByDescending(p => p.GivenName).ThenByDescending(p => p.Id),
            _ => query.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName).ThenBy(p => p.Id),
        };
        var items = await query.Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize)).ToListAsync(cancellationToken);
        return (items.Select(ToDto).ToList(), total);
    }

    /// <summary>
    /// Patients a search box term finds, as nurses type it: every word is part of the name or the MRN, in any order and
    /// without accents ("Quinlan, H", "harriet quin", "sorensen" for Sørensen, "mrn1001"). One trigram-indexed column
    /// (<see cref="Patient.SearchText"/>) serves them all.
    /// </summary>
    internal static IQueryable<Patient> Matching(IQueryable<Patient> query, string? search)
    {
        var term = search?.Trim();
        if (string.IsNullOrEmpty(term))
        {
            return query;
        }

        // Every word is part of the name or the MRN, in any order (f_search_key turns "smith-jones" into "smith jones"
        // on both sides, so hyphenated names and MRNs match too).
        foreach (var word in term.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries).Take(6))
        {
            var pattern = "%" + EscapeLike(word) + "%";
            query = query.Where(p => EF.Functions.Like(p.SearchText, InfusionDbContext.SearchKey(pattern)));
        }

        return query;
    }

    private static string DuplicateMrn(string mrn) => $"Another patient already has MRN {mrn}.";

    /// <summary>Trimmed text, or null for nothing but spaces.</summary>
    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string EscapeLike(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    internal static PatientDto ToDto(Patient p) => new(
        p.Id, p.Mrn, p.GivenName, p.FamilyName, p.BirthDate, p.HeightCm, p.WeightKg, p.MeasuredOn,
        p is { HeightCm: { } h, WeightKg: { } w } && h > 0 && w > 0 ? Bsa.ForDosing(h, w) : null,
        p.CreatedAt, p.AuthorizationExpires, p.PreferredTime, p.PreferredWeekdays, p.Phone, p.Email);
}
