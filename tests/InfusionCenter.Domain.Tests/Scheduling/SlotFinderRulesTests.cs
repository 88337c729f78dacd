using InfusionCenter.Domain.Scheduling;
using static InfusionCenter.Domain.Tests.Scheduling.SchedulingTestHelpers;

namespace InfusionCenter.Domain.Tests.Scheduling;

public class SlotFinderRulesTests
{
    [Fact]
    public void SlotFinder_TwoHourVisit_NeverCrossesClosingTime()
    {
        var schedule = Weekdays(Recliners(1));

        var slots = SlotFinder.Find(schedule, Index(), OneDay(Monday, 120));

        slots.Count.ShouldBe(29); // 08:00, 08:15, ..., 15:00
        slots.ShouldAllBe(s => s.End <= At(Monday, 17) && s.Start >= At(Monday, 8));
        slots.Max(s => s.Start).ShouldBe(At(Monday, 15));
    }

    [Fact]
    public void SlotFinder_VisitLongerThanOpeningHours_FindsNothing()
    {
        var schedule = Weekdays(Recliners(2), opens: new TimeOnly(9, 0), closes: new TimeOnly(12, 0));

        SlotFinder.Find(schedule, Index(), OneDay(Monday, 181)).ShouldBeEmpty();
        SlotFinder.Find(schedule, Index(), OneDay(Monday, 180)).Select(s => Hm(s.Start)).Distinct().ShouldBe(["09:00"]);
    }

    [Fact]
    public void SlotFinder_WeekendAndHolidayInWindow_OffersOnlyOpenDays()
    {
        var holiday = Monday.AddDays(2);
        var schedule = Weekdays(Recliners(1), closed: holiday);
        var request = new SlotRequest { DurationMinutes = 60, From = Monday.AddDays(-2), To = Monday.AddDays(6), MaxResults = 1000 };

        var days = SlotFinder.Find(schedule, Index(), request).Select(s => DateOnly.FromDateTime(s.Start)).Distinct().Order().ToList();

        days.ShouldBe([Monday, Monday.AddDays(1), Monday.AddDays(3), Monday.AddDays(4)]);
    }

    [Fact]
    public void SlotFinder_Window_AllSlotsInsideFromTo()
    {
        var schedule = Weekdays(Recliners(3));
        var request = new SlotRequest { DurationMinutes = 90, From = Monday.AddDays(1), To = Monday.AddDays(3), MaxResults = 500 };

        var slots = SlotFinder.Find(schedule, Index(), request);

        slots.Count.ShouldBe(3 * 3 * 31); // 3 days × 3 chairs × starts 08:00 .. 15:30
        slots.ShouldAllBe(s => s.Start >= At(Monday.AddDays(1), 0) && s.Start < At(Monday.AddDays(4), 0));
    }

    [Fact]
    public void SlotFinder_RequiredChairKindBed_OffersBedsOnlyCaseInsensitive()
    {
        IReadOnlyList<ChairInfo> chairs = [new(1, "recliner"), new(2, "Bed"), new(3, "privateRoom"), new(4, "bed")];
        var schedule = Weekdays(chairs);
        var request = OneDay(Monday, 60) with { RequiredChairKind = "BED" };

        var slots = SlotFinder.Find(schedule, Index(), request);

        slots.ShouldNotBeEmpty();
        slots.Select(s => s.ChairId).Distinct().Order().ShouldBe([2, 4]);
    }

    [Fact]
    public void SlotFinder_NoChairOfRequiredKind_FindsNothing()
    {
        var schedule = Weekdays(Recliners(4));

        SlotFinder.Find(schedule, Index(), OneDay(Monday, 60) with { RequiredChairKind = "bed" }).ShouldBeEmpty();
    }

    [Fact]
    public void SlotFinder_ChairBookedMidMorning_NoOverlapButBackToBackAllowed()
    {
        var schedule = Weekdays(Recliners(1));
        var bookings = Index(new Booking(1, At(Monday, 10), At(Monday, 12), PatientId: 99));

        var starts = SlotFinder.Find(schedule, bookings, OneDay(Monday, 60)).Select(s => Hm(s.Start)).Order().ToList();

        starts.ShouldContain("09:00"); // ends 10:00 as the booking starts
        starts.ShouldContain("12:00"); // starts as the booking ends
        starts.ShouldNotContain("09:15");
        starts.ShouldNotContain("11:45");
        starts.ShouldNotContain("10:00");
    }

    [Fact]
    public void SlotFinder_PatientBookedOnAnotherChair_IsNotDoubleBooked()
    {
        var schedule = Weekdays(Recliners(2));
        var bookings = Index(new Booking(2, At(Monday, 9), At(Monday, 11), PatientId: 7));
        var request = OneDay(Monday, 60) with { PatientId = 7 };

        var slots = SlotFinder.Find(schedule, bookings, request);

        slots.ShouldNotBeEmpty();
        slots.ShouldAllBe(s => !Overlap(s.Start, s.End, At(Monday, 9), At(Monday, 11)));
        slots.ShouldContain(s => s.ChairId == 1 && s.Start == At(Monday, 8)); // back to back before
        slots.ShouldContain(s => s.ChairId == 1 && s.Start == At(Monday, 11)); // back to back after
    }

