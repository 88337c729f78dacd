using FluentValidation;
using InfusionCenter.Domain.Patients;
using InfusionCenter.Domain.Scheduling;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Regimens;

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

/// <summary>A patient's identity and contact details (API body of PUT /api/patients/{id} and the edit form's model). Every field is
/// replaced: an omitted phone or email is cleared.</summary>
public sealed record UpdatePatientRequest
{
    public string? Mrn { get; set; }
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }

    public static UpdatePatientRequest From(PatientDto patient) => new()
    {
        Mrn = patient.Mrn, GivenName = patient.GivenName, FamilyName = patient.FamilyName, BirthDate = patient.BirthDate,
        Phone = patient.Phone, Email = patient.Email,
    };
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
    TimePreference PreferredTime = TimePreference.None, IReadOnlyList<DayOfWeek>? PreferredWeekdays = null,
    string? Phone = null, string? Email = null)
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
        RuleFor(r => r.PreferredTime).IsInEnum().WithMessage("Choose any time, mornings or afternoons.");
        RuleForEach(r => r.PreferredWeekdays).IsInEnum().WithMessage("Choose weekdays from Monday to Sunday.");
    }
}

public sealed class CreatePatientValidator : AbstractValidator<CreatePatientRequest>
{
    public CreatePatientValidator(TimeProvider clock)
    {
        Include(new IdentityRules<CreatePatientRequest>(r => r.Mrn, r => r.GivenName, r => r.FamilyName, r => r.BirthDate, clock));
        Include(new MeasurementsRules<CreatePatientRequest>(r => r.HeightCm, r => r.WeightKg, r => r.MeasuredOn, clock));
    }
}

public sealed partial class UpdatePatientValidator : AbstractValidator<UpdatePatientRequest>
{
    public UpdatePatientValidator(TimeProvider clock)
    {
        Include(new IdentityRules<UpdatePatientRequest>(r => r.Mrn, r => r.GivenName, r => r.FamilyName, r => r.BirthDate, clock));
        RuleFor(r => r.Phone).Must(NoNul).WithMessage("The phone number contains a NUL character, which cannot be stored.")
            .Must(p => p is null || p.Trim().Length <= Patient.MaxPhoneLength).WithMessage($"The phone number is at most {Patient.MaxPhoneLength} characters.")
            .Must(p => string.IsNullOrWhiteSpace(p) || IsPhone(p.Trim())).WithMessage("Enter a phone number: digits, spaces and + ( ) - . only, at least 3 digits.");
        RuleFor(r => r.Email).Must(NoNul).WithMessage("The email address contains a NUL character, which cannot be stored.")
            .Must(e => e is null || e.Trim().Length <= Patient.MaxEmailLength).WithMessage($"The email address is at most {Patient.MaxEmailLength} characters.")
            .Must(e => string.IsNullOrWhiteSpace(e) || IsEmail(e.Trim())).WithMessage("Enter an email address like name@example.org.");
    }

    internal static bool NoNul(string? text) => text is null || !text.Contains('\0', StringComparison.Ordinal);

    internal static bool IsPhone(string phone) => PhonePattern().IsMatch(phone) && phone.Count(char.IsAsciiDigit) >= 3;

    internal static bool IsEmail(string email) => EmailPattern().IsMatch(email);

    [System.Text.RegularExpressions.GeneratedRegex(@"^\+?[0-9 ().\-]+$")]
    private static partial System.Text.RegularExpressions.Regex PhonePattern();

    [System.Text.RegularExpressions.GeneratedRegex(@"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")]
    private static partial System.Text.RegularExpressions.Regex EmailPattern();
}

/// <summary>MRN, names and birth date as every patient form and the API check them (NUL characters refused: PostgreSQL cannot store them).</summary>
internal sealed class IdentityRules<T> : AbstractValidator<T>
{
    public IdentityRules(
        System.Linq.Expressions.Expression<Func<T, string?>> mrn,
        System.Linq.Expressions.Expression<Func<T, string?>> givenName,
        System.Linq.Expressions.Expression<Func<T, string?>> familyName,
        System.Linq.Expressions.Expression<Func<T, DateOnly?>> birthDate,
        TimeProvider clock)
    {
        RuleFor(mrn).NotEmpty().WithMessage("MRN is required.")
            .MaximumLength(32).WithMessage("MRN is at most 32 characters.")
            .Matches("^[A-Za-z0-9-]+$").WithMessage("MRN may contain only letters, digits and '-'.");
        RuleFor(givenName).NotEmpty().WithMessage("Given name is required.")
            .MaximumLength(100).WithMessage("Given name is at most 100 characters.")
            .Must(UpdatePatientValidator.NoNul).WithMessage("Given name contains a NUL character, which cannot be stored.");
        RuleFor(familyName).NotEmpty().WithMessage("Family name is required.")
            .MaximumLength(100).WithMessage("Family name is at most 100 characters.")
            .Must(UpdatePatientValidator.NoNul).WithMessage("Family name contains a NUL character, which cannot be stored.");
        RuleFor(birthDate).NotNull().WithMessage("Birth date is required.")
            .Must(d => d is null || (d.Value >= new DateOnly(1900, 1, 1) && d.Value <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)))
            .WithMessage("Birth date must be between 1900 and today.");
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

/// <summary>One of the patient's appointments as the patient page lists it (start and end in the clinic's time zone).</summary>
public sealed record PatientAppointmentDto(
    int Id, DateTime Start, DateTime End, string ChairName, int? DoseId, string? Protocol, string? ProtocolName, int? DoseSequence, string? DoseLabel,
    decimal? Amount, string? Unit, AppointmentStatus Status, string? CancelReason)
{
    /// <summary>Booked, checked in or in the chair: the appointment holds its chair.</summary>
    public bool Active => Status is AppointmentStatus.Booked or AppointmentStatus.CheckedIn or AppointmentStatus.InChair;
}

/// <summary>The patient's appointments: from today on (soonest first), and before today (latest first, the most recent only).</summary>
public sealed record PatientAppointmentsDto(IReadOnlyList<PatientAppointmentDto> Upcoming, IReadOnlyList<PatientAppointmentDto> Past, int EarlierCount);

/// <summary>A page of a patient search: how many match in all, and this page's patients.</summary>
public sealed record PatientSearchPage(int Total, IReadOnlyList<PatientDto> Items);

/// <summary><c>GET /api/patients/{id}</c>: the patient and their regimens with every dose.</summary>
public sealed record PatientDetail(PatientDto Patient, IReadOnlyList<RegimenDto> Regimens);
