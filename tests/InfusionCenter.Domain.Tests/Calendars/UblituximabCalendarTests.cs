using InfusionCenter.Domain.Calendars;
using InfusionCenter.Domain.Protocols;
using static InfusionCenter.Domain.Tests.Calendars.CalendarTestHelpers;
using static InfusionCenter.Domain.Tests.TestDates;

namespace InfusionCenter.Domain.Tests.Calendars;

public class UblituximabCalendarTests
{
    private static readonly ProtocolDefinition _protocol = DefaultProtocols.Ublituximab;

    [Fact]
    public void Calendar_UblituximabFromJan5_Gives150Then450AndShorterLaterChairTimes()
    {
        var result = Compute(_protocol, new CalendarRequest(D("2026-01-05"), D("2027-06-30")));

        result.Dates().ShouldBe(["2026-01-05", "2026-01-19", "2026-06-22", "2026-12-07", "2027-05-24"]);
        result.Amounts().ShouldBe([150m, 450m, 450m, 450m, 450m]);
        // 45+240+60 first, 45+60+60 second, then 45+60 without observation.
        result.ChairMinutes().ShouldBe([345, 165, 105, 105, 105]);
        result.StopReason.ShouldBe(StopReasons.Until);
    }

    [Fact]
    public void Calendar_UblituximabFirstMaintenanceWindow_OpensNoEarlierThan5MonthsAfterInfusion2()
    {
        var result = Compute(_protocol, new CalendarRequest(D("2026-01-05"), D("2026-12-31")));

        // target − 14 days would be 2026-06-08; 5 calendar months after 2026-01-19 is 2026-06-19.
        result.Doses[2].Earliest.ShouldBe(D("2026-06-19"));
        result.Doses[2].Latest.ShouldBe(D("2026-07-06"));
    }

    [Fact]
    public void Calendar_UblituximabDoseGivenFourMonthsAfterPrevious_ReportsMinimumSpacingWarning()
    {
        var given = Given((1, "2026-01-05"), (2, "2026-01-19"), (3, "2026-06-22"), (4, "2026-10-20"));

        var result = Compute(_protocol, new CalendarRequest(D("2026-01-05"), D("2027-06-30"), Given: given));

        var warning = result.Warnings.ShouldHaveSingleItem();
        (warning.Sequence, warning.Code).ShouldBe((4, CalendarWarningCodes.MinSpacingViolated));
        result.Doses[4].Date.ShouldBe(D("2027-04-06"));
    }
}
