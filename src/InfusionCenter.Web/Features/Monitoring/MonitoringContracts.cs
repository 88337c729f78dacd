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
