using System.Diagnostics;
using System.Globalization;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.ClinicCalendar;
using InfusionCenter.Web.Features.Capacity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

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

    if (await Scalar(connection, "SELECT count(*) FROM appointments") == "0")
    {
        var seedTime = Stopwatch.StartNew();
        var counts = await Seed.RunAsync(factory, connection, today, years, validate);
        Console.WriteLine($"Seeded {counts.Appointments:N0} appointments ({counts.Active:N0} holding chair time, {counts.Cancelled:N0} cancelled, " +
            $"{counts.NoShows:N0} no-shows) and {counts.Doses:N0} doses ({counts.Planned:N0} planned, unbooked) in {seedTime.Elapsed.TotalSeconds:0} s");
        await Exec(connection, "VACUUM ANALYZE");
    }
    else
    {
        Console.WriteLine($"Reusing {await Scalar(connection, "SELECT count(*) FROM appointments")} appointments in {tmp}");
    }
    Console.WriteLine($"Database size: {await Scalar(connection, "SELECT pg_size_pretty(pg_database_size(current_database()))")}; " +
        $"appointments table {await Scalar(connection, "SELECT pg_size_pretty(pg_total_relation_size('appointments'))")} with indexes");

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
            await RunQuery(connection, sql, parameters()); // warm-up
            var times = new List<double>();
            var rows = 0;
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                rows = await RunQuery(connection, sql, parameters());
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            results.Add((name, Median(times)));
            Console.WriteLine($"  {name,-30} {Median(times),8:0.0} ms  (min {times.Min():0.0}, max {times.Max():0.0}; {rows} rows)");
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

        Console.WriteLine($"  {"DashboardAsync (side by side)",-30} {Median(dashboard),8:0.0} ms  (min {dashboard.Min():0.0}, max {dashboard.Max():0.0}): " +
            $"utilization {last!.Utilization:P1}, peak {last.PeakChairsInUse} chairs, peak hour {last.PeakHour}, {last.Forecast.Weeks.Count(w => w.Status == ForecastStatus.Over)} weeks over");
        Console.WriteLine($"  {"DailyAsync (the API)",-30} {Median(daily),8:0.0} ms");

        foreach (var (name, _) in results.OrderByDescending(r => r.Ms).Take(3))
        {
            var (_, sql, parameters) = queries.First(q => q.Name == name);
            Console.WriteLine();
            Console.WriteLine($"  EXPLAIN (ANALYZE, BUFFERS) {name}:");
            foreach (var line in await Explain(connection, sql, parameters()))
            {
                Console.WriteLine("    " + line);
            }
        }

        return (results, Median(dashboard), Median(daily));
    }
}
finally
{
    await postgres.StopAsync();
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static async Task<int> RunQuery(NpgsqlConnection connection, string sql, NpgsqlParameter[] parameters)
{
    await using var transaction = await connection.BeginTransactionAsync();
    await using (var settings = new NpgsqlCommand(CapacityService.SessionSettings, connection, transaction))
    {
        await settings.ExecuteNonQueryAsync();
    }

    await using var command = new NpgsqlCommand(sql, connection, transaction);
    command.Parameters.AddRange(parameters);
    await using var reader = await command.ExecuteReaderAsync();
    var rows = 0;
    while (await reader.ReadAsync())
    {
        rows++;
    }

    await reader.CloseAsync();
    await transaction.CommitAsync();
    return rows;
}

static async Task<List<string>> Explain(NpgsqlConnection connection, string sql, NpgsqlParameter[] parameters)
{
    await using var transaction = await connection.BeginTransactionAsync();
    await using (var settings = new NpgsqlCommand(CapacityService.SessionSettings, connection, transaction))
    {
        await settings.ExecuteNonQueryAsync();
    }

    await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql, connection, transaction);
    command.Parameters.AddRange(parameters);
    await using var reader = await command.ExecuteReaderAsync();
    var lines = new List<string>();
    while (await reader.ReadAsync())
    {
        lines.Add(reader.GetString(0));
    }

    await reader.CloseAsync();
    await transaction.CommitAsync();
    return lines;
}

static async Task Exec(NpgsqlConnection connection, string sql)
{
    await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
    await command.ExecuteNonQueryAsync();
}

