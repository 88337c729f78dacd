using BenchmarkDotNet.Running;
using InfusionCenter.Benchmarks;

// dotnet run -c Release --project bench/InfusionCenter.Benchmarks -- calendar-quick
// dotnet run -c Release --project bench/InfusionCenter.Benchmarks -- --filter '*Calendar*' --job short
if (args is ["calendar-quick", ..])
{
    return QuickCalendarRun.Run();
}

BenchmarkSwitcher.FromAssembly(typeof(CalendarBenchmarks).Assembly).Run(args);
return 0;
