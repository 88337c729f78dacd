using FluentValidation;
using InfusionCenter.Web.Data;

namespace InfusionCenter.Web.Features.Regimens;

/// <summary>API.md: <c>{"protocol", "start", "priorCumulativeMgPerM2"?, "days"?}</c>; also the optional interval override and horizon.</summary>
public sealed record EnrolRequest
{
    public string? Protocol { get; set; }
    public DateOnly? Start { get; set; }
    public decimal? PriorCumulativeMgPerM2 { get; set; }
    public int? Days { get; set; }
    public int? IntervalWeeks { get; set; }
    public DateOnly? Until { get; set; }

    /// <summary>True to enrol although the patient has an active regimen on the same drug (needs <see cref="Reason"/>).</summary>
    public bool? ConfirmDuplicate { get; set; }

    /// <summary>Why a second regimen on the same drug is right for this patient.</summary>
    public string? Reason { get; set; }
}

/// <summary>API.md: <c>POST /api/regimens/{id}/stop {"reason"}</c>.</summary>
public sealed record StopRegimenRequest
{
    public string? Reason { get; set; }
}

/// <summary>
/// <c>POST /api/regimens/{id}/switch {"reason"?, "enrol": {…as POST /api/patients/{id}/regimens…}}</c>: stop this regimen
/// and enrol the patient on another in one transaction (reason defaults to "Switching therapy").
/// </summary>
public sealed record SwitchRegimenRequest
{
    public string? Reason { get; set; }

    public EnrolRequest? Enrol { get; set; }
}

public sealed class StopRegimenValidator : AbstractValidator<StopRegimenRequest>
{
    public StopRegimenValidator() => RuleFor(r => r.Reason)
        .NotEmpty().WithMessage("Say why the regimen is stopped (e.g. switching therapy, adverse event, patient's choice).")
        .MaximumLength(500).WithMessage("Keep the reason under 500 characters.");
}

public sealed record GivenRequest(DateOnly? Date);

/// <summary>The "record as given" form's model (the API takes <see cref="GivenRequest"/>).</summary>
public sealed class GivenForm
{
    public DateOnly? Date { get; set; }
}

public sealed class GivenFormValidator : AbstractValidator<GivenForm>
{
    public GivenFormValidator() => RuleFor(f => f.Date).NotNull().WithMessage("Enter the date the dose was given.");
}

/// <param name="Option">The administration option's code (e.g. "shorter"), null when the dose has a single way of being given.</param>
/// <param name="OptionName">That option's name for the nurse ("Shorter infusion (about 2 h)").</param>
/// <param name="OptionChosenBy">Who chose the option; null when it is the clinic's default choice.</param>
/// <param name="RebookReason">Why the dose's booking must be redone (its option is no longer eligible and the booking is too short).</param>
public sealed record DoseDto(
    int Id, int Sequence, DateOnly Date, DateOnly Earliest, DateOnly Latest, decimal Amount, string Unit, decimal? AmountPerM2,
    int ChairMinutes, int Course, int DayInCourse, string Label, DoseStatus Status, DateOnly? GivenOn, string? Warning,
    string? Option = null, string? OptionName = null, string? OptionChosenBy = null, string? RebookReason = null);

/// <param name="CourseSeries">Given in courses of consecutive days (alemtuzumab, methylprednisolone): doses show their course and day.</param>
public sealed record RegimenDto(
    int Id, int PatientId, string Protocol, string ProtocolName, int Version, int CurrentVersion, DateOnly Start, DateOnly Until,
    decimal? Bsa, decimal PriorCumulativeMgPerM2, decimal? CumulativeCapMgPerM2, int? Days, int? IntervalWeeks,
    RegimenStatus Status, string? StopReason, DateTimeOffset CreatedAt, IReadOnlyList<DoseDto> Doses, bool CourseSeries = false,
    DateOnly? StoppedOn = null, string? StoppedBy = null, string? StoppedBecause = null, string? DuplicateReason = null,
    BsaChangeDto? BsaChange = null)
{
    /// <summary>mg/m² given so far including the prior dose (BSA-dosed protocols), for cap progress.</summary>
    public decimal GivenMgPerM2 => PriorCumulativeMgPerM2 + Doses.Where(d => d.Status == DoseStatus.Given).Sum(d => d.AmountPerM2 ?? 0m);

    /// <summary>mg/m² the whole calendar reaches, prior dose included.</summary>
    public decimal PlannedMgPerM2 => PriorCumulativeMgPerM2 + Doses.Where(d => d.Status != DoseStatus.Cancelled).Sum(d => d.AmountPerM2 ?? 0m);
}

