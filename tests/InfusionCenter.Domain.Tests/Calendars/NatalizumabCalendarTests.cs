using InfusionCenter.Domain.Calendars;
using InfusionCenter.Domain.Protocols;
using static InfusionCenter.Domain.Tests.Calendars.CalendarTestHelpers;
using static InfusionCenter.Domain.Tests.TestDates;

namespace InfusionCenter.Domain.Tests.Calendars;

public class NatalizumabCalendarTests
{
    private static readonly ProtocolDefinition _protocol = DefaultProtocols.Natalizumab;

    [Fact]
    public void Calendar_NatalizumabTwoYears_Every28DaysWith300MgAnd2HourChair()
    {
        var result = Compute(_protocol, new CalendarRequest(D("2026-02-02")));

        result.Doses.Count.ShouldBe(27);
        result.Dates().Take(4).ShouldBe(["2026-02-02", "2026-03-02", "2026-03-30", "2026-04-27"]);
        S(result.Doses[^1].Date).ShouldBe("2028-01-31");
        for (var i = 1; i < result.Doses.Count; i++)
        {
            (result.Doses[i].Date.DayNumber - result.Doses[i - 1].Date.DayNumber).ShouldBe(28);
        }

        result.Doses.ShouldAllBe(d => d.Amount == 300m && d.ChairMinutes == 120);
        result.StopReason.ShouldBe(StopReasons.Until);
    }

    [Fact]
    public void Calendar_NatalizumabWindow_IsThreeDaysBeforeToSevenDaysAfter()
    {
        var result = Compute(_protocol, new CalendarRequest(D("2026-02-02"), D("2026-03-31")));

        (S(result.Doses[1].Earliest), S(result.Doses[1].Latest)).ShouldBe(("2026-02-27", "2026-03-09"));
    }

    [Fact]
    public void Calendar_NatalizumabExtendedIntervalOverride_SchedulesEverySixWeeks()
    {
        var result = Compute(_protocol, new CalendarRequest(D("2026-02-02"), IntervalOverride: Interval.OfWeeks(6)));

        result.Doses.Count.ShouldBe(18);
        result.Dates().Take(4).ShouldBe(["2026-02-02", "2026-03-16", "2026-04-27", "2026-06-08"]);
    }

    [Fact]
    public void Calendar_NatalizumabDoseGivenFourDaysLate_ReanchorsLaterDosesToActualDate()
    {
        var given = Given((1, "2026-02-02"), (2, "2026-03-02"), (3, "2026-04-03"));

        var result = Compute(_protocol, new CalendarRequest(D("2026-02-02"), D("2026-06-30"), Given: given));

        result.Dates().ShouldBe(["2026-02-02", "2026-03-02", "2026-03-30", "2026-05-01", "2026-05-29", "2026-06-26"]);
        result.Doses[2].GivenDate.ShouldBe(D("2026-04-03"));
    }

    [Fact]
    public void Calendar_NatalizumabDoseGivenTwoWeeksAfterPrevious_ReportsMinimumSpacingWarning()
    {
        var given = Given((1, "2026-02-02"), (2, "2026-02-16"));

        var result = Compute(_protocol, new CalendarRequest(D("2026-02-02"), D("2026-04-30"), Given: given));

        var warning = result.Warnings.ShouldHaveSingleItem();
        (warning.Sequence, warning.Code).ShouldBe((2, CalendarWarningCodes.MinSpacingViolated));
        result.Dates().ShouldBe(["2026-02-02", "2026-03-02", "2026-03-16", "2026-04-13"]);
    }

    [Fact]
    public void Calendar_IntervalOverrideShorterThanMinimumSpacing_IsRejected()
    {
        var exception = Should.Throw<CalendarRequestException>(() =>
            Compute(_protocol, new CalendarRequest(D("2026-02-02"), IntervalOverride: Interval.OfWeeks(2))));

        exception.ParamName.ShouldBe("intervalOverride");
    }
}
