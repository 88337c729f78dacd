using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.ClinicCalendar;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InfusionCenter.Web.Features.Capacity;

/// <summary>
/// The capacity dashboard for managers: utilization per day and weekday, chairs in use by hour, nurse load,
/// outcomes, drug mix and overruns for a range of clinic-local days, plus a 26-week demand forecast.
/// Every aggregate over appointments and doses runs in PostgreSQL (<see cref="CapacitySql"/>); this class runs the
/// queries and hands the grouped rows to <see cref="CapacityFigures"/>, <see cref="CapacityMix"/> and
/// <see cref="CapacityForecasting"/>, which combine them with the clinic's hours, closures, staffing and chair count.
/// </summary>
public sealed class CapacityService(IDbContextFactory<InfusionDbContext> dbFactory, ClinicCalendarService calendar)
{
    /// <summary>Longest range one request may ask for (days, inclusive).</summary>
    public const int MaxRangeDays = 366;

    public const int ForecastWeeks = 26;

    /// <summary>A week whose demand is above this share of capacity is "tight".</summary>
    public const double TightLoad = 0.85;

    /// <summary>
    /// Transaction-local settings each capacity query runs with: room for the sorts and hashes of one range in memory,
    /// and no parallel workers (the dashboard already runs its four queries side by side; each covers tens of thousands of rows).
    /// </summary>
    public const string SessionSettings = "SET LOCAL work_mem = '32MB'; SET LOCAL max_parallel_workers_per_gather = 0";

    private static readonly CapacityRangeValidator RangeValidator = new();

    /// <summary>
    /// Checks a requested range with <see cref="CapacityRangeValidator"/> (both dates present, the end on or after the start,
    /// at most <see cref="MaxRangeDays"/> days). <paramref name="errors"/> may already hold a field's error (a date that
    /// did not parse); that field keeps it.
    /// </summary>
    /// <exception cref="Infrastructure.RequestValidationException">The range is not valid; keyed <c>from</c>/<c>to</c>.</exception>
    public static (DateOnly From, DateOnly To) ValidateRange(DateOnly? from, DateOnly? to, IDictionary<string, string[]> errors)
    {
        foreach (var failure in RangeValidator.Validate(new CapacityRange { From = from, To = to }).Errors)
        {
            var field = failure.PropertyName == nameof(CapacityRange.From) ? "from" : "to";
            errors.TryAdd(field, [failure.ErrorMessage]);
        }

        if (errors.Count > 0)
        {
            throw new Infrastructure.RequestValidationException(errors, string.Join(" ", errors.Values.SelectMany(v => v)));
        }

        return (from!.Value, to!.Value);
    }

    /// <summary>The words the page and the CSV use for an appointment outcome.</summary>
    public static string OutcomeLabel(AppointmentStatus status) => CapacityMix.OutcomeLabel(status);

    public static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>Parameters of the range queries (for callers that run <see cref="CapacitySql"/> themselves, e.g. EXPLAIN).</summary>
    public static NpgsqlParameter[] RangeParameters(string zone, DateOnly from, DateOnly to) =>
        [new("zone", zone), new("from", from), new("to", to)];

    public static NpgsqlParameter[] ForecastParameters(string zone, DateOnly start, DateOnly end) =>
        [new("zone", zone), new("start", start), new("end", end)];

    /// <summary>API.md <c>GET /api/capacity/daily</c>.</summary>
    public async Task<IReadOnlyList<DailyCapacity>> DailyAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var context = await LoadContextAsync(from, to, cancellationToken);
        var rows = await QueryOccupancyAsync(context.Zone, from, to, cancellationToken);
        return CapacityFigures.Daily(context, from, to, rows);
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

        var days = CapacityFigures.Daily(context, from, to, await occupancy);
        var (hours, heatmap, peakHour) = CapacityFigures.Heatmap(context, from, to, await occupancy);
        var (slots, nurses) = CapacityFigures.NurseLoad(context, from, to, await starts, days);
        var mixRows = await mix;
        var drugRows = CapacityMix.DrugTotals(mixRows);
        return new CapacityDashboard(
            from, to, zone, context.ActiveChairs, days, CapacityFigures.Weekdays(days), hours, heatmap, peakHour, slots, nurses,
            CapacityMix.Outcomes(mixRows), CapacityMix.Drugs(drugRows), CapacityMix.Overruns(drugRows),
            CapacityForecasting.Build(context, weekStart, await forecast));
    }

    /// <summary>The forecast alone (26 weeks from the Monday of <paramref name="start"/>).</summary>
    public async Task<CapacityForecast> ForecastAsync(DateOnly start, CancellationToken cancellationToken = default)
    {
        var weekStart = MondayOf(start);
        var weekEnd = weekStart.AddDays(7 * ForecastWeeks);
        var context = await LoadContextAsync(weekStart, weekEnd.AddDays(-1), cancellationToken);
        var rows = await QueryAsync<ForecastRow>(CapacitySql.Forecast, ForecastParameters(context.Zone, weekStart, weekEnd), cancellationToken);
        return CapacityForecasting.Build(context, weekStart, rows);
    }

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

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
