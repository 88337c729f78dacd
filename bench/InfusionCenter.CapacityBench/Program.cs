using System.Diagnostics;
using System.Globalization;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.ClinicCalendar;
using InfusionCenter.Web.Features.Capacity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

// Capacity dashboard benchmark: a throwaway PostgreSQL cluster, 40 chairs and 5 years of bookings
// (about a million appointments), then the dashboard's queries for a 3-month range, timed (median of
// several runs) and explained. Run: dotnet run -c Release --project bench/InfusionCenter.CapacityBench [-- --years 5 --runs 9]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var years = ArgValue("--years", 5);
var runs = ArgValue("--runs", 9);
var today = new DateOnly(2026, 11, 23); // a Monday; the data runs up to 8 weeks after it
var from = today.AddDays(-45);
var to = today.AddDays(45); // 91 clinic-local days
const string Zone = "America/New_York";

var keep = ArgText("--data"); // reuse (and keep) a seeded cluster between runs instead of a throwaway one
var validate = args.Contains("--validate"); // add the GiST exclusion constraints back after the load (slow; proves no overlaps)
var tmp = keep ?? Path.Combine(Path.GetTempPath(), "capacity-bench-" + Guid.NewGuid().ToString("N")[..8]);
Console.WriteLine($"Starting a {(keep is null ? "throwaway " : "")}PostgreSQL cluster in {tmp}");
var postgres = await LocalPostgres.StartAsync(new LocalPostgresOptions { DataDirectory = tmp, Durable = false, DeleteOnStop = keep is null }, m => Console.WriteLine($"  [pg] {m}"));
try
{
    var services = new ServiceCollection()
        .AddDbContextFactory<InfusionDbContext>(o => o.UseInfusionDatabase(postgres.ConnectionString))
        .BuildServiceProvider();
    var factory = services.GetRequiredService<IDbContextFactory<InfusionDbContext>>();
    await using (var db = await factory.CreateDbContextAsync())
    {
        await db.Database.MigrateAsync();
    }

    await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { CommandTimeout = 0 }.ConnectionString);
    await connection.OpenAsync();
    Console.WriteLine($"PostgreSQL {connection.PostgreSqlVersion}");

    if (await BenchSql.Scalar(connection, "SELECT count(*) FROM appointments") == "0")
    {
        var seedTime = Stopwatch.StartNew();
        var counts = await Seed.RunAsync(factory, connection, today, years, validate);
        Console.WriteLine($"Seeded {counts.Appointments:N0} appointments ({counts.Active:N0} holding chair time, {counts.Cancelled:N0} cancelled, " +
            $"{counts.NoShows:N0} no-shows) and {counts.Doses:N0} doses ({counts.Planned:N0} planned, unbooked) in {seedTime.Elapsed.TotalSeconds:0} s");
        await BenchSql.Exec(connection, "VACUUM ANALYZE");
    }
    else
    {
        Console.WriteLine($"Reusing {await BenchSql.Scalar(connection, "SELECT count(*) FROM appointments")} appointments in {tmp}");
    }
    Console.WriteLine($"Database size: {await BenchSql.Scalar(connection, "SELECT pg_size_pretty(pg_database_size(current_database()))")}; " +
        $"appointments table {await BenchSql.Scalar(connection, "SELECT pg_size_pretty(pg_total_relation_size('appointments'))")} with indexes");

    var service = new CapacityService(factory, new ClinicCalendarService(factory));
    var queries = new (string Name, string Sql, Func<NpgsqlParameter[]> Parameters)[]
    {
        ("occupancy (daily+heat map)", CapacitySql.Occupancy, () => CapacityService.RangeParameters(Zone, from, to)),
        ("nurse starts / 30 min", CapacitySql.Starts, () => CapacityService.RangeParameters(Zone, from, to)),
        ("outcomes, drug mix, overruns", CapacitySql.Mix, () => CapacityService.RangeParameters(Zone, from, to)),
        ("forecast (26 weeks)", CapacitySql.Forecast, () => CapacityService.ForecastParameters(Zone, CapacityService.MondayOf(today), CapacityService.MondayOf(today).AddDays(7 * 26))),
    };

    Console.WriteLine();
    Console.WriteLine($"Range {from:yyyy-MM-dd} .. {to:yyyy-MM-dd} ({to.DayNumber - from.DayNumber + 1} days), forecast from {CapacityService.MondayOf(today):yyyy-MM-dd}; median of {runs} runs");
    var result = await MeasureAsync("The migrations' indexes: appointments (starts_at), doses (status, target_date), regimens (pk)");

    Console.WriteLine();
    Console.WriteLine($"{"sum of the queries (one after another)",-40} {result.Queries.Sum(q => q.Ms),8:0.0} ms");
    Console.WriteLine($"{"DashboardAsync (side by side, total)",-40} {result.Dashboard,8:0.0} ms");
    Console.WriteLine($"{"DailyAsync (GET /api/capacity/daily)",-40} {result.Daily,8:0.0} ms");
    Console.WriteLine($"Goal: the dashboard's queries for a 3-month range < 300 ms -> {(Math.Max(result.Dashboard, result.Queries.Sum(q => q.Ms)) < 300 ? "met" : "NOT met")}");

    async Task<(List<(string Name, double Ms)> Queries, double Dashboard, double Daily)> MeasureAsync(string title)
    {
        Console.WriteLine();
        Console.WriteLine($"== {title}");
        var results = new List<(string Name, double Ms)>();
        foreach (var (name, sql, parameters) in queries)
        {
            await BenchSql.RunQuery(connection, sql, parameters()); // warm-up
            var times = new List<double>();
            var rows = 0;
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                rows = await BenchSql.RunQuery(connection, sql, parameters());
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            results.Add((name, BenchSql.Median(times)));
            Console.WriteLine($"  {name,-30} {BenchSql.Median(times),8:0.0} ms  (min {times.Min():0.0}, max {times.Max():0.0}; {rows} rows)");
        }

        var dashboard = new List<double>();
        var daily = new List<double>();
        CapacityDashboard? last = null;
        for (var i = 0; i <= runs; i++)
        {
            var watch = Stopwatch.StartNew();
            last = await service.DashboardAsync(from, to, today);
            if (i > 0)
            {
                dashboard.Add(watch.Elapsed.TotalMilliseconds);
            }

            watch.Restart();
            await service.DailyAsync(from, to);
            if (i > 0)
            {
                daily.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        Console.WriteLine($"  {"DashboardAsync (side by side)",-30} {BenchSql.Median(dashboard),8:0.0} ms  (min {dashboard.Min():0.0}, max {dashboard.Max():0.0}): " +
            $"utilization {last!.Utilization:P1}, peak {last.PeakChairsInUse} chairs, peak hour {last.PeakHour}, {last.Forecast.Weeks.Count(w => w.Status == ForecastStatus.Over)} weeks over");
        Console.WriteLine($"  {"DailyAsync (the API)",-30} {BenchSql.Median(daily),8:0.0} ms");

        foreach (var (name, _) in results.OrderByDescending(r => r.Ms).Take(3))
        {
            var (_, sql, parameters) = queries.First(q => q.Name == name);
            Console.WriteLine();
            Console.WriteLine($"  EXPLAIN (ANALYZE, BUFFERS) {name}:");
            foreach (var line in await BenchSql.Explain(connection, sql, parameters()))
            {
                Console.WriteLine("    " + line);
            }
        }

        return (results, BenchSql.Median(dashboard), BenchSql.Median(daily));
    }
}
finally
{
    await postgres.StopAsync();
}

string? ArgText(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

int ArgValue(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
