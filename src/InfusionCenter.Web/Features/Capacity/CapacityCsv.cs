using System.Globalization;
using System.Text;

namespace InfusionCenter.Web.Features.Capacity;

/// <summary>
/// CSV (RFC 4180, comma-separated, invariant culture, CRLF) of every table behind the capacity page's charts.
/// The first line is always a header row.
/// </summary>
public static class CapacityCsv
{
    /// <summary>The tables <c>GET /api/capacity/{table}.csv</c> serves.</summary>
    public static readonly IReadOnlyList<string> Tables = ["daily", "weekdays", "heatmap", "nurse-load", "outcomes", "drugs", "forecast", SavingsTable];

    /// <summary>The chair time saved (<see cref="ChairTimeSavedService"/>): not part of the dashboard's figures, written by <see cref="Savings"/>.</summary>
    public const string SavingsTable = "savings";

    public static bool IsTable(string table) => Tables.Contains(table, StringComparer.Ordinal);

    public static string Write(string table, CapacityDashboard d) => table switch
    {
        "daily" => Csv(["date", "openChairMinutes", "bookedChairMinutes", "utilization", "peakChairsInUse"],
            d.Daily.Select(x => new object?[] { x.Date, x.OpenChairMinutes, x.BookedChairMinutes, x.Utilization, x.PeakChairsInUse })),
        "weekdays" => Csv(["weekday", "openDays", "avgOpenChairMinutes", "avgBookedChairMinutes", "avgUtilization", "avgPeakChairsInUse", "maxPeakChairsInUse"],
            d.Weekdays.Select(x => new object?[] { x.Name, x.OpenDays, x.AvgOpenChairMinutes, x.AvgBookedChairMinutes, x.AvgUtilization, x.AvgPeakChairsInUse, x.MaxPeakChairsInUse })),
        "heatmap" => Csv(["weekday", "hour", "days", "avgChairsInUse", "maxChairsInUse", "peakHour"],
            d.Heatmap.Select(x => new object?[] { x.WeekdayName, $"{x.Hour:00}:00", x.Days, x.AvgChairsInUse, x.MaxChairsInUse, x.Hour == d.PeakHour })
                .Concat(d.Hours.Select(x => new object?[] { "All", $"{x.Hour:00}:00", x.Days, x.AvgChairsInUse, x.MaxChairsInUse, x.Hour == d.PeakHour }))),
        "nurse-load" => Csv(["slot", "days", "avgStarts", "maxStarts", "startLimit", "daysOverLimit"],
            d.NurseSlots.Select(x => new object?[] { x.Slot.ToString("HH:mm", CultureInfo.InvariantCulture), x.Days, x.AvgStarts, x.MaxStarts, x.StartLimit, x.DaysOverLimit })),
        "outcomes" => Csv(["outcome", "appointments", "share"],
            d.Outcomes.Select(x => new object?[] { x.Outcome, x.Appointments, x.Share })),
        "drugs" => Csv(["protocol", "appointments", "chairHours", "shareOfChairHours", "avgPlannedMinutes", "measured", "avgActualMinutes", "overruns", "avgOverrunMinutes"],
            d.Drugs.Select(x => new object?[] { x.Protocol, x.Appointments, x.ChairHours, x.ShareOfChairHours, x.AvgPlannedMinutes, x.Measured, x.AvgActualMinutes, x.Overruns, x.AvgOverrunMinutes })),
        "forecast" => Csv(["weekStart", "capacityChairHours", "bookedChairHours", "plannedChairHours", "plannedDoses", "demandChairHours", "load", "status"],
            d.Forecast.Weeks.Select(x => new object?[] { x.WeekStart, x.CapacityChairHours, x.BookedChairHours, x.PlannedChairHours, x.PlannedDoses, x.DemandChairHours, x.Load, x.Status.ToString().ToLowerInvariant() })),
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, "unknown capacity table"),
    };

    /// <summary>
    /// The chair time saved per protocol and way (shorter, sc), then one "All" row: doses and hours saved, given and booked in the
    /// range and planned (due in the range, not booked yet).
    /// </summary>
    public static string Savings(ChairTimeSaved s) => Csv(
        ["protocol", "drug", "way", "comparedWith", "givenDoses", "givenHours", "bookedDoses", "bookedHours", "plannedDoses", "plannedHours"],
        s.ByProtocol.Select(x => new object?[]
            {
                x.Protocol, x.Name, x.Way.ToString().ToLowerInvariant(), x.ComparedWithName,
                x.Given.Doses, x.Given.Hours, x.Booked.Doses, x.Booked.Hours, x.Planned.Doses, x.Planned.Hours,
            })
            .Append(["", "All", "", "", s.Given.Doses, s.Given.Hours, s.Booked.Doses, s.Booked.Hours, s.Planned.Doses, s.Planned.Hours]));

    private static string Csv(string[] header, IEnumerable<object?[]> rows)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', header.Select(Field)).Append("\r\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(',', row.Select(Value)).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Value(object? value) => value switch
    {
        null => "",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double number => Math.Round(number, 4).ToString("0.####", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        string text => Field(NoFormula(text)),
        IFormattable formattable => Field(formattable.ToString(null, CultureInfo.InvariantCulture)),
        _ => Field(value.ToString() ?? ""),
    };

    /// <summary>Text that a spreadsheet would run as a formula is prefixed with an apostrophe.</summary>
    private static string NoFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static string Field(string text) =>
        text.IndexOfAny([',', '"', '\r', '\n']) >= 0 || text.StartsWith(' ') || text.EndsWith(' ')
            ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : text;
}
