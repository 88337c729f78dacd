using InfusionCenter.Domain.Calendars;
using InfusionCenter.Domain.Protocols;
using static InfusionCenter.Domain.Tests.Calendars.CalendarTestHelpers;
using static InfusionCenter.Domain.Tests.TestDates;

namespace InfusionCenter.Domain.Tests.Calendars;

public class AlemtuzumabCalendarTests
{
    private static readonly ProtocolDefinition _protocol = DefaultProtocols.Alemtuzumab;

    [Fact]
    public void Calendar_AlemtuzumabFromJan31_FiveDaysThenThreeDaysTwelveMonthsAfterDay1()
    {
        var result = Compute(_protocol, new CalendarRequest(D("2026-01-31")));

        result.Dates().ShouldBe([
            "2026-01-31", "2026-02-01", "2026-02-02", "2026-02-03", "2026-02-04",
            "2027-01-31", "2027-02-01", "2027-02-02",
        ]);
        result.Doses.Select(d => (d.Course, d.DayInCourse)).ShouldBe([(1, 1), (1, 2), (1, 3), (1, 4), (1, 5), (2, 1), (2, 2), (2, 3)]);
        result.Amounts().ShouldAllBe(a => a == 12m);
        // Corticosteroid premedication on days 1–3 of each course: 60 + 240 + 120, then 30 + 240 + 120.
        result.ChairMinutes().ShouldBe([420, 420, 420, 390, 390, 420, 420, 420]);
        result.Doses.ShouldAllBe(d => d.Kind == DoseKind.CourseDay && d.Label == "course day");
        result.StopReason.ShouldBeNull();
        result.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void Calendar_AlemtuzumabFromLeapDay_SecondCourseClampsTo28February()
    {
        var result = Compute(_protocol, new CalendarRequest(D("2024-02-29")));

        result.Dates().Skip(5).ShouldBe(["2025-02-28", "2025-03-01", "2025-03-02"]);
    }

    [Fact]
    public void Calendar_AlemtuzumabCourseDays_HaveExactWindowsAfterDay1()
    {
        var result = Compute(_protocol, new CalendarRequest(D("2026-01-31")));

        (S(result.Doses[0].Earliest), S(result.Doses[0].Latest)).ShouldBe(("2026-01-31", "2026-02-28"));
        (S(result.Doses[1].Earliest), S(result.Doses[1].Latest)).ShouldBe(("2026-02-01", "2026-02-01"));
        (S(result.Doses[5].Earliest), S(result.Doses[5].Latest)).ShouldBe(("2027-01-31", "2027-02-28"));
    }

    [Fact]
    public void Calendar_AlemtuzumabFirstCourseStartedLate_MovesTheWholeCourseAndCourse2()
    {
        var result = Compute(_protocol, new CalendarRequest(D("2026-01-31"), Given: Given((1, "2026-02-03"))));

        result.Dates().ShouldBe([
            "2026-01-31", "2026-02-04", "2026-02-05", "2026-02-06", "2026-02-07",
            "2027-02-03", "2027-02-04", "2027-02-05",
        ]);
    }

    [Fact]
    public void Calendar_AlemtuzumabCourseDaySkipped_ReportsNonConsecutiveCourse()
    {
        var given = Given((1, "2026-01-31"), (2, "2026-02-01"), (3, "2026-02-03"));

        var result = Compute(_protocol, new CalendarRequest(D("2026-01-31"), Given: given));

        var warning = result.Warnings.ShouldHaveSingleItem();
        (warning.Sequence, warning.Code).ShouldBe((3, CalendarWarningCodes.CourseNotConsecutive));
        result.Dates().Skip(3).Take(2).ShouldBe(["2026-02-04", "2026-02-05"]);
    }

    [Fact]
    public void Calendar_AlemtuzumabSecondCourseGivenAfter10Months_ReportsMinimumSpacingWarning()
    {
        var given = Given((1, "2026-01-31"), (2, "2026-02-01"), (3, "2026-02-02"), (4, "2026-02-03"), (5, "2026-02-04"), (6, "2026-12-01"));

        var result = Compute(_protocol, new CalendarRequest(D("2026-01-31"), Given: given));

        var warning = result.Warnings.ShouldHaveSingleItem();
        (warning.Sequence, warning.Code).ShouldBe((6, CalendarWarningCodes.MinSpacingViolated));
        result.Dates().Skip(6).ShouldBe(["2026-12-02", "2026-12-03"]);
    }

    [Fact]
    public void Calendar_AlemtuzumabThirdCourseOnOrder_Starts12MonthsAfterTheLastDoseOfCourse2()
    {
        var result = Compute(_protocol, new CalendarRequest(D("2026-01-31"), D("2028-12-31"), Courses: 3));

        result.Doses.Count.ShouldBe(11);
        result.Dates().Skip(8).ShouldBe(["2028-02-02", "2028-02-03", "2028-02-04"]);
        result.StopReason.ShouldBeNull();
    }

    [Fact]
    public void Calendar_AlemtuzumabCourseNotFittingBeforeUntil_IsLeftOutWhole()
    {
        var result = Compute(_protocol, new CalendarRequest(D("2026-01-31"), D("2027-02-01")));

        result.Doses.Count.ShouldBe(5);
        result.StopReason.ShouldBe(StopReasons.Until);
    }

    [Fact]
    public void Calendar_AlemtuzumabDaysParameter_IsRejectedBecauseTheLengthIsFixed()
    {
        var exception = Should.Throw<CalendarRequestException>(() => Compute(_protocol, new CalendarRequest(D("2026-01-31"), Days: 4)));

        exception.ParamName.ShouldBe("days");
    }

    [Fact]
    public void Calendar_FixedDoseProtocolCoursesParameterOnDoseSeries_IsRejected()
    {
        var exception = Should.Throw<CalendarRequestException>(() =>
            Compute(DefaultProtocols.Natalizumab, new CalendarRequest(D("2026-01-31"), Courses: 2, Days: 3)));

        exception.Errors.Select(e => e.Field).ShouldBe(["days", "courses"], ignoreOrder: true);
    }
}
