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
