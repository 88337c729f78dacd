using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using InfusionCenter.LoadBench;

// HTTP load benchmark against a running app (./run.sh): requests/s and p50/p95/p99 latency, with C concurrent clients
// for N seconds each, of GET /api/chairs, GET /api/appointments?date=<the busiest of the next 14 days> and
// POST /api/appointments (15-minute bookings of "Loadtest" patients on free cells far ahead, all cancelled at the end),
// then the two figures of issue 12: day listing ÷ chairs (goal ≥ 0.8) and bookings/s (goal ≥ 300 with p95 < 50 ms).
// Run: dotnet run -c Release --project bench/InfusionCenter.LoadBench [-- --seconds 10 --clients 20 --url http://localhost:5080]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

using var abort = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C stops the load; the bookings made so far are still cancelled.
    e.Cancel = !abort.IsCancellationRequested;
    abort.Cancel();
};

using var handler = new SocketsHttpHandler
{
    MaxConnectionsPerServer = options.Clients,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    UseCookies = false,
};
using var http = new HttpClient(handler) { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(30) };
var api = new Api(http);
var results = new List<ScenarioResult>();
var booked = new ConcurrentQueue<int>();
try
{
    if (!await api.HealthyAsync())
    {
        throw new SetupException($"Nothing healthy answers {options.Url}health: start the app first (./run.sh), or give --url.");
    }

    await api.SignInAsync(options.Email, options.Password);
    var chairs = (await api.ChairsAsync()).Where(c => c.Active).ToList();
    if (chairs.Count == 0)
    {
        throw new SetupException("The clinic has no active chair to book.");
    }

    var (busyDay, busyCount) = await BusiestDayAsync(api);
    Console.WriteLine($"{options.Url} · {options.Clients} clients · {options.Seconds} s per scenario (+{options.Warmup} s warm-up) · {Environment.ProcessorCount} cores on this machine");
    Console.WriteLine($"Busiest of the next 14 days: {busyDay:yyyy-MM-dd} ({busyCount} appointments); {chairs.Count} active chairs");

    var patients = await BookingPlanner.EnsurePatientsAsync(api, options.Patients, options.Clients);
    var plan = await BookingPlanner.BuildAsync(api, options, patients, chairs);
    Console.WriteLine($"Booking plan: {plan.Bodies.Count:N0} × {options.Minutes} min for {patients.Count} \"{BookingPlanner.FamilyName}\" patients on {plan.Dates} open days "
        + $"{plan.First:yyyy-MM-dd} … {plan.Last:yyyy-MM-dd} ({plan.Hours}; {plan.ClosedDays} closed days skipped, {plan.Taken} cells already taken"
        + (plan.Leftovers > 0 ? $", {plan.Leftovers} bookings of an interrupted run cancelled" : "") + ")");

    var bookingIndex = -1;
    Scenario[] scenarios =
    [
        new() { Name = "GET /api/chairs", Next = () => new HttpRequestMessage(HttpMethod.Get, new Uri("/api/chairs", UriKind.Relative)) },
        new() { Name = "GET /api/appointments?date=", Next = () => new HttpRequestMessage(HttpMethod.Get, new Uri(Api.DayPath(busyDay), UriKind.Relative)) },
        new()
        {
            Name = "POST /api/appointments",
            Next = () => Interlocked.Increment(ref bookingIndex) is var i && i < plan.Bodies.Count ? Api.BookRequest(plan.Bodies[i]) : null,
            Classify = status => status switch { HttpStatusCode.Created => Outcome.Ok, HttpStatusCode.Conflict => Outcome.Conflict, _ => Outcome.Error },
            OnOk = body => booked.Enqueue(Api.IdOf(body)),
        },
    ];
    foreach (var scenario in scenarios)
    {
        if (abort.IsCancellationRequested)
        {
            break;
        }

        if (options.Warmup > 0)
        {
            await LoadRunner.RunAsync(http, scenario, options.Clients, TimeSpan.FromSeconds(options.Warmup), abort.Token);
        }

        var result = await LoadRunner.RunAsync(http, scenario, options.Clients, TimeSpan.FromSeconds(options.Seconds), abort.Token);
        results.Add(result);
        Console.WriteLine($"  {result.Name}: {result.Requests:N0} requests in {result.Seconds:0.0} s" + (result.RanDry ? " (the booking plan ran out: give --bookings)" : "")
            + (abort.IsCancellationRequested ? " (stopped by Ctrl+C)" : ""));
    }
}
catch (SetupException e)
{
    Console.Error.WriteLine("Cannot run: " + e.Message);
    return 1;
}
catch (HttpRequestException e)
{
    Console.Error.WriteLine($"Cannot run: {options.Url} stopped answering ({e.Message}).");
    return 1;
}
finally
{
    if (!booked.IsEmpty)
    {
        // Leave the clinic as it was: every booking made (warm-up included) is cancelled, at the same concurrency.
        var count = booked.Count;
        var cleanup = await LoadRunner.RunAsync(http, new Scenario
        {
            Name = "DELETE /api/appointments/{id} (clean-up)",
            Next = () => booked.TryDequeue(out var id) ? Api.CancelRequest(id) : null,
        }, options.Clients, duration: null, CancellationToken.None);
        results.Add(cleanup);
        Console.WriteLine($"  cancelled {cleanup.Ok:N0} of {count:N0} bookings" + (cleanup.Errors > 0 ? $" ({cleanup.Errors} failed: see below)" : ""));
    }
}

Report.Print(results);
return 0;

static async Task<(DateOnly Day, int Count)> BusiestDayAsync(Api api)
{
    var today = DateOnly.FromDateTime(DateTime.Now);
    var best = (Day: today, Count: -1);
    for (var i = 0; i < 14; i++)
    {
        var count = (await api.DayAsync(today.AddDays(i))).Count(a => a.HoldsChair);
        if (count > best.Count)
        {
            best = (today.AddDays(i), count);
        }
    }

    return best;
}
