using InfusionCenter.Domain.Calendars;
using InfusionCenter.Domain.Protocols;
using static InfusionCenter.Domain.Tests.Calendars.CalendarTestHelpers;
using static InfusionCenter.Domain.Tests.TestDates;

namespace InfusionCenter.Domain.Tests.Calendars;

public class CalendarRequestValidationTests
{
    [Fact]
    public void Calendar_UntilBeforeStart_IsRejected()
    {
        var exception = Should.Throw<CalendarRequestException>(() =>
            Compute(DefaultProtocols.Natalizumab, new CalendarRequest(D("2026-02-02"), D("2026-02-01"))));

        exception.ParamName.ShouldBe("until");
    }

    [Fact]
    public void Calendar_UntilMoreThan30YearsAhead_IsRejected()
    {
        var exception = Should.Throw<CalendarRequestException>(() =>
            Compute(DefaultProtocols.Natalizumab, new CalendarRequest(D("2026-02-02"), D("2056-02-03"))));

        exception.ParamName.ShouldBe("until");
    }

    [Fact]
    public void Calendar_UntilEqualToStart_GivesOnlyTheFirstDose()
    {
        var result = Compute(DefaultProtocols.Natalizumab, new CalendarRequest(D("2026-02-02"), D("2026-02-02")));

        result.Dates().ShouldBe(["2026-02-02"]);
        result.StopReason.ShouldBe(StopReasons.Until);
    }

    [Fact]
    public void Calendar_IntervalOverrideOnCourseProtocol_IsRejected()
    {
        var exception = Should.Throw<CalendarRequestException>(() =>
            Compute(DefaultProtocols.Alemtuzumab, new CalendarRequest(D("2026-02-02"), IntervalOverride: Interval.OfWeeks(6))));

        exception.ParamName.ShouldBe("intervalOverride");
    }

    [Fact]
    public void Calendar_GivenSequenceZero_IsRejected()
    {
        var exception = Should.Throw<CalendarRequestException>(() =>
            Compute(DefaultProtocols.Natalizumab, new CalendarRequest(D("2026-02-02"), Given: Given((0, "2026-02-02")))));

        exception.ParamName.ShouldBe("given[0]");
    }

    [Fact]
    public void Calendar_SeveralBadParameters_ReportsEveryField()
    {
        var exception = Should.Throw<CalendarRequestException>(() =>
            Compute(DefaultProtocols.Mitoxantrone, new CalendarRequest(D("2026-02-02"), D("2026-01-01"), PriorCumulativeMgPerM2: -5m, Days: 3)));

        exception.Errors.Select(e => e.Field).ShouldBe(["until", "bsa", "priorCumulativeMgPerM2", "days"]);
        exception.ToDictionary().Keys.ShouldBe(["until", "bsa", "priorCumulativeMgPerM2", "days"], ignoreOrder: true);
    }

    [Fact]
    public void Calendar_BsaOnFixedDoseProtocol_IsIgnored()
    {
        var result = Compute(DefaultProtocols.Natalizumab, new CalendarRequest(D("2026-02-02"), D("2026-03-31"), Bsa: 1.7m));

        result.Bsa.ShouldBeNull();
        result.Amounts().ShouldAllBe(a => a == 300m);
    }

    [Fact]
    public void Calendar_InvalidProtocolDefinition_ThrowsProtocolDefinitionException()
    {
        var broken = DefaultProtocols.Natalizumab with
        {
            Maintenance = DefaultProtocols.Natalizumab.Maintenance! with { Interval = Interval.OfWeeks(0) },
        };

        var exception = Should.Throw<ProtocolDefinitionException>(() => Compute(broken, new CalendarRequest(D("2026-02-02"))));

        exception.Errors.ShouldContain(e => e.Field == "maintenance.interval.value");
    }

    [Fact]
    public void Calendar_GivenSequenceBeyondTheSeries_IsReported()
    {
        var result = Compute(DefaultProtocols.Methylprednisolone, new CalendarRequest(D("2026-03-10"), Days: 3, Given: Given((4, "2026-03-13"))));

        var warning = result.Warnings.ShouldHaveSingleItem();
        (warning.Sequence, warning.Code).ShouldBe((4, CalendarWarningCodes.GivenNotInPlan));
    }

    [Fact]
    public void Calendar_LoadingDoseGivenBeforeThePreviousDose_IsReportedOutOfOrder()
    {
        var given = Given((1, "2026-01-10"), (2, "2026-01-08"));

        var result = Compute(DefaultProtocols.Ocrelizumab, new CalendarRequest(D("2026-01-05"), D("2026-03-01"), Given: given));

        var warning = result.Warnings.ShouldHaveSingleItem();
        (warning.Sequence, warning.Code).ShouldBe((2, CalendarWarningCodes.GivenOutOfOrder));
    }

    [Fact]
    public void Calendar_SameInput_GivesEqualOutput()
    {
        var request = new CalendarRequest(D("2026-01-05"), Bsa: 1.75m);

        var first = Compute(DefaultProtocols.Mitoxantrone, request);
        var second = Compute(DefaultProtocols.Mitoxantrone, request);

        second.Doses.ShouldBe(first.Doses);
        (second.StopReason, second.CumulativeMgPerM2).ShouldBe((first.StopReason, first.CumulativeMgPerM2));
    }
}
