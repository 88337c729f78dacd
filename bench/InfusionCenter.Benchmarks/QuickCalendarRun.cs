using System.Diagnostics;
using System.Globalization;

namespace InfusionCenter.Benchmarks;

/// <summary>
/// <c>calendar-quick</c>: a plain Stopwatch measurement of <see cref="CalendarBenchmarks.TwoYearCalendars100k"/>
/// (no BenchmarkDotNet), a few seconds in all. Runs 3 warm-up passes (tiered JIT), then 5 measured ones.
/// </summary>
internal static class QuickCalendarRun
{
    public static int Run()
    {
        var workload = new CalendarWorkload(CalendarBenchmarks.Regimens);
        long doses = 0;
        for (var i = 0; i < 3; i++)
        {
            doses = workload.ComputeAll();
        }

        const int passes = 5;
        var elapsed = new double[passes];
        var allocated = new long[passes];
        for (var i = 0; i < passes; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var stopwatch = Stopwatch.StartNew();
            doses = workload.ComputeAll();
            stopwatch.Stop();
            allocated[i] = GC.GetAllocatedBytesForCurrentThread() - before;
            elapsed[i] = stopwatch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(elapsed);
        var best = elapsed[0];
        var median = elapsed[passes / 2];
        var bytes = allocated.Min();
        var count = workload.Count;
        var culture = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Format(culture, "calendar-quick: {0:N0} two-year calendars, {1:N0} doses ({2:F1} per calendar), one thread, {3} measured passes after 3 warm-up passes",
            count, doses, (double)doses / count, passes));
        Console.WriteLine(string.Format(culture, "  total:        best {0:F1} ms, median {1:F1} ms", best, median));
        Console.WriteLine(string.Format(culture, "  per calendar: best {0:F3} µs, median {1:F3} µs", best * 1000 / count, median * 1000 / count));
        Console.WriteLine(string.Format(culture, "  allocated:    {0:N0} bytes per pass ({1:N0} bytes per calendar, {2:F1} bytes per dose)",
            bytes, bytes / count, (double)bytes / doses));
        Console.WriteLine(string.Format(culture, "  goal < 1000 ms total: {0}", median < 1000 ? "met" : "NOT met"));
        return 0;
    }
}
