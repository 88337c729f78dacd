using FluentValidation;
using InfusionCenter.Domain.Patients;
using InfusionCenter.Domain.Scheduling;

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

/// <summary>Infusion authorization valid until (null clears it).</summary>
public sealed record AuthorizationRequest(DateOnly? Expires);
