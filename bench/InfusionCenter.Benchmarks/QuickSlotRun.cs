using System.Diagnostics;
using System.Globalization;
using InfusionCenter.Domain.Scheduling;

namespace InfusionCenter.Benchmarks;

/// <summary>
/// <c>slots-quick</c>: <see cref="SlotWorkload"/> measured with a Stopwatch (no BenchmarkDotNet), well under a minute:
/// index build time (best of 3), then the 1,000 <c>Find</c> queries, each timed individually after a full warm-up pass
/// (tiered JIT), with the bytes each one allocates; then an <c>AutoSchedule</c> of the same 1,000 requests on a fresh index.
/// </summary>
internal static class QuickSlotRun
{
    public static int Run()
    {
        var culture = CultureInfo.InvariantCulture;
        var generate = Stopwatch.StartNew();
        var workload = new SlotWorkload();
        generate.Stop();
        var schedule = workload.Schedule;
        Console.WriteLine(string.Format(culture, "slots-quick: {0} chairs ({1} beds), Mon–Fri 07:00–19:00, {2} nurses/day; {3:N0} bookings from {4:yyyy-MM-dd} to {5:yyyy-MM-dd} ({6:N0} in the 26-week horizon from {7:yyyy-MM-dd}); generated in {8:F0} ms",
            SlotWorkload.ChairCount, SlotWorkload.BedCount, SlotWorkload.Nurses, workload.Bookings.Length, workload.FirstBookedDay, SlotWorkload.HorizonEnd,
            workload.HorizonBookings, SlotWorkload.HorizonStart, generate.Elapsed.TotalMilliseconds));

        BookingIndex index = null!;
        var builds = new double[3];
        long buildBytes = 0;
        for (var i = 0; i < builds.Length; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var stopwatch = Stopwatch.StartNew();
            index = workload.BuildIndex();
            stopwatch.Stop();
            buildBytes = GC.GetAllocatedBytesForCurrentThread() - before;
            builds[i] = stopwatch.Elapsed.TotalMilliseconds;
        }

        Console.WriteLine(string.Format(culture, "  index build:  best {0:F1} ms, first {1:F1} ms (cold), {2:N0} bytes allocated", builds.Min(), builds[0], buildBytes));

        var queries = workload.Queries;
        foreach (var query in queries)
        {
            SlotFinder.Find(schedule, index, query); // warm-up pass
        }

        var elapsed = new double[queries.Length];
        var allocated = new long[queries.Length];
        var emptyQueries = new bool[queries.Length];
        long found = 0;
        var empty = 0;
        GC.Collect();
        for (var i = 0; i < queries.Length; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            var slots = SlotFinder.Find(schedule, index, queries[i]);
            elapsed[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            allocated[i] = GC.GetAllocatedBytesForCurrentThread() - before;
            found += slots.Count;
            empty += slots.Count == 0 ? 1 : 0;
            emptyQueries[i] = slots.Count == 0;
        }

        // best of 5 runs per query: the same percentiles with preemption and GC pauses of a busy machine filtered out
        var bestElapsed = (double[])elapsed.Clone();
        for (var run = 0; run < 4; run++)
        {
            for (var i = 0; i < queries.Length; i++)
            {
                var start = Stopwatch.GetTimestamp();
                SlotFinder.Find(schedule, index, queries[i]);
                bestElapsed[i] = Math.Min(bestElapsed[i], Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        var courses = queries.Count(q => q.CourseDays > 1);
        var beds = queries.Count(q => q.RequiredChairKind is not null);
        Console.WriteLine(string.Format(culture, "  find:         {0:N0} queries (2-week windows, 60–420 min, {1} with a bed, {2} 3-day courses, MaxResults 10): {3:N0} slots, {4} empty",
            queries.Length, beds, courses, found, empty));
        Report("all", elapsed, allocated, _ => true);
        Report("single", elapsed, allocated, i => queries[i].CourseDays == 1);
        Report("3-day course", elapsed, allocated, i => queries[i].CourseDays > 1);
        Report("bed", elapsed, allocated, i => queries[i].RequiredChairKind is not null);
        Report("empty (all 14 days)", elapsed, allocated, i => emptyQueries[i]);
        Report("all, best of 5", bestElapsed, allocated, _ => true);
        Report("course, best of 5", bestElapsed, allocated, i => queries[i].CourseDays > 1);

        // the same queries with MaxResults 1000: (almost) no early stop, every day of the window is searched
        var wide = queries.Select(q => q with { MaxResults = 1000 }).ToArray();
        var wideElapsed = new double[wide.Length];
        var wideAllocated = new long[wide.Length];
        for (var i = 0; i < wide.Length; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            SlotFinder.Find(schedule, index, wide[i]);
            wideElapsed[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            wideAllocated[i] = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Report("max 1000", wideElapsed, wideAllocated, _ => true);

        // the slowest queries again, 20 runs each: a real cost or a pause (GC, another process)?
        foreach (var i in Enumerable.Range(0, queries.Length).OrderByDescending(i => elapsed[i]).Take(3))
        {
            var best = double.MaxValue;
            for (var run = 0; run < 20; run++)
            {
                var start = Stopwatch.GetTimestamp();
                SlotFinder.Find(schedule, index, queries[i]);
                best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            var q = queries[i];
            Console.WriteLine(string.Format(culture, "    slow #{0,-4} {1:F3} ms, best of 20 re-runs {2:F3} ms ({3} min x {4} day(s), {5:yyyy-MM-dd}..{6:yyyy-MM-dd}{7})",
                i, elapsed[i], best, q.DurationMinutes, q.CourseDays, q.From, q.To, q.RequiredChairKind is null ? "" : ", " + q.RequiredChairKind));
        }

        var fresh = workload.BuildIndex();
        var requests = queries.Select(q => q with { MaxResults = 1 }).ToList();
        var auto = Stopwatch.StartNew();
        var results = SlotFinder.AutoSchedule(schedule, fresh, requests);
        auto.Stop();
        Console.WriteLine(string.Format(culture, "  autoschedule: {0:N0} requests in {1:F0} ms ({2:F3} ms each), {3:N0} placed, {4:N0} not placed",
            requests.Count, auto.Elapsed.TotalMilliseconds, auto.Elapsed.TotalMilliseconds / requests.Count, results.Count(r => r.Placed), results.Count(r => !r.Placed)));

        var p95 = Percentile(elapsed.Order().ToArray(), 0.95);
        Console.WriteLine(string.Format(culture, "  goal p95 < 20 ms per find: {0}", p95 < 20 ? "met" : "NOT met"));
        return 0;
    }

    private static void Report(string label, double[] elapsed, long[] allocated, Func<int, bool> include)
    {
        var times = Enumerable.Range(0, elapsed.Length).Where(include).Select(i => elapsed[i]).Order().ToArray();
        var bytes = Enumerable.Range(0, elapsed.Length).Where(include).Select(i => allocated[i]).ToArray();
        if (times.Length == 0)
        {
            return;
        }

        Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "    {0,-22} n={1,4}  p50 {2:F3} ms  p95 {3:F3} ms  p99 {4:F3} ms  max {5:F3} ms  mean {6:F3} ms  alloc mean {7:N0} B, max {8:N0} B",
            label, times.Length, Percentile(times, 0.50), Percentile(times, 0.95), Percentile(times, 0.99), times[^1], times.Average(), bytes.Average(), bytes.Max()));
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
