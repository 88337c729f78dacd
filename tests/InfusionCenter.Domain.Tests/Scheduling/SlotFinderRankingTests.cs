using InfusionCenter.Domain.Scheduling;
using static InfusionCenter.Domain.Tests.Scheduling.SchedulingTestHelpers;

namespace InfusionCenter.Domain.Tests.Scheduling;

public class SlotFinderRankingTests
{
    private static List<DateOnly> DaysInOrder(IReadOnlyList<Slot> slots)
    {
        var days = new List<DateOnly>();
        foreach (var day in slots.Select(s => DateOnly.FromDateTime(s.Start)))
        {
            if (!days.Contains(day))
            {
                days.Add(day);
            }
        }

        return days;
    }

    [Fact]
    public void SlotFinder_TargetMidWindow_ClosestDaysFirst()
    {
        var schedule = Weekdays(Recliners(1));
        var request = new SlotRequest { DurationMinutes = 60, From = Monday, To = Monday.AddDays(4), Target = Monday.AddDays(2), MaxResults = 1000 };

        var days = DaysInOrder(SlotFinder.Find(schedule, Index(), request));

        days.ShouldBe([Monday.AddDays(2), Monday.AddDays(1), Monday.AddDays(3), Monday, Monday.AddDays(4)]);
    }

    [Fact]
    public void SlotFinder_TargetOnClosedDay_NearestOpenDaysFirst()
    {
        var schedule = Weekdays(Recliners(1));
        var saturday = Monday.AddDays(5);
        var request = new SlotRequest { DurationMinutes = 60, From = Monday, To = Monday.AddDays(11), Target = saturday, MaxResults = 1000 };

        var days = DaysInOrder(SlotFinder.Find(schedule, Index(), request));

        days.Take(3).ShouldBe([Monday.AddDays(4), Monday.AddDays(3), Monday.AddDays(7)]); // Fri (−1), Thu (−2, the earlier of a tie), Mon (+2)
    }

    [Fact]
    public void SlotFinder_NoTarget_EarliestDayFirst()
    {
        var schedule = Weekdays(Recliners(1));
        var request = new SlotRequest { DurationMinutes = 60, From = Monday.AddDays(1), To = Monday.AddDays(4), MaxResults = 1000 };

        DaysInOrder(SlotFinder.Find(schedule, Index(), request)).ShouldBe([Monday.AddDays(1), Monday.AddDays(2), Monday.AddDays(3), Monday.AddDays(4)]);
    }

    [Fact]
    public void SlotFinder_TargetBeforeToday_EarliestAllowedDayFirst()
    {
        var schedule = Weekdays(Recliners(1));
        var request = new SlotRequest
        {
            DurationMinutes = 60, From = Monday, To = Monday.AddDays(4), Target = Monday.AddDays(-10), NotBefore = Monday.AddDays(2), MaxResults = 1000,
        };

        DaysInOrder(SlotFinder.Find(schedule, Index(), request)).ShouldBe([Monday.AddDays(2), Monday.AddDays(3), Monday.AddDays(4)]);
    }

    [Fact]
    public void SlotFinder_LongInfusion_PrefersEarlyStarts()
    {
        var schedule = Weekdays(Recliners(1));

        var slots = SlotFinder.Find(schedule, Index(), OneDay(Monday, 360));

        slots[0].Start.ShouldBe(At(Monday, 8));
        slots.Select(s => s.Start).ShouldBeInOrder(SortDirection.Ascending);
        slots.Select(s => s.Score).ShouldBeInOrder(SortDirection.Ascending);
        slots[^1].Score.ShouldBe(SlotScoring.LateLongPerHourPerHour * 3 * 6, 1e-9); // 6 h visit starting 3 h after opening
    }

    [Fact]
    public void SlotFinder_LongerInfusion_PaysMoreForTheSameLateStart()
    {
        var schedule = Weekdays(Recliners(1));

        var fourHours = SlotFinder.Find(schedule, Index(), OneDay(Monday, 240)).Single(s => s.Start == At(Monday, 10));
        var sixHours = SlotFinder.Find(schedule, Index(), OneDay(Monday, 360)).Single(s => s.Start == At(Monday, 10));

        sixHours.Score.ShouldBeGreaterThan(fourHours.Score);
    }

    [Fact]
    public void SlotFinder_ManyStartsAt0800_StaggersTheNextStart()
    {
        var schedule = Weekdays(Recliners(6));
        var bookings = Index(
            new Booking(1, At(Monday, 8), At(Monday, 9), 1),
            new Booking(2, At(Monday, 8), At(Monday, 10), 2),
            new Booking(3, At(Monday, 8), At(Monday, 11), 3));

        var slots = SlotFinder.Find(schedule, bookings, OneDay(Monday, 60, max: 10));

        slots[0].Start.ShouldBeGreaterThanOrEqualTo(At(Monday, 8, 30));
        var crowded = SlotFinder.Find(schedule, bookings, OneDay(Monday, 60, max: 1000)).First(s => s.Start == At(Monday, 8));
        crowded.Score.ShouldBe(3 * SlotScoring.PerNearbyStart, 1e-9);
    }

    [Fact]
    public void SlotFinder_LongInfusionAmongCrowdedOpening_TradesStaggerAgainstLateness()
    {
        var schedule = Weekdays(Recliners(8));
        var bookings = Index(Enumerable.Range(1, 6).Select(c => new Booking(c, At(Monday, 8), At(Monday, 9), c)).ToArray());

        var best = SlotFinder.Find(schedule, bookings, OneDay(Monday, 420, max: 1))[0];

        // 08:00 costs 6 × 0.5 = 3 (stagger); 08:30 costs 0.1 × 0.5 h × 7 h = 0.35.
        best.Start.ShouldBe(At(Monday, 8, 30));
    }

