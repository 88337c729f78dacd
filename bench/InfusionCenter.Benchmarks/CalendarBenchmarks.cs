using BenchmarkDotNet.Attributes;
using InfusionCenter.Domain.Calendars;
using InfusionCenter.Domain.Protocols;

namespace InfusionCenter.Benchmarks;

[MemoryDiagnoser]
public class CalendarBenchmarks
{
    public const int Regimens = 100_000;

    private CalendarWorkload _workload = null!;
    private CalendarRequest _ocrelizumabRequest = null!;
    private CalendarRequest _mitoxantroneRequest = null!;

    [GlobalSetup]
    public void Setup()
    {
        _workload = new CalendarWorkload(Regimens);
        _ocrelizumabRequest = new CalendarRequest(new DateOnly(2026, 1, 5));
        _mitoxantroneRequest = new CalendarRequest(new DateOnly(2026, 1, 5), Bsa: 1.82m);
    }

    /// <summary>Two-year calendars for 100,000 regimens (a mix of the six protocols).</summary>
    [Benchmark(Baseline = true)]
    public long TwoYearCalendars100k() => _workload.ComputeAll();

    [Benchmark]
    public int OneOcrelizumabTwoYearCalendar() => CalendarEngine.Compute(DefaultProtocols.Ocrelizumab, _ocrelizumabRequest).Doses.Count;

    [Benchmark]
    public int OneMitoxantroneTwoYearCalendar() => CalendarEngine.Compute(DefaultProtocols.Mitoxantrone, _mitoxantroneRequest).Doses.Count;

    [Benchmark]
    public int ValidateProtocol() => DefaultProtocols.Alemtuzumab.Validate().Count;
}
