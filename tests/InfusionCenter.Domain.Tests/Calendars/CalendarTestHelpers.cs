using InfusionCenter.Domain.Calendars;
using InfusionCenter.Domain.Protocols;

namespace InfusionCenter.Domain.Tests.Calendars;

internal static class CalendarTestHelpers
{
    public static CalendarResult Compute(ProtocolDefinition protocol, CalendarRequest request) =>
        CalendarEngine.Compute(protocol, request);

    public static string[] Dates(this CalendarResult result) => [.. result.Doses.Select(d => TestDates.S(d.Date))];

    public static decimal[] Amounts(this CalendarResult result) => [.. result.Doses.Select(d => d.Amount)];

    public static int[] ChairMinutes(this CalendarResult result) => [.. result.Doses.Select(d => d.ChairMinutes)];

    public static Dictionary<int, DateOnly> Given(params (int Sequence, string Date)[] doses) =>
        doses.ToDictionary(d => d.Sequence, d => TestDates.D(d.Date));
}