static async Task<string> Scalar(NpgsqlConnection connection, string sql)
{
    await using var command = new NpgsqlCommand(sql, connection);
    return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? "";
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

/// <summary>
/// Realistic volume: a 40-chair center open 06:00–22:00 every day, each chair booked back to back with the
/// six protocols' chair times (short visits most common), 4 % no-shows and 7 % cancellations in the past,
/// overruns on one infusion in five, and each regimen's next doses planned (unbooked) for the coming year.
/// Patients are tied to one chair and one protocol, so no two active appointments overlap per chair or patient
/// (the exclusion constraints stay on). Appointments and doses are written with binary COPY.
/// </summary>
internal static class Seed
{
    private const int Chairs = 40;
    private const int PatientsPerChairAndProtocol = 30;

    private static readonly (string Code, string Drug, int Minutes, int Weight, int IntervalDays)[] Mix =
    [
        ("ocrelizumab-sc", "ocrelizumab (subcutaneous)", 30, 20, 168), ("mitoxantrone", "mitoxantrone", 45, 32, 91),
        ("methylprednisolone", "methylprednisolone", 60, 24, 120), ("natalizumab", "natalizumab", 120, 14, 28),
        ("ublituximab", "ublituximab", 60, 6, 168), ("ocrelizumab", "ocrelizumab", 210, 3, 168), ("alemtuzumab", "alemtuzumab", 420, 1, 365),
    ];

    public sealed record Counts(long Appointments, long Active, long Cancelled, long NoShows, long Doses, long Planned);

    private struct Visit
    {
        public int Patient;
        public int Chair;
        public int? Dose;
        public string? Protocol;
        public DateTime Start;
        public DateTime End;
        public string Status;
        public DateTime? InChair;
        public DateTime? Completed;
    }

    public static async Task<Counts> RunAsync(IDbContextFactory<InfusionDbContext> factory, NpgsqlConnection connection, DateOnly today, int years, bool validate)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var first = today.AddDays(56).AddYears(-years);
        var last = today.AddDays(55);
        var random = new Random(42);

        // Reference data through EF Core: clinic, hours, chairs, protocols, patients, one regimen per patient.
        int[] chairIds;
        int[,,] patientIds = new int[Chairs, Mix.Length, PatientsPerChairAndProtocol];
        int[,,] regimenIds = new int[Chairs, Mix.Length, PatientsPerChairAndProtocol];
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Clinics.Add(new Clinic
            {
                Name = "Benchmark Infusion Center", TimeZone = zone.Id, DefaultNursesOnShift = 10, MaxPatientsPerNurse = 4, MaxStartsPerNursePer30Minutes = 2,
                OpeningHours = Enum.GetValues<DayOfWeek>().Select(d => new OpeningHours { Weekday = d, Opens = new TimeOnly(6, 0), Closes = new TimeOnly(22, 0) }).ToList(),
            });
            var chairs = Enumerable.Range(1, Chairs).Select(i => new Chair { Name = $"Chair {i:00}", Kind = i % 10 == 0 ? ChairKind.Bed : ChairKind.Recliner, SortOrder = i }).ToList();
            db.Chairs.AddRange(chairs);
            var versions = Mix.Select(m =>
            {
                var protocol = new ProtocolEntity { Code = m.Code, CurrentVersion = 1, Drug = new DrugEntity { GenericName = m.Drug } };
                return new ProtocolVersion { Protocol = protocol, Version = 1, Name = m.Drug, DefinitionJson = "{}", CreatedAt = DateTimeOffset.UtcNow };
            }).ToList();
            db.ProtocolVersions.AddRange(versions);
            await db.SaveChangesAsync();
            chairIds = chairs.Select(c => c.Id).ToArray();

            var regimens = new List<(int C, int P, int K, Regimen Regimen)>();
            for (var c = 0; c < Chairs; c++)
            {
                for (var p = 0; p < Mix.Length; p++)
                {
                    for (var k = 0; k < PatientsPerChairAndProtocol; k++)
                    {
                        var patient = new Patient
                        {
                            Mrn = $"B{c:00}{p}{k:000}", GivenName = "Bench", FamilyName = $"Patient{c}-{p}-{k}",
                            BirthDate = new DateOnly(1960, 1, 1).AddDays(random.Next(0, 365 * 40)), CreatedAt = DateTimeOffset.UtcNow,
                        };
                        regimens.Add((c, p, k, new Regimen
                        {
                            Patient = patient, ProtocolVersionId = versions[p].Id, Start = first, Until = today.AddYears(2),
                            Status = RegimenStatus.Active, CreatedAt = DateTimeOffset.UtcNow,
                        }));
                    }
                }
            }

            db.Regimens.AddRange(regimens.Select(r => r.Regimen));
            await db.SaveChangesAsync();
            foreach (var (c, p, k, regimen) in regimens)
            {
                patientIds[c, p, k] = regimen.PatientId;
                regimenIds[c, p, k] = regimen.Id;
            }
        }

        // Appointments and their doses (COPY, explicit ids).
        var sequence = new Dictionary<int, int>();
        var visits = new List<Visit>(1_100_000);
        var doseId = 0;
        long planned = 0;
        await using (var doses = await connection.BeginBinaryImportAsync(
            "COPY doses (id, regimen_id, sequence, target_date, earliest, latest, amount, unit, chair_minutes, course, day_in_course, label, status, given_on) FROM STDIN (FORMAT BINARY)"))
        {
            doses.Timeout = TimeSpan.FromMinutes(30);
            async Task WriteDose(int regimen, DateOnly date, int minutes, string status, DateOnly? given)
            {
                var seq = sequence[regimen] = sequence.GetValueOrDefault(regimen) + 1;
                await doses.StartRowAsync();
                await doses.WriteAsync(++doseId, NpgsqlDbType.Integer);
                await doses.WriteAsync(regimen, NpgsqlDbType.Integer);
                await doses.WriteAsync(seq, NpgsqlDbType.Integer);
                await doses.WriteAsync(date, NpgsqlDbType.Date);
                await doses.WriteAsync(date.AddDays(-7), NpgsqlDbType.Date);
                await doses.WriteAsync(date.AddDays(7), NpgsqlDbType.Date);
                await doses.WriteAsync(300m, NpgsqlDbType.Numeric);
                await doses.WriteAsync("mg", NpgsqlDbType.Varchar);
                await doses.WriteAsync(minutes, NpgsqlDbType.Integer);
                await doses.WriteAsync(1, NpgsqlDbType.Integer);
                await doses.WriteAsync(1, NpgsqlDbType.Integer);
                await doses.WriteAsync($"Dose {seq}", NpgsqlDbType.Varchar);
                await doses.WriteAsync(status, NpgsqlDbType.Varchar);
                if (given is { } g)
                {
                    await doses.WriteAsync(g, NpgsqlDbType.Date);
                }
                else
                {
                    await doses.WriteNullAsync();
                }
            }

            var totalWeight = Mix.Sum(m => m.Weight);
            var closes = new TimeOnly(22, 0).ToTimeSpan();
            for (var day = first; day <= last; day = day.AddDays(1))
            {
                var past = day < today;
                var midnight = day.ToDateTime(TimeOnly.MinValue);
                for (var c = 0; c < Chairs; c++)
                {
                    var t = new TimeSpan(6, 15 * random.Next(0, 4), 0);
                    while (true)
                    {
                        var pick = random.Next(totalWeight);
                        var p = 0;
                        while ((pick -= Mix[p].Weight) >= 0)
                        {
                            p++;
                        }

                        var minutes = Mix[p].Minutes;
                        if (t + TimeSpan.FromMinutes(minutes) > closes)
                        {
                            break;
                        }

                        var k = random.Next(PatientsPerChairAndProtocol);
                        var start = TimeZoneInfo.ConvertTimeToUtc(midnight + t, zone);
                        var end = start.AddMinutes(minutes);
                        var roll = random.Next(100);
                        var status = past
                            ? roll < 4 ? "NoShow" : roll < 11 ? "Cancelled" : "Completed"
                            : roll < 6 ? "Cancelled" : "Booked";
                        int? dose = null;
                        if (status != "Cancelled")
                        {
                            await WriteDose(regimenIds[c, p, k], day, minutes, status switch { "Completed" => "Given", "NoShow" => "Missed", _ => "Booked" },
                                status == "Completed" ? day : null);
                            dose = doseId;
                        }

                        var late = random.Next(100) < 20 ? random.Next(5, 61) : -random.Next(0, 11);
                        visits.Add(new Visit
                        {
                            Patient = patientIds[c, p, k], Chair = chairIds[c], Dose = dose, Protocol = dose is null ? null : Mix[p].Code, Start = start, End = end, Status = status,
                            InChair = status == "Completed" ? start.AddMinutes(random.Next(0, 11)) : null,
                            Completed = status == "Completed" ? end.AddMinutes(late) : null,
                        });
                        if (status == "Cancelled")
                        {
                            continue; // the slot is offered again (rebooked from the waitlist)
                        }

                        t += TimeSpan.FromMinutes(minutes + (15 * (random.Next(20) switch { < 16 => 0, < 19 => 1, _ => 2 })));
                    }
                }
            }

            // The coming year's doses of every regimen, planned and not booked yet (what the forecast adds).
            for (var c = 0; c < Chairs; c++)
            {
                for (var p = 0; p < Mix.Length; p++)
                {
                    for (var k = 0; k < PatientsPerChairAndProtocol; k++)
                    {
                        for (var date = last.AddDays(1 + random.Next(Mix[p].IntervalDays)); date <= today.AddYears(1); date = date.AddDays(Mix[p].IntervalDays))
                        {
                            await WriteDose(regimenIds[c, p, k], date, Mix[p].Minutes, "Planned", null);
                            planned++;
                        }
                    }
                }
            }

            await doses.CompleteAsync();
        }

        // The two exclusion constraints (GiST) are dropped for the load and added back afterwards: building them in
        // bulk is much faster than checking row by row, and adding them validates that no active appointments overlap.
        var constraints = new List<(string Name, string Definition)>();
        await using (var command = new NpgsqlCommand(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'appointments'::regclass AND contype = 'x'", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                constraints.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in constraints)
        {
            await using var drop = new NpgsqlCommand($"ALTER TABLE appointments DROP CONSTRAINT {name}", connection);
            await drop.ExecuteNonQueryAsync();
        }

        Console.WriteLine($"  doses written ({doseId:N0}); writing {visits.Count:N0} appointments...");
        await using (var appointments = await connection.BeginBinaryImportAsync(
            "COPY appointments (id, patient_id, dose_id, protocol_code, chair_id, starts_at, ends_at, status, booked_by, booked_at, in_chair_at, completed_at, cancelled_at, cancel_reason) FROM STDIN (FORMAT BINARY)"))
        {
            appointments.Timeout = TimeSpan.FromMinutes(30);
            var id = 0;
            foreach (var v in visits)
            {
                await appointments.StartRowAsync();
                await appointments.WriteAsync(++id, NpgsqlDbType.Integer);
                await appointments.WriteAsync(v.Patient, NpgsqlDbType.Integer);
                await WriteNullable(appointments, v.Dose, NpgsqlDbType.Integer);
                await WriteNullable(appointments, v.Protocol, NpgsqlDbType.Varchar);
                await appointments.WriteAsync(v.Chair, NpgsqlDbType.Integer);
                await appointments.WriteAsync(v.Start, NpgsqlDbType.TimestampTz);
                await appointments.WriteAsync(v.End, NpgsqlDbType.TimestampTz);
                await appointments.WriteAsync(v.Status, NpgsqlDbType.Varchar);
                await appointments.WriteAsync("bench", NpgsqlDbType.Varchar);
                await appointments.WriteAsync(v.Start.AddDays(-21), NpgsqlDbType.TimestampTz);
                await WriteNullable(appointments, v.InChair, NpgsqlDbType.TimestampTz);
                await WriteNullable(appointments, v.Completed, NpgsqlDbType.TimestampTz);
                await WriteNullable(appointments, v.Status == "Cancelled" ? v.Start.AddDays(-2) : (DateTime?)null, NpgsqlDbType.TimestampTz);
                await WriteNullable(appointments, v.Status == "Cancelled" ? "Patient request" : null, NpgsqlDbType.Varchar);
            }

            await appointments.CompleteAsync();
        }

        if (!validate && constraints.Count > 0)
        {
            Console.WriteLine("  exclusion constraints left off (the capacity queries never use their GiST indexes; --validate adds them back, ~8 min)");
        }

        foreach (var (name, definition) in validate ? constraints : [])
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await using var add = new NpgsqlCommand($"ALTER TABLE appointments ADD CONSTRAINT {name} {definition}", connection) { CommandTimeout = 0 };
            await add.ExecuteNonQueryAsync();
            Console.WriteLine($"  {name} added back (validated) in {watch.Elapsed.TotalSeconds:0} s");
        }

        await using (var command = new NpgsqlCommand(
            "SELECT setval(pg_get_serial_sequence('doses', 'id'), (SELECT max(id) FROM doses)); " +
            "SELECT setval(pg_get_serial_sequence('appointments', 'id'), (SELECT max(id) FROM appointments));", connection))
        {
            await command.ExecuteNonQueryAsync();
        }

        var cancelled = visits.LongCount(v => v.Status == "Cancelled");
        var noShows = visits.LongCount(v => v.Status == "NoShow");
        return new Counts(visits.Count, visits.Count - cancelled - noShows, cancelled, noShows, doseId, planned);
    }

    private static async Task WriteNullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type) where T : struct
    {
        if (value is { } v)
        {
            await writer.WriteAsync(v, type);
        }
        else
        {
            await writer.WriteNullAsync();
        }
    }

    private static async Task WriteNullable(NpgsqlBinaryImporter writer, string? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            await writer.WriteNullAsync();
        }
        else
        {
            await writer.WriteAsync(value, type);
        }
    }
}
