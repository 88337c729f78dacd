using FluentValidation;

namespace InfusionCenter.Web.Features.Capacity;

/// <summary>
/// The range of clinic-local days the dashboard covers (the page's date fields, the API's <c>from</c>/<c>to</c>).
/// Mutable because the page binds its date fields to it.
/// </summary>
public sealed class CapacityRange
{
    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }
}

/// <summary>
/// A range the dashboard can show: both days given, the end on or after the start, at most
/// <see cref="CapacityService.MaxRangeDays"/> days. The page shows these words at its date fields; the API returns
/// them under the field keys <c>from</c> and <c>to</c> (API.md).
/// </summary>
public sealed class CapacityRangeValidator : AbstractValidator<CapacityRange>
{
    public CapacityRangeValidator()
    {
        RuleFor(r => r.From).NotNull().WithMessage("Enter the start date (YYYY-MM-DD).");
        RuleFor(r => r.To).NotNull().WithMessage("Enter the end date (YYYY-MM-DD).");
        RuleFor(r => r.To)
            .Must((r, to) => to >= r.From).WithMessage("The end date must be on or after the start date.")
            .Must((r, to) => to!.Value.DayNumber - r.From!.Value.DayNumber + 1 <= CapacityService.MaxRangeDays)
            .WithMessage($"The dates may span at most {CapacityService.MaxRangeDays} days.")
            .When(r => r.From is not null && r.To is not null);
    }
}

/// <summary>
/// One clinic-local day (API.md "Capacity"): open chair-minutes (active chairs × opening minutes; 0 when closed),
/// booked chair-minutes (the part of every appointment that is neither cancelled nor a no-show falling inside
/// the day), utilization = booked / open (0 when closed) and the most appointments in progress at once.
/// </summary>
public sealed record DailyCapacity(DateOnly Date, int OpenChairMinutes, int BookedChairMinutes, double Utilization, int PeakChairsInUse);

/// <summary>Averages per weekday over the open days of that weekday in the range.</summary>
public sealed record WeekdayCapacity(
    DayOfWeek Weekday, string Name, int OpenDays, double AvgOpenChairMinutes, double AvgBookedChairMinutes,
    double AvgUtilization, double AvgPeakChairsInUse, int MaxPeakChairsInUse);

/// <summary>
/// Chairs in use during one clinic-local hour of the day (occupied chair-minutes in that hour / 60), averaged
/// over the days counted (open days, plus any closed day that had bookings) and the busiest such day.
/// </summary>
public sealed record HourLoad(int Hour, int Days, double AvgChairsInUse, double MaxChairsInUse);

/// <summary>One cell of the weekday × hour heat map.</summary>
public sealed record HeatmapCell(DayOfWeek Weekday, string WeekdayName, int Hour, int Days, double AvgChairsInUse, double MaxChairsInUse);

/// <summary>
/// Infusion starts in one half-hour slot of the day (clinic-local) against the nurse start limit
/// (nurses on shift × starts per nurse per 30 minutes). <see cref="DaysOverLimit"/> uses each day's own staffing.
/// </summary>
public sealed record NurseSlotLoad(TimeOnly Slot, int Days, double AvgStarts, int MaxStarts, int StartLimit, int DaysOverLimit);

/// <summary>Patients per nurse at the day's peak (peak chairs in use / nurses on shift), over the open days.</summary>
public sealed record NurseSummary(
    int DefaultNurses, int MaxStartsPerNursePer30Minutes, int MaxPatientsPerNurse,
    double AvgPeakPatientsPerNurse, double MaxPeakPatientsPerNurse, int DaysOverPatientLimit, int SlotsOverStartLimit);

/// <summary>Appointments starting in the range by outcome (status); share of all appointments in the range.</summary>
public sealed record OutcomeRow(string Outcome, int Appointments, double Share);

/// <summary>Drug mix: appointments, chair-hours, planned and actual chair time, and overruns per protocol code.</summary>
public sealed record DrugRow(
    string Protocol, int Appointments, double ChairHours, double ShareOfChairHours, double AvgPlannedMinutes,
    int Measured, double? AvgActualMinutes, int Overruns, double? AvgOverrunMinutes);

/// <summary>
/// Actual against planned chair time for appointments with both "in chair" and "completed" times recorded:
/// <see cref="Overran"/> finished after the booked end, by <see cref="AvgOverrunMinutes"/> on average.
/// </summary>
public sealed record OverrunSummary(int Measured, int Overran, double OverranShare, double? AvgOverrunMinutes, double? AvgActualMinutes, double? AvgPlannedMinutes);

