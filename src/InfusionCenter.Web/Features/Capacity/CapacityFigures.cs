using System.Globalization;

namespace InfusionCenter.Web.Features.Capacity;

/// <summary>
/// Chair time per day, weekday and hour, and nurse load per half hour: the grouped rows of the occupancy and start
/// queries combined with the clinic's open days (<see cref="CapacityContext"/>). Pure functions.
/// </summary>
internal static class CapacityFigures
{
    public static readonly DayOfWeek[] WeekOrder =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>A day's booked minutes are the sum of its hours (rounded to the minute), its peak the highest hourly peak.</summary>
    public static IReadOnlyList<DailyCapacity> Daily(CapacityContext context, DateOnly from, DateOnly to, List<HourRow> rows)
    {
        var byDate = rows.GroupBy(r => r.Date).ToDictionary(g => g.Key, g => (Minutes: (int)Math.Round(g.Sum(r => r.ChairMinutes)), Peak: g.Max(r => r.PeakChairsInUse)));
        var result = new List<DailyCapacity>(to.DayNumber - from.DayNumber + 1);
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            var open = context.OpenChairMinutes(date);
            var (booked, peak) = byDate.GetValueOrDefault(date);
            result.Add(new DailyCapacity(date, open, booked, open == 0 ? 0 : (double)booked / open, peak));
        }

        return result;
    }

    public static IReadOnlyList<WeekdayCapacity> Weekdays(IReadOnlyList<DailyCapacity> days) =>
        WeekOrder.Select(weekday =>
        {
            var open = days.Where(d => d.Date.DayOfWeek == weekday && d.OpenChairMinutes > 0).ToList();
            return open.Count == 0
                ? new WeekdayCapacity(weekday, Name(weekday), 0, 0, 0, 0, 0, 0)
                : new WeekdayCapacity(weekday, Name(weekday), open.Count,
                    open.Average(d => d.OpenChairMinutes), open.Average(d => d.BookedChairMinutes), open.Average(d => d.Utilization),
                    open.Average(d => d.PeakChairsInUse), open.Max(d => d.PeakChairsInUse));
        }).ToList();

    public static (IReadOnlyList<HourLoad> Hours, IReadOnlyList<HeatmapCell> Cells, int? PeakHour) Heatmap(
        CapacityContext context, DateOnly from, DateOnly to, List<HourRow> rows)
    {
        var load = rows.ToDictionary(r => (r.Date, r.Hour), r => r.ChairMinutes / 60.0);
        var loadedDays = rows.Select(r => r.Date).ToHashSet();
        var days = Dates(from, to).Where(d => context.IsOpen(d) || loadedDays.Contains(d)).ToList();
        var (first, last) = context.HourSpan();
        if (rows.Count > 0)
        {
            first = Math.Min(first, rows.Min(r => r.Hour));
            last = Math.Max(last, rows.Max(r => r.Hour));
        }

        var hours = new List<HourLoad>();
        var cells = new List<HeatmapCell>();
        for (var hour = first; hour <= last; hour++)
        {
            var values = days.Select(d => load.GetValueOrDefault((d, hour))).ToList();
            hours.Add(new HourLoad(hour, values.Count, values.Count == 0 ? 0 : values.Average(), values.Count == 0 ? 0 : values.Max()));
            foreach (var weekday in WeekOrder)
            {
                var ofDay = days.Where(d => d.DayOfWeek == weekday).Select(d => load.GetValueOrDefault((d, hour))).ToList();
                cells.Add(new HeatmapCell(weekday, Name(weekday), hour, ofDay.Count, ofDay.Count == 0 ? 0 : ofDay.Average(), ofDay.Count == 0 ? 0 : ofDay.Max()));
            }
        }

        var peak = hours.Where(h => h.AvgChairsInUse > 0).OrderByDescending(h => h.AvgChairsInUse).ThenBy(h => h.Hour).FirstOrDefault();
        return (hours, cells, peak?.Hour);
    }

    public static (IReadOnlyList<NurseSlotLoad> Slots, NurseSummary Summary) NurseLoad(
        CapacityContext context, DateOnly from, DateOnly to, List<StartRow> rows, IReadOnlyList<DailyCapacity> daily)
    {
        var settings = context.Settings;
        var perNurse = settings.Rules.MaxStartsPerNursePer30Minutes;
        var starts = rows.ToDictionary(r => (r.Date, r.Slot), r => r.Starts);
        var startDays = rows.Select(r => r.Date).ToHashSet();
        var days = Dates(from, to).Where(d => context.IsOpen(d) || startDays.Contains(d)).ToList();
        var (firstHour, lastHour) = context.HourSpan();
        var first = firstHour * 2;
        var last = (lastHour * 2) + 1;
        if (rows.Count > 0)
        {
            first = Math.Min(first, rows.Min(r => r.Slot));
            last = Math.Max(last, rows.Max(r => r.Slot));
        }

        var slots = new List<NurseSlotLoad>();
        for (var slot = first; slot <= last; slot++)
        {
            var values = days.Select(d => starts.GetValueOrDefault((d, slot))).ToList();
            var over = perNurse <= 0 ? 0 : days.Count(d => settings.NursesOn(d) > 0 && starts.GetValueOrDefault((d, slot)) > settings.NursesOn(d) * perNurse);
            slots.Add(new NurseSlotLoad(new TimeOnly(slot / 2, slot % 2 * 30), values.Count, values.Count == 0 ? 0 : values.Average(),
                values.Count == 0 ? 0 : values.Max(), settings.DefaultNurses * perNurse, over));
        }

        var perDay = daily.Where(d => d.OpenChairMinutes > 0 && settings.NursesOn(d.Date) > 0)
            .Select(d => (double)d.PeakChairsInUse / settings.NursesOn(d.Date)).ToList();
        var maxPatients = settings.Rules.MaxPatientsPerNurse;
        var summary = new NurseSummary(
            settings.DefaultNurses, perNurse, maxPatients,
            perDay.Count == 0 ? 0 : perDay.Average(), perDay.Count == 0 ? 0 : perDay.Max(),
            maxPatients <= 0 ? 0 : perDay.Count(p => p > maxPatients),
            slots.Sum(s => s.DaysOverLimit));
        return (slots, summary);
    }

    private static string Name(DayOfWeek day) => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(day);

    private static IEnumerable<DateOnly> Dates(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            yield return d;
        }
    }
}
