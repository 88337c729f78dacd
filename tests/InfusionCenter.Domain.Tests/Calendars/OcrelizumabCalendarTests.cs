using InfusionCenter.Domain.Calendars;
using InfusionCenter.Domain.Protocols;
using static InfusionCenter.Domain.Tests.Calendars.CalendarTestHelpers;
using static InfusionCenter.Domain.Tests.TestDates;

namespace InfusionCenter.Domain.Tests.Calendars;

public class OcrelizumabCalendarTests
{
    private static readonly ProtocolDefinition _protocol = DefaultProtocols.Ocrelizumab;

    [Fact]
    public void Calendar_OcrelizumabFromJan5_FollowsLabelDatesAmountsAndChairTimes()
    {
        var result = Compute(_protocol, new CalendarRequest(D("2026-01-05")));

        result.Dates().ShouldBe(["2026-01-05", "2026-01-19", "2026-06-22", "2026-12-07", "2027-05-24", "2027-11-08"]);
        result.Amounts().ShouldBe([300m, 300m, 600m, 600m, 600m, 600m]);
        result.ChairMinutes().ShouldBe([255, 255, 315, 315, 315, 315]);
        result.Doses.Select(d => d.Kind).ShouldBe([DoseKind.Initial, DoseKind.Initial, DoseKind.Maintenance, DoseKind.Maintenance, DoseKind.Maintenance, DoseKind.Maintenance]);
        result.Doses.Select(d => (d.Course, d.DayInCourse)).ShouldBe([(1, 1), (1, 2), (2, 1), (3, 1), (4, 1), (5, 1)]);
        result.Doses.Select(d => d.Sequence).ShouldBe([1, 2, 3, 4, 5, 6]);
        result.Doses.ShouldAllBe(d => d.Unit == "mg" && d.AmountPerM2 == null && d.GivenDate == null);
        result.Doses[0].Label.ShouldBe("loading");
        result.Doses[2].Label.ShouldBe("maintenance");
        result.StopReason.ShouldBe(StopReasons.Until);
        result.Until.ShouldBe(D("2028-01-05"));
        result.Bsa.ShouldBeNull();
        result.CumulativeMgPerM2.ShouldBeNull();
        result.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Calendar_OcrelizumabChairTime_BreaksDownPremedInfusionObservation()
    {
        var result = Compute(_protocol, new CalendarRequest(D("2026-01-05"), D("2026-07-01")));

        result.Doses[0].ChairTime.ShouldBe(new ChairTime(45, 150, 60));
        result.Doses[2].ChairTime.ShouldBe(new ChairTime(45, 210, 60));
    }

    [Fact]
    public void Calendar_OcrelizumabWindows_UseStepWindowAndNeverOpenBeforeMinimumSpacing()
    {
        var result = Compute(_protocol, new CalendarRequest(D("2026-01-05"), D("2026-12-31")));

        (S(result.Doses[0].Earliest), S(result.Doses[0].Latest)).ShouldBe(("2025-12-22", "2026-01-19"));
        (S(result.Doses[1].Earliest), S(result.Doses[1].Latest)).ShouldBe(("2026-01-17", "2026-01-26"));
        // 2026-06-22 − 14 = 2026-06-08 = infusion 2 (2026-01-19) + 20 weeks: both limits agree.
        (S(result.Doses[2].Earliest), S(result.Doses[2].Latest)).ShouldBe(("2026-06-08", "2026-07-06"));
        (S(result.Doses[3].Earliest), S(result.Doses[3].Latest)).ShouldBe(("2026-11-23", "2026-12-21"));
    }

    [Fact]
    public void Calendar_OcrelizumabMaintenanceGivenLate_NextDoseIs24WeeksFromActualDate()
    {
        var given = Given((1, "2026-01-05"), (2, "2026-01-19"), (3, "2026-07-06"));

        var result = Compute(_protocol, new CalendarRequest(D("2026-01-05"), D("2027-12-31"), Given: given));

        result.Dates().ShouldBe(["2026-01-05", "2026-01-19", "2026-06-22", "2026-12-21", "2027-06-07", "2027-11-22"]);
        result.Doses[2].GivenDate.ShouldBe(D("2026-07-06"));
        result.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Calendar_OcrelizumabFirstLoadingDoseGivenLate_MovesDay15AndTheInfusion1Anchor()
    {
        var result = Compute(_protocol, new CalendarRequest(D("2026-01-05"), D("2026-12-31"), Given: Given((1, "2026-01-08"))));

        result.Dates().ShouldBe(["2026-01-05", "2026-01-22", "2026-06-25", "2026-12-10"]);
    }

    [Fact]
    public void Calendar_OcrelizumabSecondLoadingDoseGivenThreeWeeksLate_ShiftsLaterDosesByTheDelay()
    {
        var given = Given((1, "2026-01-05"), (2, "2026-02-09"));

        var result = Compute(_protocol, new CalendarRequest(D("2026-01-05"), D("2026-12-31"), Given: given));

        // Infusion 2 given 21 days late: every later dose moves 21 days (22 weeks after infusion 2, as planned).
        result.Dates().ShouldBe(["2026-01-05", "2026-01-19", "2026-07-13", "2026-12-28"]);
        result.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Calendar_PlannedDateCloserThanMinimumSpacing_IsPushedAndReported()
    {
        // A clinic variant: every 4 weeks but never less than one calendar month apart.
        var protocol = DefaultProtocols.Natalizumab with { MinSpacing = new MinimumSpacing(Interval.OfMonths(1)) };

        var result = Compute(protocol, new CalendarRequest(D("2026-03-01"), D("2026-05-15")));

        result.Dates().ShouldBe(["2026-03-01", "2026-04-01", "2026-05-01"]);
        result.Doses[1].Earliest.ShouldBe(D("2026-04-01"));
        result.Warnings.Select(w => (w.Sequence, w.Code)).ShouldBe(
            [(2, CalendarWarningCodes.PushedForMinSpacing), (3, CalendarWarningCodes.PushedForMinSpacing)]);
        result.Warnings[0].Message.ShouldContain("2026-03-29");
    }

    [Fact]
    public void Calendar_DoseGivenOnItsPushedDate_DoesNotReanchorTheSeries()
    {
        var protocol = DefaultProtocols.Natalizumab with { MinSpacing = new MinimumSpacing(Interval.OfMonths(1)) };
        var plan = Compute(protocol, new CalendarRequest(D("2026-03-01"), D("2026-12-31")));

        var replanned = Compute(protocol, new CalendarRequest(D("2026-03-01"), D("2026-12-31"), Given: Given((1, "2026-03-01"), (2, "2026-04-01"))));

        replanned.Dates().ShouldBe(plan.Dates());
    }

    [Fact]
    public void Calendar_OcrelizumabDoseGivenWithin20Weeks_ReportsMinimumSpacingWarningAndReanchors()
    {
        var given = Given((1, "2026-01-05"), (2, "2026-01-19"), (3, "2026-05-01"));

        var result = Compute(_protocol, new CalendarRequest(D("2026-01-05"), D("2026-12-31"), Given: given));

        var warning = result.Warnings.ShouldHaveSingleItem();
        warning.Sequence.ShouldBe(3);
        warning.Code.ShouldBe(CalendarWarningCodes.MinSpacingViolated);
        warning.Message.ShouldContain("2026-05-01");
        result.Doses[3].Date.ShouldBe(D("2026-10-16"));
    }

    [Fact]
    public void Calendar_OcrelizumabDosesGivenOnTarget_LeaveThePlanUnchanged()
    {
        var plan = Compute(_protocol, new CalendarRequest(D("2026-01-05")));
        var given = plan.Doses.Take(4).ToDictionary(d => d.Sequence, d => d.Date);

        var replanned = Compute(_protocol, new CalendarRequest(D("2026-01-05"), Given: given));

        replanned.Dates().ShouldBe(plan.Dates());
        replanned.Doses.Count(d => d.IsGiven).ShouldBe(4);
        replanned.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Calendar_UntilBetweenLoadingDoses_StopsWithUntilAfterTheFirst()
    {
        var result = Compute(_protocol, new CalendarRequest(D("2026-01-05"), D("2026-01-18")));

        result.Dates().ShouldBe(["2026-01-05"]);
        result.StopReason.ShouldBe(StopReasons.Until);
    }

    [Fact]
    public void Calendar_UntilInclusive_IncludesADoseOnTheUntilDate()
    {
        var result = Compute(_protocol, new CalendarRequest(D("2026-01-05"), D("2026-06-22")));

        result.Dates().ShouldBe(["2026-01-05", "2026-01-19", "2026-06-22"]);
    }
}
