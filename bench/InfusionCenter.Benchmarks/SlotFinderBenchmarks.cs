using BenchmarkDotNet.Attributes;
using InfusionCenter.Domain.Scheduling;

namespace InfusionCenter.Benchmarks;

/// <summary>
/// The slot finder on <see cref="SlotWorkload"/> (40 chairs, ~150,000 bookings). <c>QuickSlotRun</c> (<c>slots-quick</c>)
/// gives per-query percentiles; these give BenchmarkDotNet's statistics for a few representative queries.
/// </summary>
[MemoryDiagnoser]
public class SlotFinderBenchmarks
{
    private SlotWorkload _workload = null!;
    private BookingIndex _index = null!;
    private SlotRequest _single = null!;
    private SlotRequest _bedCourse = null!;
    private SlotRequest[] _hundred = null!;

    [GlobalSetup]
    public void Setup()
    {
        _workload = new SlotWorkload();
        _index = _workload.BuildIndex();
        var from = SlotWorkload.HorizonStart.AddDays(70);
        _single = new SlotRequest { DurationMinutes = 240, From = from, To = from.AddDays(13), Target = from.AddDays(6), PatientId = 17, NotBefore = SlotWorkload.HorizonStart };
        _bedCourse = _single with { DurationMinutes = 420, CourseDays = 3, RequiredChairKind = "bed" };
        _hundred = _workload.Queries[..100];
    }

    /// <summary>Builds the index over all ~150,000 bookings.</summary>
    [Benchmark]
    public int BuildIndex150k() => _workload.BuildIndex().Count;

    /// <summary>A 4 h single dose, 2-week window, target mid-window.</summary>
    [Benchmark(Baseline = true)]
    public int FindSingleDose() => SlotFinder.Find(_workload.Schedule, _index, _single).Count;

    /// <summary>A 7 h 3-day course on a bed, 2-week window.</summary>
    [Benchmark]
    public int FindBedThreeDayCourse() => SlotFinder.Find(_workload.Schedule, _index, _bedCourse).Count;

    /// <summary>The first 100 queries of the mixed workload.</summary>
    [Benchmark(OperationsPerInvoke = 100)]
    public int FindMixed()
    {
        var total = 0;
        foreach (var query in _hundred)
        {
            total += SlotFinder.Find(_workload.Schedule, _index, query).Count;
        }

        return total;
    }
}
