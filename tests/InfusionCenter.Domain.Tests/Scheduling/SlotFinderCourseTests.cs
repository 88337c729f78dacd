using InfusionCenter.Domain.Scheduling;
using static InfusionCenter.Domain.Tests.Scheduling.SchedulingTestHelpers;

namespace InfusionCenter.Domain.Tests.Scheduling;

public class SlotFinderCourseTests
{
    private static readonly TimeOnly _eight = new(8, 0);
    private static readonly TimeOnly _seventeen = new(17, 0);

    [Fact]
    public void SlotFinder_FiveDayCourse_ConsecutiveDaysSameChairSameTime()
    {
        var schedule = Weekdays(Recliners(3));
        var request = new SlotRequest { DurationMinutes = 420, From = Monday, To = Monday.AddDays(4), CourseDays = 5, MaxResults = 20 };

        var slots = SlotFinder.Find(schedule, Index(), request);

        slots.ShouldNotBeEmpty();
        foreach (var slot in slots)
        {
            slot.Days.Count.ShouldBe(5);
            DateOnly.FromDateTime(slot.Start).ShouldBe(Monday); // Mon–Fri is the only 5-day run of open days
            slot.Days.Select(d => d.ChairId).ShouldAllBe(id => id == slot.ChairId);
            slot.Days.Select(d => Hm(d.Start)).Distinct().Count().ShouldBe(1);
            slot.Days.Select((d, i) => DateOnly.FromDateTime(d.Start) == Monday.AddDays(i)).ShouldAllBe(ok => ok);
            (slot.Start, slot.End).ShouldBe((slot.Days[0].Start, slot.Days[0].End));
        }

        slots[0].Start.ShouldBe(At(Monday, 8)); // a 7 h visit starts at opening
    }

    [Fact]
    public void SlotFinder_ClinicClosedOnDayThree_MovesWholeCourse()
    {
        var closed = Monday.AddDays(2);
        var schedule = EveryDay(Recliners(2), _eight, _seventeen, closed);
        var request = new SlotRequest { DurationMinutes = 60, From = Monday, To = Monday.AddDays(6), Target = Monday, CourseDays = 3, MaxResults = 200 };

        var slots = SlotFinder.Find(schedule, Index(), request);

        slots.ShouldNotBeEmpty();
        slots.ShouldAllBe(s => s.Days.All(d => DateOnly.FromDateTime(d.Start) != closed));
        slots.Min(s => DateOnly.FromDateTime(s.Start)).ShouldBe(Monday.AddDays(3)); // Mon, Tue and Wed would include the closure
        DateOnly.FromDateTime(slots[0].Start).ShouldBe(Monday.AddDays(3));
    }

    [Fact]
    public void SlotFinder_CourseRunsIntoWeekend_StartsOnlyWhereAllDaysAreOpen()
    {
        var schedule = Weekdays(Recliners(1));
        var request = new SlotRequest { DurationMinutes = 60, From = Monday, To = Monday.AddDays(6), CourseDays = 3, MaxResults = 500 };

        var firstDays = SlotFinder.Find(schedule, Index(), request).Select(s => DateOnly.FromDateTime(s.Start)).Distinct().Order().ToList();

        firstDays.ShouldBe([Monday, Monday.AddDays(1), Monday.AddDays(2)]); // Thu–Sat and later would cross the weekend
    }

    [Fact]
    public void SlotFinder_CourseMayEndAfterTo_OnlyDayOneInsideTheWindow()
    {
        var schedule = Weekdays(Recliners(1));
        var request = new SlotRequest { DurationMinutes = 60, From = Monday.AddDays(2), To = Monday.AddDays(2), CourseDays = 3 };

        var slots = SlotFinder.Find(schedule, Index(), request);

        slots.ShouldNotBeEmpty();
        slots.ShouldAllBe(s => DateOnly.FromDateTime(s.Days[2].Start) == Monday.AddDays(4));
    }

    [Fact]
    public void SlotFinder_ChairBusyOnDayTwo_PrefersAnotherChairFreeAllThreeDays()
    {
        var schedule = Weekdays(Recliners(2));
        var bookings = Index(new Booking(1, At(Monday.AddDays(1), 8), At(Monday.AddDays(1), 17), PatientId: 5));
        var request = new SlotRequest { DurationMinutes = 240, From = Monday, To = Monday, CourseDays = 3, MaxResults = 50 };

        var slots = SlotFinder.Find(schedule, bookings, request);

        slots.ShouldNotBeEmpty();
        slots.ShouldAllBe(s => s.ChairId == 2 && s.Days.All(d => d.ChairId == 2));
        slots[0].Days.Select(d => Hm(d.Start)).ShouldBe(["08:00", "08:00", "08:00"]);
    }

