namespace InfusionCenter.LoadBench;

/// <summary>The table of every scenario, the answers other than success, and issue 12's two figures.</summary>
internal static class Report
{
    public static void Print(IReadOnlyList<ScenarioResult> results)
    {
        if (results.Count == 0)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine($"{"scenario",-42} {"requests",9} {"req/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"409",6} {"errors",6}");
        foreach (var r in results)
        {
            Console.WriteLine($"{r.Name,-42} {r.Requests,9:N0} {r.RequestsPerSecond,8:0.0} {r.Percentile(50),8:0.0} {r.Percentile(95),8:0.0} {r.Percentile(99),8:0.0} {r.Percentile(100),8:0.0} {r.Conflicts,6} {r.Errors,6}");
        }

        foreach (var r in results.Where(r => r.Samples.Count > 0))
        {
            Console.WriteLine($"Answers other than success for {r.Name}:");
            foreach (var (text, count) in r.Samples.OrderByDescending(s => s.Value))
            {
                Console.WriteLine($"  {count,6} × {text}");
            }
        }

        Console.WriteLine();
        var chairs = results.FirstOrDefault(r => r.Name == "GET /api/chairs");
        var day = results.FirstOrDefault(r => r.Name.StartsWith("GET /api/appointments", StringComparison.Ordinal));
        var bookings = results.FirstOrDefault(r => r.Name == "POST /api/appointments");
        if (chairs is not null && day is not null)
        {
            // Successful answers per second, so that fast failures cannot flatter a ratio.
            var ratio = day.OkPerSecond / chairs.OkPerSecond;
            Console.WriteLine($"Day listing ÷ chairs: {day.OkPerSecond:0.0} / {chairs.OkPerSecond:0.0} req/s = {ratio:0.00}×  (goal ≥ 0.80×: {Verdict(ratio >= 0.8)})");
        }

        if (bookings is not null)
        {
            var p95 = bookings.Percentile(95);
            Console.WriteLine($"Bookings: {bookings.OkPerSecond:0.0} created/s, p95 {p95:0.0} ms  (goal ≥ 300/s with p95 < 50 ms: {Verdict(bookings.OkPerSecond >= 300 && p95 < 50)})");
        }
    }

    private static string Verdict(bool met) => met ? "met" : "not met";
}
