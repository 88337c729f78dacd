using System.Diagnostics;
using System.Globalization;
using FluentValidation;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Patients;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

// Patient search benchmark: a throwaway PostgreSQL cluster with 50,000 patients (accented and hyphenated names among
// them), then PatientService.SearchAsync (what the search box and GET /api/patients?search= run: count + first page)
// for the terms nurses type, timed (median and worst of several runs) and explained.
// Run: dotnet run -c Release --project bench/InfusionCenter.SearchBench [-- --patients 50000 --runs 15]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var patients = ArgValue("--patients", 50_000);
var runs = ArgValue("--runs", 15);
var dir = Path.Combine(Path.GetTempPath(), "search-bench-" + Guid.NewGuid().ToString("N")[..8]);
Console.WriteLine($"Starting a throwaway PostgreSQL cluster in {dir}");
await using var postgres = await LocalPostgres.StartAsync(new LocalPostgresOptions { DataDirectory = dir, Durable = false, DeleteOnStop = true });
await using var services = new ServiceCollection()
    .AddLogging()
    .AddSingleton(TimeProvider.System)
    .AddSingleton<ClinicClock>()
    .AddValidatorsFromAssemblyContaining<PatientService>(ServiceLifetime.Singleton)
    .AddScoped<PatientService>()
    .AddDbContextFactory<InfusionDbContext>(o => o.UseInfusionDatabase(postgres.ConnectionString))
    .BuildServiceProvider();
var factory = services.GetRequiredService<IDbContextFactory<InfusionDbContext>>();
await using (var db = await factory.CreateDbContextAsync())
{
    await db.Database.MigrateAsync();
}

await using var connection = new NpgsqlConnection(postgres.ConnectionString);
await connection.OpenAsync();
var seeded = Stopwatch.StartNew();
await SeedAsync(connection, patients);
await new NpgsqlCommand("VACUUM ANALYZE patients", connection).ExecuteNonQueryAsync();
Console.WriteLine($"PostgreSQL {connection.PostgreSqlVersion}; {patients:N0} patients seeded in {seeded.Elapsed.TotalSeconds:0.0} s");

var terms = new[] { "Quinlan, H", "harriet quinlan", "sorensen", "SØRENSEN a", "garcia maria", "o'brien-smith", "MRN0012", "smi", "a", "zzzz" };
Console.WriteLine($"{"term",-18} {"found",7} {"median ms",10} {"max ms",8}");
double worstMedian = 0;
foreach (var term in terms)
{
    var times = new List<double>();
    var total = 0;
    for (var i = 0; i < runs; i++)
    {
        await using var scope = services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<PatientService>();
        var watch = Stopwatch.StartNew();
        (_, total) = await search.SearchAsync(term, 0, 15);
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    var median = times[times.Count / 2];
    worstMedian = Math.Max(worstMedian, median);
    Console.WriteLine($"{term,-18} {total,7:N0} {median,10:0.0} {times[^1],8:0.0}");
}

Console.WriteLine($"Slowest median: {worstMedian:0.0} ms (goal: under 200 ms for {patients:N0} patients)");
await using (var explain = new NpgsqlCommand(
    "EXPLAIN (ANALYZE, COSTS OFF) SELECT count(*) FROM patients p WHERE p.search_text LIKE f_search_key('%quinlan%') AND p.search_text LIKE f_search_key('%h%')", connection))
await using (var reader = await explain.ExecuteReaderAsync())
{
    Console.WriteLine("Plan of \"Quinlan, H\" (count):");
    while (await reader.ReadAsync())
    {
        Console.WriteLine("  " + reader.GetString(0));
    }
}

static async Task SeedAsync(NpgsqlConnection connection, int count)
{
    string[] given = ["Harriet", "Maria", "José", "Astrid", "Mary-Kate", "Chen", "Aisha", "Björn", "Zoë", "Liam", "Noor", "François", "Ingrid", "Kwame", "Sofia", "Yuki"];
    string[] family = ["Quinlan", "García", "Sørensen", "O'Brien-Smith", "Nguyen", "Müller", "Okafor", "Smith", "Johansson", "Núñez", "Kowalski", "Haddad", "Dubois", "Ito", "Brennan", "Fischer"];
    var random = new Random(42);
    await using var writer = await connection.BeginBinaryImportAsync(
        "COPY patients (mrn, given_name, family_name, birth_date, created_at, preferred_time) FROM STDIN (FORMAT BINARY)");
    for (var i = 0; i < count; i++)
    {
        await writer.StartRowAsync();
        await writer.WriteAsync($"MRN{i:D7}");
        await writer.WriteAsync(given[random.Next(given.Length)] + (i % 7 == 0 ? "" : (i % given.Length).ToString(CultureInfo.InvariantCulture)));
        await writer.WriteAsync(family[random.Next(family.Length)] + (i % 5 == 0 ? "" : $"{(char)('a' + i % 26)}{(char)('a' + i / 26 % 26)}"));
        await writer.WriteAsync(new DateOnly(1940, 1, 1).AddDays(random.Next(25_000)), NpgsqlTypes.NpgsqlDbType.Date);
        await writer.WriteAsync(DateTime.UtcNow, NpgsqlTypes.NpgsqlDbType.TimestampTz);
        await writer.WriteAsync("None");
    }

    await writer.CompleteAsync();
}

int ArgValue(string name, int fallback) =>
    Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) ? v : fallback;