public enum ForecastStatus
{
    Ok,
    Tight,
    Over,
}

/// <summary>
/// One week (Monday to Sunday) of the forecast: demand = booked appointments + planned doses not yet booked,
/// against the open chair-hours of that week. Over when demand &gt; capacity, tight above 85 %.
/// </summary>
public sealed record ForecastWeek(
    DateOnly WeekStart, double CapacityChairHours, double BookedChairHours, double PlannedChairHours, int PlannedDoses,
    double DemandChairHours, double Load, ForecastStatus Status);

/// <summary>The forecast plus the doses already overdue (target before the first week, still unbooked).</summary>
public sealed record CapacityForecast(DateOnly Start, IReadOnlyList<ForecastWeek> Weeks, int OverdueDoses, double OverdueChairHours);

/// <summary>Everything the capacity page shows for one range.</summary>
public sealed record CapacityDashboard(
    DateOnly From,
    DateOnly To,
    string TimeZone,
    int ActiveChairs,
    IReadOnlyList<DailyCapacity> Daily,
    IReadOnlyList<WeekdayCapacity> Weekdays,
    IReadOnlyList<HourLoad> Hours,
    IReadOnlyList<HeatmapCell> Heatmap,
    int? PeakHour,
    IReadOnlyList<NurseSlotLoad> NurseSlots,
    NurseSummary Nurses,
    IReadOnlyList<OutcomeRow> Outcomes,
    IReadOnlyList<DrugRow> Drugs,
    OverrunSummary Overruns,
    CapacityForecast Forecast)
{
    public int OpenChairMinutes => Daily.Sum(d => d.OpenChairMinutes);

    public int BookedChairMinutes => Daily.Sum(d => d.BookedChairMinutes);

    /// <summary>Booked / open over the whole range (0 when closed throughout).</summary>
    public double Utilization => OpenChairMinutes == 0 ? 0 : (double)BookedChairMinutes / OpenChairMinutes;

    public int PeakChairsInUse => Daily.Count == 0 ? 0 : Daily.Max(d => d.PeakChairsInUse);
}

/// <summary>
/// The manager's readiness figures for a range of clinic-local days (issue 13; <see cref="ReadinessStatsService"/>):
/// days from referral to first dose per drug, and the appointments that were not ready the day before.
/// </summary>
public sealed record ReadinessStats(DateOnly From, DateOnly To, string TimeZone, FirstDoseWaits FirstDoses, DayBeforeReadiness DayBefore);

/// <summary>
/// Regimens whose first dose was given on a day in the range, per drug and for all drugs together.
/// <see cref="EnteredAfterFirstDose"/> counts the regimens left out because they were created after their first dose
/// (earlier treatment recorded later: no referral wait to measure).
/// </summary>
public sealed record FirstDoseWaits(IReadOnlyList<FirstDoseWait> Drugs, FirstDoseWait AllDrugs, int EnteredAfterFirstDose);

/// <summary>
/// Days from referral (the clinic-local day the regimen was created) to its first dose given: how many regimens started,
/// the median (mean of the two middle values for an even count) and the 90th percentile by nearest rank; null when none.
/// </summary>
/// <param name="Protocol">The protocol code; null on the all-drugs row.</param>
/// <param name="Name">The drug, e.g. "ocrelizumab (Ocrevus)"; "All drugs" on the all-drugs row.</param>
public sealed record FirstDoseWait(string? Protocol, string Name, int Started, double? MedianDays, int? Percentile90Days);

/// <summary>
/// Appointments of a dose on the days of the range up to <see cref="Through"/> (today at the latest: a later day has no
/// "day before" yet; null when the range starts after today), judged as known at the end of the day before their day.
/// Counted: every such appointment except those cancelled before the day before (one cancelled on the day before or on
/// the day itself was still on the schedule, and is often cancelled for what was missing). <see cref="Reasons"/> counts the
/// not-ready appointments per missing code, most frequent first (an appointment can miss several things).
/// </summary>
public sealed record DayBeforeReadiness(DateOnly? Through, int Appointments, int NotReady, double NotReadyShare, IReadOnlyList<ReadinessReason> Reasons);

/// <summary>How many of the not-ready appointments missed this item (a readiness code, API.md "Readiness").</summary>
public sealed record ReadinessReason(string Code, int Appointments);
