using InfusionCenter.Domain.Scheduling;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Booking;

namespace InfusionCenter.Web.Features.Board;

/// <summary>
/// One clinic-local day on the chair board: the clinic's hours (null when closed), the chairs, the day's appointments
/// (active ones placed on the board, cancelled and no-shows listed apart), the blocking checks still to confirm per
/// appointment, the clinic-local time now when it falls inside the open hours, and the free stretches offered for filling.
/// </summary>
public sealed record BoardDay(
    DateOnly Day,
    DayHours? Hours,
    string? ClosedBecause,
    int Nurses,
    IReadOnlyList<Chair> Chairs,
    IReadOnlyList<AppointmentDto> Active,
    IReadOnlyList<AppointmentDto> Cancelled,
    IReadOnlyDictionary<int, int> ChecksOpen,
    TimeOnly? Now,
    IReadOnlyList<FreeStretch> FreeStretches)
{
    /// <summary>Readiness of the doses still to give, by dose id (none for visits and completed appointments).</summary>
    public IReadOnlyDictionary<int, Readiness.ReadinessDto> Readiness { get; init; } = new Dictionary<int, Readiness.ReadinessDto>();

    /// <summary>The readiness of an appointment's dose, when it is still to give.</summary>
    public Readiness.ReadinessDto? ReadinessOf(AppointmentDto appointment) =>
        appointment.DoseId is { } id ? Readiness.GetValueOrDefault(id) : null;

    /// <summary>Minutes from opening to closing (0 when closed).</summary>
    public double OpenMinutes => Hours is null ? 0 : (Hours.Closes - Hours.Opens).TotalMinutes;

    /// <summary>Minutes from opening to <paramref name="time"/>, kept inside the open hours.</summary>
    public double MinutesFromOpening(TimeOnly time) =>
        Hours is null ? 0 : Math.Clamp((time - Hours.Opens).TotalMinutes, 0, OpenMinutes);

    /// <summary>Blocking checks still to confirm for an appointment that has not started (0 otherwise).</summary>
    public int OpenChecks(AppointmentDto appointment) =>
        appointment.Status is AppointmentStatus.Booked or AppointmentStatus.CheckedIn ? ChecksOpen.GetValueOrDefault(appointment.Id) : 0;
}

/// <summary>The printable day list: the day's appointments chair by chair, each chair's in time order.</summary>
public sealed record DayList(DateOnly Day, DayHours? Hours, string? ClosedBecause, IReadOnlyList<DayListChair> Chairs, int CancelledCount)
{
    public int Count => Chairs.Sum(c => c.Rows.Count);
}

public sealed record DayListChair(int ChairId, string Name, ChairKind Kind, IReadOnlyList<DayListRow> Rows);

/// <summary>
/// One appointment on the day list: times in clinic time, the patient's full name and MRN, the drug, the dose and its
/// amount, the way it is given (<paramref name="OptionName"/>, when the dose has options), the pre-infusion checks not yet
/// confirmed (none once the infusion is completed), and why the booking must be redone (<paramref name="RebookReason"/>).
/// </summary>
public sealed record DayListRow(
    int AppointmentId, TimeOnly Start, TimeOnly End, string PatientName, string Mrn, string ChairName,
    string? Drug, string? Protocol, string? Dose, string? Amount, AppointmentStatus Status, IReadOnlyList<DayListCheck> OpenChecks,
    string? OptionName = null, string? RebookReason = null);

/// <summary>A pre-infusion check still open: its words, and whether it blocks the infusion or is advisory.</summary>
public sealed record DayListCheck(string Label, bool Blocking);