    [Fact]
    public void SlotFinder_NoSameChairSameTimeOption_ChangesTimeOnOneDayWithPenalty()
    {
        var schedule = Weekdays(Recliners(1), opens: _eight, closes: new TimeOnly(10, 0));
        var tuesday = Monday.AddDays(1);
        var bookings = Index(
            new Booking(1, At(Monday, 9), At(Monday, 10), PatientId: 5),
            new Booking(1, At(tuesday, 8), At(tuesday, 9), PatientId: 6));
        var request = new SlotRequest { DurationMinutes = 60, From = Monday, To = Monday, CourseDays = 2 };

        var slots = SlotFinder.Find(schedule, bookings, request);

        slots.Count.ShouldBe(1);
        slots[0].Days.Select(d => Dhm(d.Start)).ShouldBe(["2026-12-07 08:00", "2026-12-08 09:00"]);
        slots[0].Score.ShouldBe(SlotScoring.CourseTimeChange + (60 * SlotScoring.CourseTimeShiftPerMinute), 1e-9);
    }

    [Fact]
    public void SlotFinder_NoSameChairOption_ChangesChairOnOneDayWithPenalty()
    {
        var schedule = Weekdays(Recliners(2), opens: _eight, closes: new TimeOnly(9, 0));
        var tuesday = Monday.AddDays(1);
        var bookings = Index(
            new Booking(2, At(Monday, 8), At(Monday, 9), PatientId: 5),
            new Booking(1, At(tuesday, 8), At(tuesday, 9), PatientId: 6));
        var request = new SlotRequest { DurationMinutes = 60, From = Monday, To = Monday, CourseDays = 2 };

        var slots = SlotFinder.Find(schedule, bookings, request);

        slots.Count.ShouldBe(1);
        slots[0].Days.Select(d => (d.ChairId, Dhm(d.Start))).ShouldBe([(1, "2026-12-07 08:00"), (2, "2026-12-08 08:00")]);
        slots[0].Score.ShouldBe(SlotScoring.CourseChairChange + (2 * SlotScoring.PerNearbyStart), 1e-9); // both days share 08:00 with another start
    }

    [Fact]
    public void SlotFinder_SameChairSameTimeOptionExists_NeverOffersMixedCourseForThatStartDay()
    {
        var schedule = Weekdays(Recliners(2));
        var tuesday = Monday.AddDays(1);
        var bookings = Index(new Booking(1, At(tuesday, 8), At(tuesday, 12), PatientId: 6));
        var request = new SlotRequest { DurationMinutes = 60, From = Monday, To = Monday, CourseDays = 2, MaxResults = 1000 };

        var slots = SlotFinder.Find(schedule, bookings, request);

        slots.ShouldNotBeEmpty();
        slots.ShouldAllBe(s => s.Days.All(d => d.ChairId == s.ChairId) && s.Days.Select(d => d.Start.TimeOfDay).Distinct().Count() == 1);
    }

    [Fact]
    public void SlotFinder_CourseDurationsPerDay_EachDayGetsItsOwnMinutes()
    {
        var schedule = Weekdays(Recliners(1));
        var request = new SlotRequest
        {
            DurationMinutes = 420, From = Monday, To = Monday, CourseDays = 5, CourseDurations = [420, 420, 420, 390, 390], MaxResults = 1,
        };

        var slot = SlotFinder.Find(schedule, Index(), request).ShouldHaveSingleItem();

        slot.Days.Select(d => (int)(d.End - d.Start).TotalMinutes).ShouldBe([420, 420, 420, 390, 390]);
        slot.Days.Select(d => Hm(d.Start)).ShouldAllBe(h => h == "08:00");
    }

    [Fact]
    public void SlotFinder_PatientBusyOnCourseDayTwo_CourseAvoidsIt()
    {
        var schedule = Weekdays(Recliners(2));
        var tuesday = Monday.AddDays(1);
        var bookings = Index(new Booking(2, At(tuesday, 8), At(tuesday, 12), PatientId: 5));
        var request = new SlotRequest { DurationMinutes = 120, From = Monday, To = Monday, CourseDays = 3, PatientId = 5, MaxResults = 100 };

        var slots = SlotFinder.Find(schedule, bookings, request);

        slots.ShouldNotBeEmpty();
        slots.ShouldAllBe(s => s.Days[1].Start >= At(tuesday, 12));
    }
}
