using InfusionCenter.Domain.Scheduling;
using static InfusionCenter.Domain.Tests.Scheduling.SchedulingTestHelpers;

namespace InfusionCenter.Domain.Tests.Scheduling;

public class FreeStretchesTests
{
    private static readonly DayHours Hours = new(new TimeOnly(8, 0), new TimeOnly(18, 0));

    private static readonly DateTime BeforeOpening = At(Monday, 6);

    [Fact]
    public void Find_EmptyChairs_AreFreeFromOpeningToClosing_InChairOrder()
    {
        var stretches = FreeStretches.Find(Monday, Hours, BeforeOpening, [3, 1], []);

        stretches.ShouldBe([new FreeStretch(3, At(Monday, 8), At(Monday, 18)), new FreeStretch(1, At(Monday, 8), At(Monday, 18))]);
    }

    [Fact]
    public void Find_BookingsSplitTheDay_AndStretchesUnderHalfAnHourAreNotOffered()
    {
        var bookings = new[]
        {
            new Booking(1, At(Monday, 11), At(Monday, 14), 7),
            new Booking(1, At(Monday, 8, 0), At(Monday, 9, 40), 8), // 9:40-11:00 is free (80 min)
            new Booking(1, At(Monday, 14, 20), At(Monday, 17, 45), 9), // 14:00-14:20 and 17:45-18:00 are too short
        };

        var stretches = FreeStretches.Find(Monday, Hours, BeforeOpening, [1], bookings);

        stretches.ShouldBe([new FreeStretch(1, At(Monday, 9, 40), At(Monday, 11))]);
        stretches[0].Minutes.ShouldBe(80);
    }

    [Fact]
    public void Find_OverlappingBookings_AndOnesRunningPastClosing_LeaveNoPhantomStretch()
    {
        var bookings = new[]
        {
            new Booking(2, At(Monday, 9), At(Monday, 13), 1),
            new Booking(2, At(Monday, 10), At(Monday, 12), 2), // inside the first
            new Booking(2, At(Monday, 17, 30), At(Monday, 19), 3),
        };

        var stretches = FreeStretches.Find(Monday, Hours, BeforeOpening, [2], bookings);

        stretches.ShouldBe([new FreeStretch(2, At(Monday, 8), At(Monday, 9)), new FreeStretch(2, At(Monday, 13), At(Monday, 17, 30))]);
    }

    [Fact]
    public void Find_DuringTheDay_StartsAtNowRoundedUpToTheQuarter_AndNothingInThePast()
    {
        var stretches = FreeStretches.Find(Monday, Hours, At(Monday, 10, 7), [1], [new Booking(1, At(Monday, 12), At(Monday, 15), 4)]);

        stretches.ShouldBe([new FreeStretch(1, At(Monday, 10, 15), At(Monday, 12)), new FreeStretch(1, At(Monday, 15), At(Monday, 18))]);
        FreeStretches.Find(Monday, Hours, At(Monday, 17, 40), [1], []).ShouldBeEmpty(); // 17:45-18:00 is too short
        FreeStretches.Find(Monday, Hours, At(Monday, 19), [1], []).ShouldBeEmpty();
    }
}