    [Fact]
    public void SlotFinder_MorningPreference_MorningSlotsFirst()
    {
        var schedule = Weekdays(Recliners(1));

        var slots = SlotFinder.Find(schedule, Index(), OneDay(Monday, 60) with { Preference = TimePreference.Morning });

        slots.TakeWhile(s => s.Start.Hour < 12).Count().ShouldBe(16); // 08:00 .. 11:45
        slots.Skip(16).ShouldAllBe(s => s.Start.Hour >= 12 && s.Score == SlotScoring.PreferenceMissed);
    }

    [Fact]
    public void SlotFinder_AfternoonPreference_AfternoonSlotsFirst()
    {
        var schedule = Weekdays(Recliners(1));

        var slots = SlotFinder.Find(schedule, Index(), OneDay(Monday, 60, max: 5) with { Preference = TimePreference.Afternoon });

        slots.Select(s => Hm(s.Start)).ShouldBe(["12:00", "12:15", "12:30", "12:45", "13:00"]);
    }

    [Fact]
    public void SlotFinder_PreferredWeekday_TwoDaysFromTheTarget_WinsOverTheTarget()
    {
        var schedule = Weekdays(Recliners(1));
        var thursday = Monday.AddDays(3);
        var request = new SlotRequest
        {
            DurationMinutes = 60, From = Monday, To = Monday.AddDays(11), Target = thursday, MaxResults = 1000,
            PreferredWeekdays = [DayOfWeek.Tuesday],
        };

        var slots = SlotFinder.Find(schedule, Index(), request);

        DateOnly.FromDateTime(slots[0].Start).ShouldBe(Monday.AddDays(1)); // Tuesday: 2 days × 10 < 25
        slots[0].Score.ShouldBe(2 * SlotScoring.PerDayFromReference);
        DaysInOrder(slots)[1].ShouldBe(thursday); // then the target day, weekday missed
        slots.First(s => DateOnly.FromDateTime(s.Start) == thursday).Score.ShouldBe(SlotScoring.WeekdayMissed);
    }

    [Fact]
    public void SlotFinder_PreferredWeekday_ThreeOrMoreDaysAway_TheTargetDayStays()
    {
        var schedule = Weekdays(Recliners(1));
        var request = new SlotRequest
        {
            DurationMinutes = 60, From = Monday.AddDays(-7), To = Monday.AddDays(7), Target = Monday, MaxResults = 1000,
            PreferredWeekdays = [DayOfWeek.Thursday, DayOfWeek.Friday],
        };

        var days = DaysInOrder(SlotFinder.Find(schedule, Index(), request));

        days[0].ShouldBe(Monday); // Friday before is 3 days away (30 > 25), Thursday after is 3 days away
        days[1].ShouldBe(Monday.AddDays(-3)); // the Friday before: 30, ties with Thursday after, earlier day first
        days[2].ShouldBe(Monday.AddDays(3));
    }

    [Fact]
    public void SlotFinder_NoPreferredWeekdays_OrAnEmptySet_RanksAsBefore()
    {
        var schedule = Weekdays(Recliners(1));
        var request = new SlotRequest { DurationMinutes = 60, From = Monday, To = Monday.AddDays(4), Target = Monday.AddDays(2), MaxResults = 1000 };

        var plain = SlotFinder.Find(schedule, Index(), request);
        var empty = SlotFinder.Find(schedule, Index(), request with { PreferredWeekdays = [] });

        empty.Select(s => (s.ChairId, s.Start, s.Score)).ShouldBe(plain.Select(s => (s.ChairId, s.Start, s.Score)));
        DateOnly.FromDateTime(plain[0].Start).ShouldBe(Monday.AddDays(2));
    }

    [Fact]
    public void SlotFinder_EqualScores_TieBreakByChairThenStart()
    {
        var schedule = Weekdays(Recliners(3));

        var slots = SlotFinder.Find(schedule, Index(), OneDay(Monday, 60, max: 40));

        slots.Take(33).ShouldAllBe(s => s.ChairId == 1);
        slots.Take(33).Select(s => s.Start).ShouldBeInOrder(SortDirection.Ascending);
        slots[33].ChairId.ShouldBe(2);
    }

    [Fact]
    public void SlotFinder_SameInputsInAnyBookingOrder_SameSlots()
    {
        var random = new Random(11);
        var bookings = new List<Booking>();
        for (var chair = 1; chair <= 6; chair++)
        {
            for (var day = 0; day < 5; day++)
            {
                var start = At(Monday.AddDays(day), 8).AddMinutes(15 * random.Next(8));
                var end = start.AddMinutes(60 + (15 * random.Next(12)));
                bookings.Add(new Booking(chair, start, end, random.Next(20)));
            }
        }

        var schedule = Weekdays(Recliners(6), nurses: 2);
        var request = new SlotRequest { DurationMinutes = 150, From = Monday, To = Monday.AddDays(4), Target = Monday.AddDays(2), PatientId = 3, MaxResults = 25 };
        var shuffled = bookings.OrderBy(_ => random.Next()).ToList();

        var first = SlotFinder.Find(schedule, new BookingIndex(bookings), request);
        var second = SlotFinder.Find(schedule, new BookingIndex(shuffled), request);

        first.Count.ShouldBe(25);
        second.Select(s => (s.ChairId, s.Start, s.Score)).ShouldBe(first.Select(s => (s.ChairId, s.Start, s.Score)));
    }
}