    [Fact]
    public void SlotFinder_OtherPatientsBooking_DoesNotBlockThisPatientOnAnotherChair()
    {
        var schedule = Weekdays(Recliners(2));
        var bookings = Index(new Booking(2, At(Monday, 9), At(Monday, 11), PatientId: 8));

        var slots = SlotFinder.Find(schedule, bookings, OneDay(Monday, 60) with { PatientId = 7 });

        slots.ShouldContain(s => s.ChairId == 1 && s.Start == At(Monday, 9));
    }

    [Fact]
    public void SlotFinder_BookingSpanningMidnight_BlocksTheNextMorning()
    {
        var schedule = EveryDay(Recliners(1), new TimeOnly(6, 0), new TimeOnly(23, 0));
        var bookings = Index(new Booking(1, At(Monday, 22), At(Monday.AddDays(1), 9), PatientId: null));

        var starts = SlotFinder.Find(schedule, bookings, OneDay(Monday.AddDays(1), 60)).Select(s => s.Start).ToList();

        starts.ShouldNotBeEmpty();
        starts.Min().ShouldBe(At(Monday.AddDays(1), 9));
    }

    [Fact]
    public void SlotFinder_NotBeforeToday_NeverOffersPastDays()
    {
        var schedule = Weekdays(Recliners(1));
        var request = new SlotRequest { DurationMinutes = 60, From = Monday, To = Monday.AddDays(4), NotBefore = Monday.AddDays(2), MaxResults = 1000 };

        var slots = SlotFinder.Find(schedule, Index(), request);

        slots.ShouldNotBeEmpty();
        slots.Min(s => s.Start).ShouldBe(At(Monday.AddDays(2), 8));
    }

    [Fact]
    public void SlotFinder_NotBeforeTimeNow_NoEarlierStartToday()
    {
        var schedule = Weekdays(Recliners(1));
        var request = new SlotRequest
        {
            DurationMinutes = 60, From = Monday, To = Monday.AddDays(1), NotBefore = Monday, NotBeforeTime = At(Monday, 13, 5), MaxResults = 1000,
        };

        var slots = SlotFinder.Find(schedule, Index(), request);

        var today = slots.Where(s => DateOnly.FromDateTime(s.Start) == Monday).Select(s => s.Start).ToList();
        today.Min().ShouldBe(At(Monday, 13, 15));
        slots.Min(s => s.Start).ShouldBe(At(Monday, 13, 15));
        slots.ShouldContain(s => s.Start == At(Monday.AddDays(1), 8)); // tomorrow is open from opening time
        slots[0].Start.ShouldBe(At(Monday, 13, 15)); // no target: the earliest allowed day first
    }

    [Fact]
    public void SlotFinder_WindowEndsBeforeNotBefore_FindsNothing()
    {
        var schedule = Weekdays(Recliners(1));
        var request = new SlotRequest { DurationMinutes = 60, From = Monday, To = Monday.AddDays(1), NotBefore = Monday.AddDays(2) };

        SlotFinder.Find(schedule, Index(), request).ShouldBeEmpty();
    }

    [Fact]
    public void SlotFinder_MaxResults_BoundsTheListAndChairStartPairsAreUnique()
    {
        var schedule = Weekdays(Recliners(5));
        var request = new SlotRequest { DurationMinutes = 45, From = Monday, To = Monday.AddDays(4), MaxResults = 37 };

        var slots = SlotFinder.Find(schedule, Index(), request);

        slots.Count.ShouldBe(37);
        slots.Select(s => (s.ChairId, s.Start)).Distinct().Count().ShouldBe(37);
        slots.Select(s => s.Score).ShouldBeInOrder(SortDirection.Ascending);
        SlotFinder.Find(schedule, Index(), request with { MaxResults = 0 }).ShouldBeEmpty();
    }

    [Fact]
    public void SlotFinder_GranularityThirtyMinutes_StartsOnTheHalfHourGrid()
    {
        var schedule = Weekdays(Recliners(1), opens: new TimeOnly(7, 30));
        schedule = new ClinicSchedule { Chairs = schedule.Chairs, HoursOn = schedule.HoursOn, NursesOn = schedule.NursesOn, GranularityMinutes = 30 };

        var starts = SlotFinder.Find(schedule, Index(), OneDay(Monday, 60)).Select(s => s.Start).ToList();

        starts.Count.ShouldBe(18); // 07:30 .. 16:00
        starts.ShouldAllBe(s => s.Minute % 30 == 0);
    }

    [Fact]
    public void SlotFinder_InvalidRequest_Throws()
    {
        var schedule = Weekdays(Recliners(1));

        Should.Throw<ArgumentException>(() => SlotFinder.Find(schedule, Index(), OneDay(Monday, 0)));
        Should.Throw<ArgumentException>(() => SlotFinder.Find(schedule, Index(), OneDay(Monday, 60) with { CourseDays = 3, CourseDurations = [60, 60] }));
    }
}
