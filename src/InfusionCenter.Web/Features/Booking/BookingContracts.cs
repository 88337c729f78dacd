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
}

public sealed record MoveAppointmentRequest
{
    public int? ChairId { get; set; }
    public string? Start { get; set; }
}

public sealed record AppointmentDto(
    int Id, int PatientId, string PatientName, string Mrn, int ChairId, string ChairName,
    DateTimeOffset Start, DateTimeOffset End, int Minutes, AppointmentStatus Status, string? CancelReason,
    int? DoseId, int? DoseSequence, string? DoseLabel, decimal? DoseAmount, string? DoseUnit, string? Protocol, string? ProtocolName,
    Guid? CourseGroup, string? BookedBy, DateTimeOffset BookedAt, DateTimeOffset? CheckedInAt, DateTimeOffset? InChairAt, DateTimeOffset? CompletedAt)
{
    /// <summary>Minutes the chair was (or is) used beyond the booking; 0 when on time.</summary>
    public int OverrunMinutes(DateTimeOffset now) => Status switch
    {
        AppointmentStatus.Completed when CompletedAt is { } done => Math.Max(0, (int)(done - End).TotalMinutes),
        AppointmentStatus.InChair or AppointmentStatus.CheckedIn => Math.Max(0, (int)(now - End).TotalMinutes),
        _ => 0,
    };
}

public sealed class BookAppointmentValidator : AbstractValidator<BookAppointmentRequest>
{
    public BookAppointmentValidator()
    {
        RuleFor(r => r.PatientId).NotNull().WithMessage("patientId is required.");
        RuleFor(r => r.ChairId).NotNull().WithMessage("chairId is required.");
        RuleFor(r => r.Start).NotEmpty().WithMessage("start is required (e.g. 2026-11-23T09:30 in clinic time, or with an offset).");
        RuleFor(r => r.Minutes).InclusiveBetween(5, 12 * 60).When(r => r.Minutes is not null).WithMessage("minutes must be between 5 and 720.");
        RuleFor(r => r.Minutes).NotNull().When(r => r.DoseId is null).WithMessage("minutes is required when no doseId is given.");
    }
}
