using FluentValidation;
using InfusionCenter.Domain.Patients;
using InfusionCenter.Domain.Scheduling;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Patients;

/// <summary>New patient (API body and the UI form's model).</summary>
public sealed record CreatePatientRequest
{
    public string? Mrn { get; set; }
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public DateOnly? BirthDate { get; set; }
    public decimal? HeightCm { get; set; }
    public decimal? WeightKg { get; set; }
    public DateOnly? MeasuredOn { get; set; }
}

/// <summary>New height and weight (API body and the UI form's model).</summary>
public sealed record UpdateMeasurementsRequest
{
    public decimal? HeightCm { get; set; }
    public decimal? WeightKg { get; set; }
    public DateOnly? MeasuredOn { get; set; }
}

/// <summary>The patient's scheduling preferences (API body and the UI form's model); both soft, used when searching slots.</summary>
public sealed record SchedulingPreferencesRequest
{
    public TimePreference? PreferredTime { get; set; }
    public List<DayOfWeek>? PreferredWeekdays { get; set; }
}

public sealed record PatientDto(
    int Id, string Mrn, string GivenName, string FamilyName, DateOnly BirthDate,
    decimal? HeightCm, decimal? WeightKg, DateOnly? MeasuredOn, decimal? Bsa, DateTimeOffset CreatedAt, DateOnly? AuthorizationExpires = null,
    TimePreference PreferredTime = TimePreference.None, IReadOnlyList<DayOfWeek>? PreferredWeekdays = null)
{
    public string FullName => $"{FamilyName}, {GivenName}";

    /// <summary>"mornings · Tue, Thu", or null without preferences.</summary>
    public string? PreferencesText => Preferences(PreferredTime, PreferredWeekdays);

    public static string? Preferences(TimePreference time, IReadOnlyCollection<DayOfWeek>? weekdays)
    {
        var parts = new List<string>();
        if (time != TimePreference.None)
        {
            parts.Add(time == TimePreference.Morning ? "mornings" : "afternoons");
        }

        if (weekdays is { Count: > 0 })
        {
            parts.Add(string.Join(", ", weekdays.OrderBy(d => ((int)d + 6) % 7).Select(d => System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(d))));
        }

        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }
}

public sealed class SchedulingPreferencesValidator : AbstractValidator<SchedulingPreferencesRequest>
{
    public SchedulingPreferencesValidator()
    {
        RuleFor(r => r.PreferredTime).IsInEnum().WithMessage("preferredTime is none, morning or afternoon.");
        RuleForEach(r => r.PreferredWeekdays).IsInEnum().WithMessage("preferredWeekdays holds weekday names (monday … sunday).");
    }
}

public sealed class CreatePatientValidator : AbstractValidator<CreatePatientRequest>
{
    public CreatePatientValidator(TimeProvider clock)
    {
        RuleFor(r => r.Mrn).NotEmpty().WithMessage("MRN is required.")
            .MaximumLength(32).WithMessage("MRN is at most 32 characters.")
            .Matches("^[A-Za-z0-9-]+$").WithMessage("MRN may contain only letters, digits and '-'.");
        RuleFor(r => r.GivenName).NotEmpty().WithMessage("Given name is required.").MaximumLength(100);
        RuleFor(r => r.FamilyName).NotEmpty().WithMessage("Family name is required.").MaximumLength(100);
        RuleFor(r => r.BirthDate).NotNull().WithMessage("Birth date is required.")
            .Must(d => d is null || (d.Value >= new DateOnly(1900, 1, 1) && d.Value <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)))
            .WithMessage("Birth date must be between 1900 and today.");
        Include(new MeasurementsRules<CreatePatientRequest>(r => r.HeightCm, r => r.WeightKg, r => r.MeasuredOn, clock));
    }
}

public sealed class UpdateMeasurementsValidator : AbstractValidator<UpdateMeasurementsRequest>
{
    public UpdateMeasurementsValidator(TimeProvider clock)
    {
        RuleFor(r => r.HeightCm).NotNull().WithMessage("Height is required.");
        RuleFor(r => r.WeightKg).NotNull().WithMessage("Weight is required.");
        Include(new MeasurementsRules<UpdateMeasurementsRequest>(r => r.HeightCm, r => r.WeightKg, r => r.MeasuredOn, clock));
    }
}

/// <summary>Plausible height and weight (Bsa.Validate), both or neither, measured in the past.</summary>
internal sealed class MeasurementsRules<T> : AbstractValidator<T>
{
    public MeasurementsRules(
        System.Linq.Expressions.Expression<Func<T, decimal?>> height,
        System.Linq.Expressions.Expression<Func<T, decimal?>> weight,
        System.Linq.Expressions.Expression<Func<T, DateOnly?>> measuredOn,
        TimeProvider clock)
    {
        var getHeight = height.Compile();
        var getWeight = weight.Compile();
        RuleFor(height).InclusiveBetween(Bsa.MinHeightCm, Bsa.MaxHeightCm).When(r => getHeight(r) is not null).WithMessage($"Height must be between {Bsa.MinHeightCm:0} and {Bsa.MaxHeightCm:0} cm.");
        RuleFor(weight).InclusiveBetween(Bsa.MinWeightKg, Bsa.MaxWeightKg).When(r => getWeight(r) is not null).WithMessage($"Weight must be between {Bsa.MinWeightKg:0} and {Bsa.MaxWeightKg:0} kg.");
        RuleFor(weight).NotNull().When(r => getHeight(r) is not null).WithMessage("Enter the weight with the height (both are needed for BSA).");
        RuleFor(height).NotNull().When(r => getWeight(r) is not null).WithMessage("Enter the height with the weight (both are needed for BSA).");
        RuleFor(measuredOn).Must(d => d is null || d.Value <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(1)))
            .WithMessage("The measurement date cannot be in the future.");
    }
}

public sealed class PatientService(
    IDbContextFactory<InfusionDbContext> dbFactory,
    ClinicClock clock,
    CreatePatientValidator createValidator,
    UpdateMeasurementsValidator measurementsValidator,
    SchedulingPreferencesValidator preferencesValidator,
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

    /// <summary>Patients whose name or MRN contains <paramref name="search"/> (case-insensitive), by name.</summary>
    public async Task<(List<PatientDto> Items, int Total)> SearchAsync(string? search, int skip = 0, int take = 50, string? sort = null, bool descending = false, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Patients.AsNoTracking();
        var term = search?.Trim();
        if (!string.IsNullOrEmpty(term))
        {
            var pattern = $"%{term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
            query = query.Where(p => EF.Functions.ILike(p.FamilyName, pattern) || EF.Functions.ILike(p.GivenName, pattern)
                || EF.Functions.ILike(p.Mrn, pattern) || EF.Functions.ILike(p.GivenName + " " + p.FamilyName, pattern));
        }

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
        var items = await query.Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 200)).ToListAsync(cancellationToken);
        return (items.Select(ToDto).ToList(), total);
    }

    internal static PatientDto ToDto(Patient p) => new(
        p.Id, p.Mrn, p.GivenName, p.FamilyName, p.BirthDate, p.HeightCm, p.WeightKg, p.MeasuredOn,
        p is { HeightCm: { } h, WeightKg: { } w } && h > 0 && w > 0 ? Bsa.ForDosing(h, w) : null,
        p.CreatedAt, p.AuthorizationExpires, p.PreferredTime, p.PreferredWeekdays);
}
