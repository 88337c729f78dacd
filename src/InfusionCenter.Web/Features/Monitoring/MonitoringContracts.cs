using FluentValidation;
using InfusionCenter.Domain.Protocols;

namespace InfusionCenter.Web.Features.Monitoring;

public enum MonitoringStatus
{
    Overdue,
    Due,
    Upcoming,
    Ended,
}

/// <summary>One patient's after-treatment monitoring for one gate (e.g. alemtuzumab REMS monthly labs).</summary>
public sealed record MonitoringItem(
    int PatientId, string PatientName, string Mrn, string Protocol, string ProtocolName, string Code, string Label, string Description,
    Interval Every, DateOnly LastDose, DateOnly? Until, DateOnly? LastDone, string? LastDoneBy, DateOnly NextDue, MonitoringStatus Status);

/// <summary>A monitoring step done (API body and the UI form's model).</summary>
public sealed record MonitoringDoneRequest(DateOnly? Date, string? Note);

/// <summary>The "record done" form (the dialog's model); sent as a <see cref="MonitoringDoneRequest"/>.</summary>
public sealed class MonitoringDoneForm
{
    /// <summary>The day the step was done; empty means today.</summary>
    public DateOnly? Date { get; set; }

    public string? Note { get; set; }

    public MonitoringDoneRequest ToRequest() => new(Date, Note);
}

/// <summary>What the form can check before asking the service (which also refuses a date after today, in clinic time).</summary>
public sealed class MonitoringDoneFormValidator : AbstractValidator<MonitoringDoneForm>
{
    public MonitoringDoneFormValidator()
    {
        RuleFor(f => f.Date).Must(d => d is null || d.Value.Year >= 2000).WithMessage("The date must be 2000-01-01 or later.");
        RuleFor(f => f.Note).MaximumLength(SafetyChecks.SafetyCheckService.MaxNoteLength)
            .WithMessage($"The note is at most {SafetyChecks.SafetyCheckService.MaxNoteLength} characters.");
    }
}
