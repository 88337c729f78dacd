using InfusionCenter.Domain.Calendars;
using InfusionCenter.Domain.Protocols;
using static InfusionCenter.Domain.Tests.Calendars.CalendarTestHelpers;
using static InfusionCenter.Domain.Tests.TestDates;

namespace InfusionCenter.Domain.Tests.Calendars;

public class MethylprednisoloneCalendarTests
{
    private static readonly ProtocolDefinition _protocol = DefaultProtocols.Methylprednisolone;

    [Fact]
    public void Calendar_MethylprednisoloneDefault_IsFiveConsecutiveDaysOf1000Mg()
    {
        var result = Compute(_protocol, new CalendarRequest(D("2026-03-10")));

        result.Dates().ShouldBe(["2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13", "2026-03-14"]);
        result.Amounts().ShouldAllBe(a => a == 1000m);
        result.ChairMinutes().ShouldAllBe(m => m == 75);
        result.Doses.Select(d => d.DayInCourse).ShouldBe([1, 2, 3, 4, 5]);
        result.Doses.ShouldAllBe(d => d.Course == 1);
        result.StopReason.ShouldBeNull();
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Calendar_MethylprednisoloneDaysInRange_PlansThatManyConsecutiveDays(int days)
    {
        var result = Compute(_protocol, new CalendarRequest(D("2026-12-30"), Days: days));

        result.Doses.Count.ShouldBe(days);
        result.Doses[^1].Date.ShouldBe(D("2026-12-30").AddDays(days - 1));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(6)]
    [InlineData(0)]
    public void Calendar_MethylprednisoloneDaysOutOfRange_IsRejected(int days)
    {
        var exception = Should.Throw<CalendarRequestException>(() => Compute(_protocol, new CalendarRequest(D("2026-03-10"), Days: days)));

        exception.ParamName.ShouldBe("days");
        exception.Errors.ShouldHaveSingleItem().Message.ShouldBe("days must be between 3 and 5");
    }

    [Fact]
    public void Calendar_MethylprednisoloneSecondCourse_IsRejectedBecauseOneCourseIsAllowed()
    {
        var exception = Should.Throw<CalendarRequestException>(() => Compute(_protocol, new CalendarRequest(D("2026-03-10"), Courses: 2)));

        exception.ParamName.ShouldBe("courses");
    }

    [Fact]
    public void Calendar_MethylprednisoloneCourseCrossingUntil_IsNotSplit()
    {
        var result = Compute(_protocol, new CalendarRequest(D("2026-03-10"), D("2026-03-12")));

        result.Doses.ShouldBeEmpty();
        result.StopReason.ShouldBe(StopReasons.Until);
    }

    [Fact]
    public void Calendar_MethylprednisoloneFirstDayWindow_AllowsTwoDaysLateOthersExact()
    {
        var result = Compute(_protocol, new CalendarRequest(D("2026-03-10"), Days: 3));

        (S(result.Doses[0].Earliest), S(result.Doses[0].Latest)).ShouldBe(("2026-03-10", "2026-03-12"));
        (S(result.Doses[2].Earliest), S(result.Doses[2].Latest)).ShouldBe(("2026-03-12", "2026-03-12"));
    }
}
