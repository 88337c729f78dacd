using InfusionCenter.Domain.Scheduling;
using static InfusionCenter.Domain.Tests.Scheduling.SchedulingTestHelpers;

namespace InfusionCenter.Domain.Tests.Scheduling;

public class SlotFinderNurseTests
{
    [Fact]
    public void SlotFinder_OneNurseTwoStartsAlreadyAt0800_ThirdStartStaggeredToHalfPast()
    {
        var schedule = Weekdays(Recliners(3), nurses: 1, rules: new NurseRules(MaxPatientsPerNurse: 10, MaxStartsPerNursePer30Minutes: 2));
        var bookings = Index(
            new Booking(1, At(Monday, 8), At(Monday, 9), PatientId: 1),
            new Booking(2, At(Monday, 8), At(Monday, 9), PatientId: 2));

        var slots = SlotFinder.Find(schedule, bookings, OneDay(Monday, 60));

        slots.ShouldNotContain(s => s.Start < At(Monday, 8, 30)); // 08:00 and 08:15 would be a third start in [08:00, 08:30)
        slots.ShouldContain(s => s.ChairId == 3 && s.Start == At(Monday, 8, 30));
    }

    [Fact]
    public void SlotFinder_OneNurseStartsAt0800And0820_SpanAcross0815IsFull()
    {
        var schedule = Weekdays(Recliners(3), nurses: 1, rules: new NurseRules(MaxPatientsPerNurse: 10, MaxStartsPerNursePer30Minutes: 2));
        var bookings = Index(
            new Booking(1, At(Monday, 8), At(Monday, 9), PatientId: 1),
            new Booking(2, At(Monday, 8, 20), At(Monday, 9), PatientId: 2));

        var starts = SlotFinder.Find(schedule, bookings, OneDay(Monday, 60)).Where(s => s.ChairId == 3).Select(s => Hm(s.Start)).ToList();

        // 08:30 shares [08:20, 08:50) with the 08:20 start only; 08:45 and later: fine. 08:00/08:15: three starts in one span.
        starts.ShouldNotContain("08:00");
        starts.ShouldNotContain("08:15");
        starts.ShouldContain("08:30");
    }

    [Fact]
    public void SlotFinder_TwoNursesFourStarts_AllowsMoreStartsThanOneNurse()
    {
        var rules = new NurseRules(MaxPatientsPerNurse: 10, MaxStartsPerNursePer30Minutes: 2);
        var bookings = Index(
            new Booking(1, At(Monday, 8), At(Monday, 9), PatientId: 1),
            new Booking(2, At(Monday, 8), At(Monday, 9), PatientId: 2));

        SlotFinder.Find(Weekdays(Recliners(3), nurses: 2, rules: rules), bookings, OneDay(Monday, 60))
            .ShouldContain(s => s.ChairId == 3 && s.Start == At(Monday, 8));
    }

    [Fact]
    public void SlotFinder_NursePatientLimitReached_NoSlotUntilAChairEmpties()
    {
        var schedule = Weekdays(Recliners(3), nurses: 1, rules: new NurseRules(MaxPatientsPerNurse: 2, MaxStartsPerNursePer30Minutes: 10));
        var bookings = Index(
            new Booking(1, At(Monday, 8), At(Monday, 12), PatientId: 1),
            new Booking(2, At(Monday, 8), At(Monday, 13), PatientId: 2));

        var slots = SlotFinder.Find(schedule, bookings, OneDay(Monday, 60));

        slots.ShouldNotBeEmpty();
        slots.Min(s => s.Start).ShouldBe(At(Monday, 12)); // chair 3 is free all day, but the nurse already has two patients
    }

    [Fact]
    public void SlotFinder_NoNurseDataForTheDay_AppliesNoNurseLimits()
    {
        var schedule = Weekdays(Recliners(3), nurses: 0, rules: new NurseRules(MaxPatientsPerNurse: 2, MaxStartsPerNursePer30Minutes: 1));
        var bookings = Index(
            new Booking(1, At(Monday, 8), At(Monday, 12), PatientId: 1),
            new Booking(2, At(Monday, 8), At(Monday, 13), PatientId: 2));

        SlotFinder.Find(schedule, bookings, OneDay(Monday, 60)).ShouldContain(s => s.ChairId == 3 && s.Start == At(Monday, 8));
    }

    [Fact]
    public void SlotFinder_NurseLimitsPerDay_UseThatDaysStaffing()
    {
        var tuesday = Monday.AddDays(1);
        var schedule = new ClinicSchedule
        {
            Chairs = Recliners(2),
            HoursOn = _ => new DayHours(new TimeOnly(8, 0), new TimeOnly(17, 0)),
            NursesOn = d => d == Monday ? 1 : 2,
            Rules = new NurseRules(MaxPatientsPerNurse: 1, MaxStartsPerNursePer30Minutes: 5),
        };
        var bookings = Index(new Booking(1, At(Monday, 8), At(Monday, 17), 1), new Booking(1, At(tuesday, 8), At(tuesday, 17), 1));
        var request = new SlotRequest { DurationMinutes = 60, From = Monday, To = tuesday, MaxResults = 100 };

        var days = SlotFinder.Find(schedule, bookings, request).Select(s => DateOnly.FromDateTime(s.Start)).Distinct().ToList();

        days.ShouldBe([tuesday]);
    }
}
