using InfusionCenter.Domain.Calendars;
using InfusionCenter.Domain.Protocols;
using static InfusionCenter.Domain.Tests.Calendars.CalendarTestHelpers;
using static InfusionCenter.Domain.Tests.TestDates;

namespace InfusionCenter.Domain.Tests.Calendars;

/// <summary>The engine follows protocol data, not drug codes: admin-made protocols behave by the same rules.</summary>
public class GenericProtocolTests
{
    private static readonly ChairTime _hour = new(0, 60, 0);

    [Fact]
    public void Calendar_FixedNumberOfMaintenanceDoses_EndsWithoutStopReason()
    {
        var protocol = DefaultProtocols.Natalizumab with
        {
            Code = "natalizumab-induction",
            Maintenance = DefaultProtocols.Natalizumab.Maintenance! with { RepeatCount = 2 },
        };

        var result = Compute(protocol, new CalendarRequest(D("2026-02-02")));

        result.Dates().ShouldBe(["2026-02-02", "2026-03-02", "2026-03-30"]);
        result.StopReason.ShouldBeNull();
    }

    [Fact]
    public void Calendar_SingleStepWithoutMaintenance_IsOneDose()
    {
        var protocol = DefaultProtocols.Natalizumab with { Code = "one-off", Maintenance = null, MinSpacing = null };

        var result = Compute(protocol, new CalendarRequest(D("2026-02-02")));

        result.Dates().ShouldBe(["2026-02-02"]);
        result.StopReason.ShouldBeNull();
    }

    [Fact]
    public void Calendar_BsaDosedCourseOverTheCap_IsLeftOutWhole()
    {
        var protocol = new ProtocolDefinition
        {
            Code = "capped-course",
            Name = "Capped course",
            Drug = new Drug("testdrug"),
            Window = DoseWindow.Exact,
            Courses = new CourseRule
            {
                FirstCourseDays = 3,
                Gap = Interval.OfMonths(1),
                PlannedCourses = 4,
                DailyAmount = DoseAmount.MgPerM2(10),
                DayChairTimes = [new CourseDayChairTime(1, _hour)],
            },
            CumulativeCapMgPerM2 = 100m,
        };

        var result = Compute(protocol, new CalendarRequest(D("2026-01-31"), Bsa: 1.5m, PriorCumulativeMgPerM2: 35m));

        // 35 + 30 = 65 fits; a second course would reach 95 (fits); a third 125 (does not).
        result.Doses.Count.ShouldBe(6);
        result.Dates().Skip(3).ShouldBe(["2026-02-28", "2026-03-01", "2026-03-02"]);
        result.CumulativeMgPerM2.ShouldBe(95m);
        result.StopReason.ShouldBe(StopReasons.CumulativeCap);
        result.Amounts().ShouldAllBe(a => a == 15m);
    }

    [Fact]
    public void Calendar_FirstDoseAnchoredMonthSeries_ShiftsWithALateSecondStep()
    {
        var protocol = new ProtocolDefinition
        {
            Code = "monthly-after-loading",
            Name = "Loading then monthly",
            Drug = new Drug("testdrug"),
            Window = new DoseWindow(3, 3),
            Steps =
            [
                new DoseStep(0, DoseAmount.Mg(100), _hour),
                new DoseStep(7, DoseAmount.Mg(100), _hour),
            ],
            Maintenance = new MaintenanceRule
            {
                Interval = Interval.OfMonths(1),
                Anchor = MaintenanceAnchor.FirstDose,
                Amount = DoseAmount.Mg(50),
                ChairTime = _hour,
            },
        };

        var plan = Compute(protocol, new CalendarRequest(D("2026-01-31"), D("2026-05-31")));
        var shifted = Compute(protocol, new CalendarRequest(D("2026-01-31"), D("2026-05-31"), Given: Given((2, "2026-02-10"))));

        plan.Dates().ShouldBe(["2026-01-31", "2026-02-07", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31"]);
        // Step 2 three days late: the day-0 anchor becomes 2026-02-03, months counted from it.
        shifted.Dates().ShouldBe(["2026-01-31", "2026-02-07", "2026-03-03", "2026-04-03", "2026-05-03"]);
    }

    [Fact]
    public void Calendar_RoundingUpMode_RoundsEveryDoseUpToTheIncrement()
    {
        var protocol = DefaultProtocols.Mitoxantrone with { Rounding = new DoseRounding(1m, DoseRoundingMode.Up) };

        var result = Compute(protocol, new CalendarRequest(D("2026-01-05"), D("2026-01-05"), Bsa: 1.71m));

        result.Doses.ShouldHaveSingleItem().Amount.ShouldBe(21m); // 20.52 -> 21
    }

    [Fact]
    public void Calendar_CourseLengthRangeOnMultiCourseProtocol_AppliesToLaterCoursesWithoutOwnLength()
    {
        var protocol = new ProtocolDefinition
        {
            Code = "pulses",
            Name = "Monthly pulses",
            Drug = new Drug("testdrug"),
            Window = DoseWindow.Exact,
            Courses = new CourseRule
            {
                FirstCourseDays = 3,
                MinDays = 1,
                MaxDays = 3,
                Gap = Interval.OfMonths(1),
                PlannedCourses = 2,
                MaxCourses = 2,
                DailyAmount = DoseAmount.Mg(500),
                DayChairTimes = [new CourseDayChairTime(1, _hour), new CourseDayChairTime(2, new ChairTime(0, 30, 0))],
            },
        };

        var result = Compute(protocol, new CalendarRequest(D("2026-01-10"), Days: 2));

        result.Dates().ShouldBe(["2026-01-10", "2026-01-11", "2026-02-10", "2026-02-11"]);
        result.ChairMinutes().ShouldBe([60, 30, 60, 30]);
        result.StopReason.ShouldBeNull();
    }

    [Theory]
    [InlineData("2025-11-30", 3, "2026-02-28")]
    [InlineData("2027-11-30", 3, "2028-02-29")]
    [InlineData("2026-01-31", 1, "2026-02-28")]
    [InlineData("2026-01-31", 13, "2027-02-28")]
    [InlineData("2028-02-29", 12, "2029-02-28")]
    public void Interval_AddingMonths_ClampsToTheLastDayOfShorterMonths(string anchor, int months, string expected)
    {
        Interval.OfMonths(months).AddTo(D(anchor)).ShouldBe(D(expected));
    }

    [Fact]
    public void Interval_AddingAMultiple_CountsFromTheAnchorNotTheLastDate()
    {
        var threeMonths = Interval.OfMonths(3);

        threeMonths.AddTo(D("2025-11-30"), 2).ShouldBe(D("2026-05-30"));
        threeMonths.AddTo(threeMonths.AddTo(D("2025-11-30"))).ShouldBe(D("2026-05-28")); // what chaining would do
        Interval.OfWeeks(24).AddTo(D("2026-01-05"), 2).ShouldBe(D("2026-12-07"));
    }
}
