using InfusionCenter.Domain.Scheduling;
using static InfusionCenter.Domain.Tests.Scheduling.SchedulingTestHelpers;

namespace InfusionCenter.Domain.Tests.Scheduling;

public class BookingIndexTests
{
    [Fact]
    public void BookingIndex_BackToBack_IsFreeButOverlapIsNot()
    {
        var index = Index(new Booking(1, At(Monday, 9), At(Monday, 11), PatientId: 4));

        index.IsChairFree(1, At(Monday, 8), At(Monday, 9)).ShouldBeTrue();
        index.IsChairFree(1, At(Monday, 11), At(Monday, 12)).ShouldBeTrue();
        index.IsChairFree(1, At(Monday, 10, 59), At(Monday, 12)).ShouldBeFalse();
        index.IsChairFree(2, At(Monday, 9), At(Monday, 11)).ShouldBeTrue();
        index.IsPatientFree(4, At(Monday, 8), At(Monday, 9, 1)).ShouldBeFalse();
        index.IsPatientFree(4, At(Monday, 11), At(Monday, 12)).ShouldBeTrue();
        index.IsPatientFree(5, At(Monday, 9), At(Monday, 11)).ShouldBeTrue();
    }

    [Fact]
    public void BookingIndex_BookingOverMidnight_TouchesBothDays()
    {
        var overnight = new Booking(1, At(Monday, 22), At(Monday.AddDays(1), 2), PatientId: null);
        var index = Index(overnight, new Booking(2, At(Monday, 9), At(Monday, 10), 1));

        index.On(Monday).ShouldBe([index.On(Monday)[0], overnight]);
        index.On(Monday.AddDays(1)).ShouldBe([overnight]);
        index.On(Monday.AddDays(2)).ShouldBeEmpty();
        index.IsChairFree(1, At(Monday.AddDays(1), 1), At(Monday.AddDays(1), 3)).ShouldBeFalse();
        index.IsChairFree(1, At(Monday.AddDays(1), 2), At(Monday.AddDays(1), 3)).ShouldBeTrue();
    }

    [Fact]
    public void BookingIndex_Add_KeepsDaysSortedAndIsSeenByTheFinder()
    {
        var index = Index(new Booking(1, At(Monday, 12), At(Monday, 13), 1));
        index.Add(new Booking(1, At(Monday, 8), At(Monday, 10), 2));

        index.On(Monday).Select(b => Hm(b.Start)).ShouldBe(["08:00", "12:00"]);
        index.Count.ShouldBe(2);
        SlotFinder.Find(Weekdays(Recliners(1)), index, OneDay(Monday, 60)).ShouldNotContain(s => s.Start < At(Monday, 10));
    }

    [Fact]
    public void BookingIndex_EndBeforeStart_Throws()
    {
        Should.Throw<ArgumentException>(() => Index(new Booking(1, At(Monday, 12), At(Monday, 11), 1)));
    }
}
