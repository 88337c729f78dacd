using InfusionCenter.Web.Features.ClinicCalendar;

namespace InfusionCenter.Web.Features.Capacity;

/// <summary>The clinic facts every capacity figure is measured against: hours, closures, staffing and active chairs.</summary>
internal sealed record CapacityContext(ClinicSettings Settings, int ActiveChairs)
{
    public string Zone => Settings.Zone.Id;

    public bool IsOpen(DateOnly date) => Settings.HoursOn(date).Hours is { } h && h.Closes > h.Opens;

    public int OpenChairMinutes(DateOnly date) => Settings.HoursOn(date).Hours is { } h && h.Closes > h.Opens
        ? (int)Math.Round((h.Closes - h.Opens).TotalMinutes) * ActiveChairs
        : 0;

    /// <summary>First and last clinic hour of any weekday (07..18 for 07:00–19:00); 8..17 when no hours are set.</summary>
    public (int First, int Last) HourSpan()
    {
        var hours = Settings.WeeklyHours.Values.Where(h => h.Closes > h.Opens).ToList();
        return hours.Count == 0
            ? (8, 17)
            : (hours.Min(h => h.Opens.Hour), hours.Max(h => h.Closes.Minute > 0 ? h.Closes.Hour : h.Closes.Hour - 1));
    }
}

// Rows of the grouped SQL of CapacitySql (column aliases match the property names).

/// <summary><see cref="CapacitySql.Occupancy"/>: occupied chair-minutes and peak per clinic-local day and hour.</summary>
internal sealed class HourRow
{
    public DateOnly Date { get; set; }
    public int Hour { get; set; }
    public double ChairMinutes { get; set; }
    public int PeakChairsInUse { get; set; }
}

/// <summary><see cref="CapacitySql.Starts"/>: infusion starts per clinic-local day and half-hour slot.</summary>
internal sealed class StartRow
{
    public DateOnly Date { get; set; }
    public int Slot { get; set; }
    public int Starts { get; set; }
}

/// <summary><see cref="CapacitySql.Mix"/>: appointments, chair time and overruns per status and protocol.</summary>
internal sealed class MixRow
{
    public string Status { get; set; } = "";
    public string Protocol { get; set; } = "";
    public int Appointments { get; set; }
    public double PlannedMinutes { get; set; }
    public int Measured { get; set; }
    public double ActualMinutes { get; set; }
    public int Overruns { get; set; }
    public double OverrunMinutes { get; set; }
}

/// <summary><see cref="CapacitySql.Forecast"/>: booked and planned chair-minutes per week (planned with no week: overdue).</summary>
internal sealed class ForecastRow
{
    public string Kind { get; set; } = "";
    public DateOnly? Week { get; set; }
    public int Items { get; set; }
    public double ChairMinutes { get; set; }
}

/// <summary><see cref="CapacitySql.ChairTimeSaved"/>: doses per kind (given, booked, planned), protocol version, sequence, option and chair minutes.</summary>
internal sealed class SavingRow
{
    public string Kind { get; set; } = "";
    public int VersionId { get; set; }
    public int Sequence { get; set; }
    public string? OptionCode { get; set; }
    public int ChairMinutes { get; set; }
    public int Doses { get; set; }
}
