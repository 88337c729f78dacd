using InfusionCenter.Domain.Calendars;
using InfusionCenter.Domain.Protocols;
using static InfusionCenter.Domain.Tests.Calendars.CalendarTestHelpers;
using static InfusionCenter.Domain.Tests.TestDates;

namespace InfusionCenter.Domain.Tests.Calendars;

public class MonthSeriesTests
{
    private static CalendarResult Mitoxantrone(string start, string until) =>
        Compute(DefaultProtocols.Mitoxantrone, new CalendarRequest(D(start), D(until), Bsa: 1.9m));

    [Fact]
    public void Calendar_MonthlySeriesAnchoredOn30Nov_ClampsToFebruaryWithoutDrift()
    {
        Mitoxantrone("2025-11-30", "2026-12-31").Dates()
            .ShouldBe(["2025-11-30", "2026-02-28", "2026-05-30", "2026-08-30", "2026-11-30"]);
    }

    [Fact]
    public void Calendar_MonthlySeriesAnchoredOn30NovBeforeLeapYear_ClampsTo29February()
    {
        Mitoxantrone("2027-11-30", "2028-09-01").Dates()
            .ShouldBe(["2027-11-30", "2028-02-29", "2028-05-30", "2028-08-30"]);
    }

    [Fact]
    public void Calendar_MonthlySeriesAnchoredOn31Jan_ClampsTo30AprilThenBackTo31()
    {
        Mitoxantrone("2026-01-31", "2027-02-28").Dates()
            .ShouldBe(["2026-01-31", "2026-04-30", "2026-07-31", "2026-10-31", "2027-01-31"]);
    }

    [Fact]
    public void Calendar_MonthlySeriesAnchoredOn31Aug_ClampsNovemberAndFebruary()
    {
        Mitoxantrone("2026-08-31", "2027-09-30").Dates()
            .ShouldBe(["2026-08-31", "2026-11-30", "2027-02-28", "2027-05-31", "2027-08-31"]);
    }

    [Fact]
    public void Calendar_MonthlySeriesAnchoredOnLeapDay_Keeps29AndClampsInCommonYears()
    {
        Mitoxantrone("2028-02-29", "2029-06-30").Dates()
            .ShouldBe(["2028-02-29", "2028-05-29", "2028-08-29", "2028-11-29", "2029-02-28", "2029-05-29"]);
    }

    [Fact]
    public void Calendar_MonthlySeriesReanchoredOn31st_ComputesFromTheNewAnchorWithoutDrift()
    {
        var given = Given((1, "2026-01-05"), (2, "2026-03-31"));

        var result = Compute(DefaultProtocols.Mitoxantrone, new CalendarRequest(D("2026-01-05"), D("2027-04-30"), 1.9m, Given: given));

        result.Dates().ShouldBe(["2026-01-05", "2026-04-05", "2026-06-30", "2026-09-30", "2026-12-31", "2027-03-31"]);
    }
}
