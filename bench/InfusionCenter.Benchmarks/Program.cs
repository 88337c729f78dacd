using BenchmarkDotNet.Running;
using InfusionCenter.Benchmarks;

// dotnet run -c Release --project bench/InfusionCenter.Benchmarks -- calendar-quick
// dotnet run -c Release --project bench/InfusionCenter.Benchmarks -- slots-quick
// dotnet run -c Release --project bench/InfusionCenter.Benchmarks -- --filter '*Calendar*' --job short
// dotnet run -c Release --project bench/InfusionCenter.Benchmarks -- --filter '*SlotFinder*' --job short
if (args is ["calendar-quick", ..])
{
    return QuickCalendarRun.Run();
}

if (args is ["slots-quick", ..])
{
    return QuickSlotRun.Run();
}

BenchmarkSwitcher.FromAssembly(typeof(CalendarBenchmarks).Assembly).Run(args);
return 0;
