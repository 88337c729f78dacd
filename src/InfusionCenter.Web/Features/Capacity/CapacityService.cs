using System.Globalization;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.ClinicCalendar;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InfusionCenter.Web.Features.Capacity;

/// <summary>
/// The capacity dashboard for managers: utilization per day and weekday, chairs in use by hour, nurse load,
/// outcomes, drug mix and overruns for a range of clinic-local days, plus a 26-week demand forecast.
/// Every aggregate over appointments and doses runs in PostgreSQL (<see cref="CapacitySql"/>); this class
/// only combines the grouped rows with the clinic's hours, closures, staffing and chair count.
/// </summary>
public sealed class CapacityService(IDbContextFactory<InfusionDbContext> dbFactory, ClinicCalendarService calendar)
{
    /// <summary>Longest range one request may ask for (days, inclusive).</summary>
    public const int MaxRangeDays = 366;

    public const int ForecastWeeks = 26;

    /// <summary>A week whose demand is above this share of capacity is "tight".</summary>
    public const double TightLoad = 0.85;

    /// <summary>Checks a requested range: both dates present and valid, to ≥ from, at most <see cref="MaxRangeDays"/> days.</summary>
    public static (DateOnly From, DateOnly To) ValidateRange(DateOnly? from, DateOnly? to, IDictionary<string, string[]> errors)
    {
        if (from is null && !errors.ContainsKey("from"))
        {
            errors["from"] = ["from is required (YYYY-MM-DD, clinic-local day)."];
        }

        if (to is null && !errors.ContainsKey("to"))
        {
            errors["to"] = ["to is required (YYYY-MM-DD, clinic-local day)."];
        }

        if (from is { } f && to is { } t)
        {
            if (t < f)
            {
                errors["to"] = ["to must be on or after from."];
            }
            else if (t.DayNumber - f.DayNumber + 1 > MaxRangeDays)
            {
                errors["to"] = [$"The range may cover at most {MaxRangeDays} days."];
            }
        }

        if (errors.Count > 0)
        {
            throw new Infrastructure.RequestValidationException(errors, string.Join(" ", errors.Values.SelectMany(v => v)));
        }

        return (from!.Value, to!.Value);
    }