/// <summary>
/// The patient's BSA has moved by more than the clinic's share since the amounts were calculated: the doses still to give
/// (planned, booked or missed) and what each would be at the current BSA. Null on a regimen when nothing is flagged.
/// </summary>
/// <param name="ChangePercent">Signed, one decimal: +11.4 for 1.66 → 1.85 m².</param>
public sealed record BsaChangeDto(decimal EnrolledBsa, decimal CurrentBsa, decimal ChangePercent, IReadOnlyList<RedoseDoseDto> Doses);

/// <summary>One dose a re-dose would change: its amount now and at the current BSA.</summary>
public sealed record RedoseDoseDto(int DoseId, int Sequence, DateOnly Date, DoseStatus Status, decimal Amount, decimal NewAmount, string Unit);

/// <summary>
/// <c>POST /api/regimens/{id}/redose</c>, body optional. <see cref="Bsa"/>: the current BSA (m²) the caller showed and
/// confirmed; when given and the patient's BSA is no longer that (measured again meanwhile), the re-dose is a 409.
/// </summary>
public sealed record RedoseRequest
{
    public decimal? Bsa { get; set; }
}

public sealed class RedoseRequestValidator : AbstractValidator<RedoseRequest>
{
    public RedoseRequestValidator() => RuleFor(r => r.Bsa)
        .InclusiveBetween(Domain.Patients.Bsa.MinPlausibleM2, Domain.Patients.Bsa.MaxPlausibleM2).When(r => r.Bsa is not null)
        .WithMessage($"The confirmed BSA must be between {Domain.Patients.Bsa.MinPlausibleM2:0.0} and {Domain.Patients.Bsa.MaxPlausibleM2:0.0} m².");
}

public sealed class EnrolRequestValidator : AbstractValidator<EnrolRequest>
{
    public EnrolRequestValidator()
    {
        RuleFor(r => r.Protocol).NotEmpty().WithMessage("Choose a protocol.");
        RuleFor(r => r.Start).NotNull().WithMessage("Enter the date of the first dose.");
        RuleFor(r => r.PriorCumulativeMgPerM2).GreaterThanOrEqualTo(0).When(r => r.PriorCumulativeMgPerM2 is not null)
            .WithMessage("Prior cumulative dose cannot be negative.");
        RuleFor(r => r.Days).InclusiveBetween(1, 31).When(r => r.Days is not null).WithMessage("The course length must be between 1 and 31 days.");
        RuleFor(r => r.Reason).NotEmpty().When(r => r.ConfirmDuplicate == true)
            .WithMessage("Give the reason for a second regimen on the same drug.");
        RuleFor(r => r.Reason).MaximumLength(500).WithMessage("Keep the reason under 500 characters.");
        RuleFor(r => r.IntervalWeeks).InclusiveBetween(1, 104).When(r => r.IntervalWeeks is not null).WithMessage("The interval must be between 1 and 104 weeks.");
        RuleFor(r => r.Until).GreaterThanOrEqualTo(r => r.Start).When(r => r.Start is not null && r.Until is not null).WithMessage("The plan cannot end before the first dose.");
        RuleFor(r => r.Until).Must((r, until) => until is null || r.Start is null || r.Start.Value.Year > DateOnly.MaxValue.Year - 10 || until.Value <= r.Start.Value.AddYears(10))
            .WithMessage("Plan at most 10 years ahead.");
    }
}

/// <summary>The stop dialog's model: one of the usual reasons, with details (required for "Other").</summary>
public sealed class StopRegimenForm
{
    public const string Switching = "Switching therapy";

    public static readonly IReadOnlyList<string> Reasons = [Switching, "Adverse event", "Patient's choice", "Treatment completed", "Other"];

    public string? Choice { get; set; }

    public string? Details { get; set; }

    public string ToReason() => string.IsNullOrWhiteSpace(Details) ? Choice! : Choice == "Other" ? Details.Trim() : $"{Choice}: {Details.Trim()}";
}

/// <summary>The stop dialog's answer when the nurse switches therapy: the enrol dialog takes over with this regimen and reason.</summary>
public sealed record RegimenSwitch(RegimenDto From, string Reason);

public sealed class StopRegimenFormValidator : AbstractValidator<StopRegimenForm>
{
    public StopRegimenFormValidator()
    {
        RuleFor(f => f.Choice).NotEmpty().WithMessage("Choose why the regimen is stopped.");
        RuleFor(f => f.Details).NotEmpty().When(f => f.Choice == "Other").WithMessage("Say why the regimen is stopped.");
        RuleFor(f => f.Details).MaximumLength(450).WithMessage("Keep the details under 450 characters.");
    }
}
