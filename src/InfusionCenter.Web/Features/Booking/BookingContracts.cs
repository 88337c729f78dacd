using System.Globalization;
using FluentValidation;
using InfusionCenter.Web.Data;

namespace InfusionCenter.Web.Features.Booking;

/// <summary>API.md: <c>{"patientId", "chairId", "start", "minutes"?, "doseId"?}</c> (also the UI's booking model).</summary>
public sealed record BookAppointmentRequest
{
    public int? PatientId { get; set; }
    public int? ChairId { get; set; }

    /// <summary>ISO 8601 with offset, or a clinic-local time without offset (e.g. 2026-11-23T09:30).</summary>
    public string? Start { get; set; }

    public int? Minutes { get; set; }
    public int? DoseId { get; set; }

    /// <summary>Books a dose outside its window: why (e.g. "prescriber agreed: patient away until 12-14"), recorded and shown.</summary>
    public string? WindowOverrideReason { get; set; }
}

public sealed record MoveAppointmentRequest
{
    public int? ChairId { get; set; }
    public string? Start { get; set; }

    /// <summary>Moves a dose outside its window: why, recorded and shown (as when booking).</summary>
    public string? WindowOverrideReason { get; set; }
}

/// <param name="Option">The administration option the dose is (to be) given with (e.g. "shorter"); null for a visit or a dose with one way of giving.</param>
/// <param name="OptionName">That option's name from the regimen's protocol version ("Shorter (about 2 h) — no prior serious infusion reaction").</param>
/// <param name="RebookReason">Why the booking must be redone (the dose's option changed and the booking is now too short), in words; null when it fits.</param>
public sealed record AppointmentDto(
    int Id, int PatientId, string PatientName, string Mrn, int ChairId, string ChairName,
    DateTimeOffset Start, DateTimeOffset End, int Minutes, AppointmentStatus Status, string? CancelReason,
    int? DoseId, int? DoseSequence, string? DoseLabel, decimal? DoseAmount, string? DoseUnit, string? Protocol, string? ProtocolName,
    Guid? CourseGroup, string? BookedBy, DateTimeOffset BookedAt, DateTimeOffset? CheckedInAt, DateTimeOffset? InChairAt, DateTimeOffset? CompletedAt,
    DateTimeOffset? NoShowAt = null, CompletionDto? Completion = null, string? WindowOverrideReason = null, string? WindowOverrideBy = null,
    string? Option = null, string? OptionName = null, string? RebookReason = null)
{
    /// <summary>Minutes the chair was (or is) used beyond the booking; 0 when on time.</summary>
    public int OverrunMinutes(DateTimeOffset now) => Status switch
    {
        AppointmentStatus.Completed when (Completion?.ActualEnd ?? CompletedAt) is { } done => Math.Max(0, (int)(done - End).TotalMinutes),
        AppointmentStatus.InChair or AppointmentStatus.CheckedIn => Math.Max(0, (int)(now - End).TotalMinutes),
        _ => 0,
    };
}

/// <summary>What happened at a completed infusion (API.md "Lifecycles").</summary>
public sealed record CompletionDto(
    DateTimeOffset? ActualStart, DateTimeOffset? ActualEnd, string? Lot, DateOnly? LotExpiry,
    ReactionSeverity? Severity, ReactionAction? Action, decimal? AmountGiven);

public sealed class BookAppointmentValidator : AbstractValidator<BookAppointmentRequest>
{
    public BookAppointmentValidator()
    {
        RuleFor(r => r.PatientId).NotNull().WithMessage("patientId is required.");
        RuleFor(r => r.ChairId).NotNull().WithMessage("chairId is required.");
        RuleFor(r => r.Start).NotEmpty().WithMessage("start is required (e.g. 2026-11-23T09:30 in clinic time, or with an offset).");
        RuleFor(r => r.Minutes).InclusiveBetween(5, 12 * 60).When(r => r.Minutes is not null).WithMessage("minutes must be between 5 and 720.");
        RuleFor(r => r.Minutes).NotNull().When(r => r.DoseId is null).WithMessage("minutes is required when no doseId is given.");
        RuleFor(r => r.WindowOverrideReason).MaximumLength(500).WithMessage("The reason for booking outside the window is at most 500 characters.");
    }
}

/// <summary>
/// API.md "Lifecycles": <c>complete</c> records what happened. Times as for a booking's start (clinic time, or with an
/// offset); all optional (defaults: in the chair at the booked start or when the patient went in, out now or at the booked end).
/// </summary>
public sealed record CompleteAppointmentRequest
{
    public string? ActualStart { get; set; }
    public string? ActualEnd { get; set; }
    public string? Lot { get; set; }
    public DateOnly? LotExpiry { get; set; }
    public InfusionReactionRequest? Reaction { get; set; }
}

public sealed record InfusionReactionRequest
{
    public ReactionSeverity? Severity { get; set; }
    public ReactionAction? Action { get; set; }
    public decimal? AmountGiven { get; set; }
}

/// <summary>The completion dialog's form: clinic-local times of day (HH:mm) on the appointment's day, lot and reaction.</summary>
public sealed class CompleteForm
{
    public string? ActualStart { get; set; }
    public string? ActualEnd { get; set; }
    public string? Lot { get; set; }
    public DateOnly? LotExpiry { get; set; }
    public ReactionSeverity Severity { get; set; }
    public ReactionAction Action { get; set; }
    public decimal? AmountGiven { get; set; }

    public CompleteAppointmentRequest ToRequest(DateOnly day) => new()
    {
        ActualStart = string.IsNullOrWhiteSpace(ActualStart) ? null : $"{day:yyyy-MM-dd}T{ActualStart.Trim()}",
        ActualEnd = string.IsNullOrWhiteSpace(ActualEnd) ? null : $"{day:yyyy-MM-dd}T{ActualEnd.Trim()}",
        Lot = Lot,
        LotExpiry = LotExpiry,
        Reaction = new InfusionReactionRequest { Severity = Severity, Action = Action, AmountGiven = Action == ReactionAction.Stopped ? AmountGiven : null },
    };
}

public sealed class CompleteFormValidator : AbstractValidator<CompleteForm>
{
    private static bool IsTime(string? value) =>
        string.IsNullOrWhiteSpace(value) || TimeOnly.TryParseExact(value.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public CompleteFormValidator()
    {
        RuleFor(f => f.ActualStart).Must(IsTime).WithMessage("Enter the time as hh:mm, e.g. 09:40.");
        RuleFor(f => f.ActualEnd).Must(IsTime).WithMessage("Enter the time as hh:mm, e.g. 13:15.");
        RuleFor(f => f.Lot).MaximumLength(60).WithMessage("The lot number is at most 60 characters.");
        RuleFor(f => f.AmountGiven).NotNull().When(f => f.Action == ReactionAction.Stopped)
            .WithMessage("A stopped infusion records the amount actually given.");
        RuleFor(f => f.AmountGiven).GreaterThanOrEqualTo(0).When(f => f.AmountGiven is not null).WithMessage("The amount cannot be negative.");
        RuleFor(f => f.Severity).NotEqual(ReactionSeverity.None).When(f => f.Action is ReactionAction.Slowed or ReactionAction.Paused)
            .WithMessage("An infusion slowed or paused for a reaction records the reaction's severity.");
    }
}