    /// <summary>API.md <c>GET /api/capacity/daily</c>.</summary>
    public async Task<IReadOnlyList<DailyCapacity>> DailyAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var context = await LoadContextAsync(from, to, cancellationToken);
        var rows = await QueryOccupancyAsync(context.Zone, from, to, cancellationToken);
        return BuildDaily(context, from, to, rows);
    }

    /// <summary>Everything the page shows; the queries run concurrently, each on its own connection.</summary>
    public async Task<CapacityDashboard> DashboardAsync(DateOnly from, DateOnly to, DateOnly forecastStart, CancellationToken cancellationToken = default)
    {
        var weekStart = MondayOf(forecastStart);
        var weekEnd = weekStart.AddDays(7 * ForecastWeeks);
        var context = await LoadContextAsync(Min(from, weekStart), Max(to, weekEnd.AddDays(-1)), cancellationToken);
        var zone = context.Zone;

        var occupancy = QueryOccupancyAsync(zone, from, to, cancellationToken);
        var starts = QueryAsync<StartRow>(CapacitySql.Starts, RangeParameters(zone, from, to), cancellationToken);
        var mix = QueryAsync<MixRow>(CapacitySql.Mix, RangeParameters(zone, from, to), cancellationToken);
        var forecast = QueryAsync<ForecastRow>(CapacitySql.Forecast, ForecastParameters(zone, weekStart, weekEnd), cancellationToken);
        await Task.WhenAll(occupancy, starts, mix, forecast);

        var days = BuildDaily(context, from, to, await occupancy);
        var (hours, heatmap, peakHour) = BuildHeatmap(context, from, to, await occupancy);
        var (slots, nurses) = BuildNurseLoad(context, from, to, await starts, days);
        var mixRows = await mix;
        var drugRows = DrugTotals(mixRows);
        return new CapacityDashboard(
            from, to, zone, context.ActiveChairs, days, BuildWeekdays(days), hours, heatmap, peakHour, slots, nurses,
            BuildOutcomes(mixRows), BuildDrugs(drugRows), BuildOverruns(drugRows),
            BuildForecast(context, weekStart, await forecast));
    }

    /// <summary>The forecast alone (26 weeks from the Monday of <paramref name="start"/>).</summary>
    public async Task<CapacityForecast> ForecastAsync(DateOnly start, CancellationToken cancellationToken = default)
    {
        var weekStart = MondayOf(start);
        var weekEnd = weekStart.AddDays(7 * ForecastWeeks);
        var context = await LoadContextAsync(weekStart, weekEnd.AddDays(-1), cancellationToken);
        var rows = await QueryAsync<ForecastRow>(CapacitySql.Forecast, ForecastParameters(context.Zone, weekStart, weekEnd), cancellationToken);
        return BuildForecast(context, weekStart, rows);
    }

    /// <summary>
    /// Transaction-local settings each capacity query runs with: room for the sorts and hashes of one range in memory,
    /// and no parallel workers (the dashboard already runs its four queries side by side; each covers tens of thousands of rows).
    /// </summary>
    public const string SessionSettings = "SET LOCAL work_mem = '32MB'; SET LOCAL max_parallel_workers_per_gather = 0";

    public static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>Parameters of the range queries (for callers that run <see cref="CapacitySql"/> themselves, e.g. EXPLAIN).</summary>
    public static NpgsqlParameter[] RangeParameters(string zone, DateOnly from, DateOnly to) =>
        [new("zone", zone), new("from", from), new("to", to)];

    public static NpgsqlParameter[] ForecastParameters(string zone, DateOnly start, DateOnly end) =>
        [new("zone", zone), new("start", start), new("end", end)];

    private Task<List<HourRow>> QueryOccupancyAsync(string zone, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        QueryAsync<HourRow>(CapacitySql.Occupancy, RangeParameters(zone, from, to), cancellationToken);

    private async Task<List<T>> QueryAsync<T>(string sql, NpgsqlParameter[] parameters, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(SessionSettings, cancellationToken);
        // SqlQueryRaw: the SQL holds no {n} placeholders; the Npgsql parameters are bound by name.
        var rows = await db.Database.SqlQueryRaw<T>(sql, parameters.Cast<object>().ToArray()).ToListAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows;
    }

    private async Task<CapacityContext> LoadContextAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var settings = await calendar.LoadAsync(from, to, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var chairs = await db.Chairs.CountAsync(c => c.Active, cancellationToken);
        return new CapacityContext(settings, chairs);
    }

    /// <summary>A day's booked minutes are the sum of its hours (rounded to the minute), its peak the highest hourly peak.</summary>
    private static IReadOnlyList<DailyCapacity> BuildDaily(CapacityContext context, DateOnly from, DateOnly to, List<HourRow> rows)
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

    private static IReadOnlyList<WeekdayCapacity> BuildWeekdays(IReadOnlyList<DailyCapacity> days) =>
        WeekOrder.Select(weekday =>
        {
            var open = days.Where(d => d.Date.DayOfWeek == weekday && d.OpenChairMinutes > 0).ToList();
            return open.Count == 0
                ? new WeekdayCapacity(weekday, Name(weekday), 0, 0, 0, 0, 0, 0)
                : new WeekdayCapacity(weekday, Name(weekday), open.Count,
                    open.Average(d => d.OpenChairMinutes), open.Average(d => d.BookedChairMinutes), open.Average(d => d.Utilization),
                    open.Average(d => d.PeakChairsInUse), open.Max(d => d.PeakChairsInUse));
        }).ToList();

    private static (IReadOnlyList<HourLoad> Hours, IReadOnlyList<HeatmapCell> Cells, int? PeakHour) BuildHeatmap(
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

    private static (IReadOnlyList<NurseSlotLoad> Slots, NurseSummary Summary) BuildNurseLoad(
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

    private static IReadOnlyList<OutcomeRow> BuildOutcomes(List<MixRow> rows)
    {
        var total = rows.Sum(r => r.Appointments);
        var counts = rows.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Sum(r => r.Appointments));
        return Enum.GetValues<AppointmentStatus>()
            .Select(s => (Label: OutcomeLabel(s), Count: counts.GetValueOrDefault(s.ToString())))
            .Select(x => new OutcomeRow(x.Label, x.Count, total == 0 ? 0 : (double)x.Count / total))
            .Append(new OutcomeRow("All appointments", total, total == 0 ? 0 : 1))
            .ToList();
    }

    public static string OutcomeLabel(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Booked => "Booked (not yet arrived)",
        AppointmentStatus.CheckedIn => "Checked in",
        AppointmentStatus.InChair => "In chair",
        AppointmentStatus.Completed => "Completed",
        AppointmentStatus.Cancelled => "Cancelled",
        AppointmentStatus.NoShow => "No-show",
        _ => status.ToString(),
    };

    /// <summary>The drug mix counts only appointments that hold chair time (not cancelled, not no-shows).</summary>
    private static List<MixRow> DrugTotals(List<MixRow> rows) => rows
        .Where(r => r.Status is not (nameof(AppointmentStatus.Cancelled) or nameof(AppointmentStatus.NoShow)))
        .GroupBy(r => r.Protocol, StringComparer.Ordinal)
        .Select(g => new MixRow
        {
            Protocol = g.Key,
            Appointments = g.Sum(r => r.Appointments),
            PlannedMinutes = g.Sum(r => r.PlannedMinutes),
            Measured = g.Sum(r => r.Measured),
            ActualMinutes = g.Sum(r => r.ActualMinutes),
            Overruns = g.Sum(r => r.Overruns),
            OverrunMinutes = g.Sum(r => r.OverrunMinutes),
        })
        .ToList();

    private static IReadOnlyList<DrugRow> BuildDrugs(List<MixRow> rows)
    {
        var totalMinutes = rows.Sum(r => r.PlannedMinutes);
        return rows
            .OrderByDescending(r => r.PlannedMinutes).ThenBy(r => r.Protocol, StringComparer.Ordinal)
            .Select(r => new DrugRow(
                r.Protocol.Length == 0 ? "(no dose linked)" : r.Protocol,
                r.Appointments,
                r.PlannedMinutes / 60.0,
                totalMinutes == 0 ? 0 : r.PlannedMinutes / totalMinutes,
                r.Appointments == 0 ? 0 : r.PlannedMinutes / r.Appointments,
                r.Measured,
                r.Measured == 0 ? null : r.ActualMinutes / r.Measured,
                r.Overruns,
                r.Overruns == 0 ? null : r.OverrunMinutes / r.Overruns))
            .ToList();
    }

    private static OverrunSummary BuildOverruns(List<MixRow> rows)
    {
        var measured = rows.Sum(r => r.Measured);
        var overran = rows.Sum(r => r.Overruns);
        var appointments = rows.Sum(r => r.Appointments);
        return new OverrunSummary(
            measured, overran, measured == 0 ? 0 : (double)overran / measured,
            overran == 0 ? null : rows.Sum(r => r.OverrunMinutes) / overran,
            measured == 0 ? null : rows.Sum(r => r.ActualMinutes) / measured,
            appointments == 0 ? null : rows.Sum(r => r.PlannedMinutes) / appointments);
    }

    private static CapacityForecast BuildForecast(CapacityContext context, DateOnly weekStart, List<ForecastRow> rows)
    {
        var weeks = new List<ForecastWeek>(ForecastWeeks);
        for (var w = 0; w < ForecastWeeks; w++)
        {
            var monday = weekStart.AddDays(7 * w);
            var capacity = Enumerable.Range(0, 7).Sum(i => context.OpenChairMinutes(monday.AddDays(i))) / 60.0;
            var booked = rows.Where(r => r.Kind == "booked" && r.Week == monday).Sum(r => r.ChairMinutes) / 60.0;
            var planned = rows.Where(r => r.Kind == "planned" && r.Week == monday).ToList();
            var plannedHours = planned.Sum(r => r.ChairMinutes) / 60.0;
            var demand = booked + plannedHours;
            var load = capacity == 0 ? (demand > 0 ? double.PositiveInfinity : 0) : demand / capacity;
            var status = load > 1 ? ForecastStatus.Over : load > TightLoad ? ForecastStatus.Tight : ForecastStatus.Ok;
            weeks.Add(new ForecastWeek(monday, capacity, booked, plannedHours, planned.Sum(r => r.Items), demand,
                double.IsInfinity(load) ? 0 : load, status));
        }

        var overdue = rows.Where(r => r.Kind == "planned" && r.Week is null).ToList();
        return new CapacityForecast(weekStart, weeks, overdue.Sum(r => r.Items), overdue.Sum(r => r.ChairMinutes) / 60.0);
    }

    private static readonly DayOfWeek[] WeekOrder =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private static string Name(DayOfWeek day) => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(day);

    private static IEnumerable<DateOnly> Dates(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            yield return d;
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private sealed record CapacityContext(ClinicSettings Settings, int ActiveChairs)
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

    // Rows of the grouped SQL (column aliases match the property names).
    private sealed class HourRow
    {
        public DateOnly Date { get; set; }
        public int Hour { get; set; }
        public double ChairMinutes { get; set; }
        public int PeakChairsInUse { get; set; }
    }

    private sealed class StartRow
    {
        public DateOnly Date { get; set; }
        public int Slot { get; set; }
        public int Starts { get; set; }
    }

    private sealed class MixRow
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

    private sealed class ForecastRow
    {
        public string Kind { get; set; } = "";
        public DateOnly? Week { get; set; }
        public int Items { get; set; }
        public double ChairMinutes { get; set; }
    }
}
