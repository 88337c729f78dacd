using InfusionCenter.Domain.Calendars;
using InfusionCenter.Domain.Protocols;
using static InfusionCenter.Domain.Tests.Calendars.CalendarTestHelpers;
using static InfusionCenter.Domain.Tests.TestDates;

namespace InfusionCenter.Domain.Tests.Calendars;

public class MitoxantroneCalendarTests
{
    private static readonly ProtocolDefinition _protocol = DefaultProtocols.Mitoxantrone;

    private static CalendarRequest Request(decimal prior = 0m, string until = "2035-12-31", decimal bsa = 2.0m) =>
        new(D("2026-01-05"), D(until), bsa, prior);

    [Fact]
    public void Calendar_MitoxantroneApiExample_Gives24MgWithWindowAnd45ChairMinutes()
    {
        var result = Compute(_protocol, Request());

        var first = result.Doses[0];
        (S(first.Date), S(first.Earliest), S(first.Latest)).ShouldBe(("2026-01-05", "2025-12-29", "2026-01-19"));
        first.Amount.ShouldBe(24.0m);
        first.AmountPerM2.ShouldBe(12m);
        first.Unit.ShouldBe("mg");
        first.ChairMinutes.ShouldBe(45);
        (first.Course, first.DayInCourse).ShouldBe((1, 1));
    }

    [Fact]
    public void Calendar_MitoxantroneNoPriorDose_StopsAt11DosesBecauseOfTheCap()
    {
        var result = Compute(_protocol, Request());

        result.Doses.Count.ShouldBe(11);
        result.CumulativeMgPerM2.ShouldBe(132m);
        result.PriorCumulativeMgPerM2.ShouldBe(0m);
        result.StopReason.ShouldBe(StopReasons.CumulativeCap);
        result.Dates().ShouldBe([
            "2026-01-05", "2026-04-05", "2026-07-05", "2026-10-05", "2027-01-05", "2027-04-05",
            "2027-07-05", "2027-10-05", "2028-01-05", "2028-04-05", "2028-07-05",
        ]);
    }

    [Theory]
    [InlineData(100, 3, 136)]
    [InlineData(116, 2, 140)]
    [InlineData(128, 1, 140)]
    [InlineData(128.5, 0, 128.5)]
    [InlineData(139, 0, 139)]
    [InlineData(140, 0, 140)]
    [InlineData(150, 0, 150)]
    public void Calendar_MitoxantronePriorCumulativeDose_NeverPlansAPartialOrExcessDose(decimal prior, int expectedDoses, decimal expectedTotal)
    {
        var result = Compute(_protocol, Request(prior));

        result.Doses.Count.ShouldBe(expectedDoses);
        result.CumulativeMgPerM2.ShouldBe(expectedTotal);
        result.StopReason.ShouldBe(StopReasons.CumulativeCap);
        result.Doses.ShouldAllBe(d => d.AmountPerM2 == 12m);
    }

    [Fact]
    public void Calendar_MitoxantroneUntilBeforeCap_StopsWithUntil()
    {
        var result = Compute(_protocol, new CalendarRequest(D("2026-01-05"), Bsa: 1.82m));

        result.Doses.Count.ShouldBe(9); // 2026-01-05 .. 2028-01-05 inclusive
        result.CumulativeMgPerM2.ShouldBe(108m);
        result.StopReason.ShouldBe(StopReasons.Until);
        result.Amounts().ShouldAllBe(a => a == 21.8m);
    }

    [Fact]
    public void Calendar_MitoxantroneDoseGivenLate_ReanchorsTheMonthSeriesOnTheGivenDate()
    {
        var given = Given((1, "2025-11-30"), (2, "2026-03-03"));

        var result = Compute(_protocol, new CalendarRequest(D("2025-11-30"), D("2027-01-31"), 2.0m, Given: given));

        result.Dates().ShouldBe(["2025-11-30", "2026-02-28", "2026-06-03", "2026-09-03", "2026-12-03"]);
    }

    [Fact]
    public void Calendar_MitoxantroneMonthEndDoseGivenOnTarget_DoesNotDriftTheDayOfMonth()
    {
        var given = Given((1, "2025-11-30"), (2, "2026-02-28"));

        var result = Compute(_protocol, new CalendarRequest(D("2025-11-30"), D("2026-12-31"), 2.0m, Given: given));

        result.Dates().ShouldBe(["2025-11-30", "2026-02-28", "2026-05-30", "2026-08-30", "2026-11-30"]);
    }

    [Fact]
    public void Calendar_MitoxantroneDoseGivenAfterTheCap_IsReportedNotPlanned()
    {
        var given = Given((1, "2026-01-05"), (2, "2026-04-05"));

        var result = Compute(_protocol, Request(prior: 128m) with { Given = given });

        result.Doses.Count.ShouldBe(1);
        var warning = result.Warnings.ShouldHaveSingleItem();
        (warning.Sequence, warning.Code).ShouldBe((2, CalendarWarningCodes.GivenNotInPlan));
        warning.Message.ShouldContain("cumulative cap");
    }

    [Fact]
    public void Calendar_MitoxantroneWithoutBsa_ThrowsRequestExceptionNamingBsa()
    {
        var exception = Should.Throw<CalendarRequestException>(() => Compute(_protocol, new CalendarRequest(D("2026-01-05"))));

        exception.ParamName.ShouldBe("bsa");
        exception.Errors.ShouldHaveSingleItem().Message.ShouldBe("bsa is required for BSA-dosed protocol mitoxantrone");
        exception.ToDictionary()["bsa"].ShouldBe(["bsa is required for BSA-dosed protocol mitoxantrone"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1.8)]
    [InlineData(18.2)]
    public void Calendar_MitoxantroneImplausibleBsa_IsRejected(decimal bsa)
    {
        var exception = Should.Throw<CalendarRequestException>(() => Compute(_protocol, new CalendarRequest(D("2026-01-05"), Bsa: bsa)));

        exception.ParamName.ShouldBe("bsa");
    }

    [Fact]
    public void Calendar_NegativePriorCumulativeDose_IsRejected()
    {
        var exception = Should.Throw<CalendarRequestException>(() => Compute(_protocol, Request(prior: -1m)));

        exception.ParamName.ShouldBe("priorCumulativeMgPerM2");
    }

    [Fact]
    public void Calendar_MitoxantroneBsaDose_RoundsToTenthOfMilligram()
    {
        var result = Compute(_protocol, new CalendarRequest(D("2026-01-05"), D("2026-01-05"), Bsa: 1.818m));

        result.Doses.ShouldHaveSingleItem().Amount.ShouldBe(21.8m); // 12 × 1.818 = 21.816
        result.Bsa.ShouldBe(1.818m);
    }
}
