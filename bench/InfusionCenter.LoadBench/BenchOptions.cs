using System.Globalization;

namespace InfusionCenter.LoadBench;

/// <summary>Command-line options; every one has a default that works against <c>./run.sh</c> with its demo data.</summary>
internal sealed record BenchOptions
{
    public Uri Url { get; init; } = new("http://localhost:5080");
    public string Email { get; init; } = "nurse@infusion.test";
    public string Password { get; init; } = "Nurse#2026!";
    public int Seconds { get; init; } = 10;
    public int Clients { get; init; } = 20;
    public int Warmup { get; init; } = 2;
    public int Patients { get; init; } = 60;
    public int Minutes { get; init; } = 15;

    /// <summary>Bookings to plan; enough for about 1,000 bookings/s over warm-up and run unless given.</summary>
    public int? Bookings { get; init; }

    /// <summary>First date to book on; by default two years ahead, past the demo data and its seeded closures.</summary>
    public DateOnly From { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(2);

    /// <summary>Clinic hours when the app's answer does not name them (it does: a 400 for a booking at 00:00).</summary>
    public TimeOnly? Opens { get; init; }

    public TimeOnly? Closes { get; init; }

    public int PlannedBookings => Bookings ?? Math.Max(2_000, (Seconds + Warmup) * 1_000);

    public const string Usage = """
        InfusionCenter.LoadBench: requests/s and latency of the chairs list, a busy day's appointments and bookings,
        against a running app (./run.sh). Bookings go on dates far ahead and are cancelled at the end.
          --url http://localhost:5080   the app
          --email nurse@infusion.test --password 'Nurse#2026!'   a Nurse (or Admin) account
          --seconds 10   measured time per scenario        --clients 20   concurrent clients (connections)
          --warmup 2     unmeasured seconds before each    --patients 60  "Loadtest" patients to book (created once, kept)
          --bookings N   bookings to plan (default (seconds+warmup) x 1000)   --minutes 15   appointment length
          --from YYYY-MM-DD   first booking date (default: today + 2 years)
          --opens HH:mm --closes HH:mm   clinic hours, when the app's 400 does not name them
        """;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--url" => options with { Url = new Uri(Value()) },
                "--email" => options with { Email = Value() },
                "--password" => options with { Password = Value() },
                "--seconds" => options with { Seconds = Positive(name, Value()) },
                "--clients" => options with { Clients = Positive(name, Value()) },
                "--warmup" => options with { Warmup = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--patients" => options with { Patients = Positive(name, Value()) },
                "--minutes" => options with { Minutes = Positive(name, Value()) },
                "--bookings" => options with { Bookings = Positive(name, Value()) },
                "--from" => options with { From = DateOnly.ParseExact(Value(), "yyyy-MM-dd", CultureInfo.InvariantCulture) },
                "--opens" => options with { Opens = TimeOnly.ParseExact(Value(), "HH:mm", CultureInfo.InvariantCulture) },
                "--closes" => options with { Closes = TimeOnly.ParseExact(Value(), "HH:mm", CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
        }

        return options;
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"{name} must be a positive whole number.");
}
