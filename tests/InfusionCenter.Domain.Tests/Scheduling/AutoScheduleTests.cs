using InfusionCenter.Domain.Scheduling;
using static InfusionCenter.Domain.Tests.Scheduling.SchedulingTestHelpers;

namespace InfusionCenter.Domain.Tests.Scheduling;

public class AutoScheduleTests
{
    [Fact]
    public void AutoSchedule_FortyRequests_PlacesAllWithoutAnyOverlap()
    {
        var random = new Random(5);
        var existing = new List<Booking>();
        for (var chair = 1; chair <= 8; chair++)
        {
            for (var day = 0; day < 5; day++)
            {
                var start = At(Monday.AddDays(day), 8).AddMinutes(30 * random.Next(10));
                existing.Add(new Booking(chair, start, start.AddMinutes(60 * (1 + random.Next(4))), 100 + random.Next(50)));
            }
        }

        IReadOnlyList<ChairInfo> chairs = [.. Recliners(6), new ChairInfo(7, "bed"), new ChairInfo(8, "bed")];
        var schedule = Weekdays(chairs, nurses: 3);
        var index = new BookingIndex(existing);
        var requests = Enumerable.Range(0, 40).Select(i => new SlotRequest
        {
            DurationMinutes = 60 + (30 * (i % 9)),
            From = Monday,
            To = Monday.AddDays(4),
            Target = Monday.AddDays(i % 5),
            PatientId = i % 12 == 0 ? 101 : 1000 + (i % 20), // patient 101 has existing bookings; several requests share a patient
            RequiredChairKind = i % 7 == 0 ? "bed" : null,
            CourseDays = i % 10 == 3 ? 2 : 1,
        }).ToList();

        var results = SlotFinder.AutoSchedule(schedule, index, requests);

        results.Count.ShouldBe(40);
        results.Select(r => r.RequestIndex).ShouldBe(Enumerable.Range(0, 40));
        results.ShouldAllBe(r => r.Placed && r.Reason == null);
        var all = new List<Booking>(existing);
        for (var i = 0; i < results.Count; i++)
        {
            var slot = results[i].Slot!;
            Violation(schedule, all, requests[i], slot).ShouldBeNull($"request {i}");
            all.AddRange(slot.Days.Select(d => new Booking(d.ChairId, d.Start, d.End, requests[i].PatientId)));
        }

        foreach (var a in all.Skip(existing.Count))
        {
            all.Count(b => b.ChairId == a.ChairId && Overlap(a.Start, a.End, b.Start, b.End)).ShouldBe(1);
            if (a.PatientId is { } patient)
            {
                all.Count(b => b.PatientId == patient && Overlap(a.Start, a.End, b.Start, b.End)).ShouldBe(1);
            }
        }

        index.Count.ShouldBe(all.Count);
    }

    [Fact]
    public void AutoSchedule_LaterRequestsSeeEarlierOnes_SecondGoesElsewhere()
    {
        var schedule = Weekdays(Recliners(1), opens: new TimeOnly(8, 0), closes: new TimeOnly(12, 0));
        var request = new SlotRequest { DurationMinutes = 240, From = Monday, To = Monday.AddDays(1) };

        var results = SlotFinder.AutoSchedule(schedule, Index(), [request, request, request]);

        results[0].Slot!.Start.ShouldBe(At(Monday, 8));
        results[1].Slot!.Start.ShouldBe(At(Monday.AddDays(1), 8));
        results[2].Slot.ShouldBeNull();
        results[2].Reason.ShouldBe("No free chair inside the window 2026-12-07..2026-12-08");
    }

    [Fact]
    public void AutoSchedule_BedsFull_ReportsNoFreeChairOfKindBed()
    {
        var from = new DateOnly(2026, 12, 1);
        var to = new DateOnly(2026, 12, 8);
        IReadOnlyList<ChairInfo> chairs = [new(1, "recliner"), new(2, "bed")];
        var schedule = Weekdays(chairs);
        var full = Enumerable.Range(0, 8).Select(d => new Booking(2, At(from.AddDays(d), 8), At(from.AddDays(d), 17), null)).ToArray();
        var requests = new[]
        {
            new SlotRequest { DurationMinutes = 120, From = from, To = to, RequiredChairKind = "bed" },
            new SlotRequest { DurationMinutes = 120, From = from, To = to },
        };

        var results = SlotFinder.AutoSchedule(schedule, Index(full), requests);

        results[0].Slot.ShouldBeNull();
        results[0].Reason.ShouldBe("No free chair of kind bed inside the window 2026-12-01..2026-12-08");
        results[1].Slot!.ChairId.ShouldBe(1);
    }

    [Fact]
    public void AutoSchedule_UnplaceableRequests_ReportReasons()
    {
        var schedule = Weekdays(Recliners(2), closed: [Monday.AddDays(1)]);
        var saturday = Monday.AddDays(5);
        var requests = new[]
        {
            new SlotRequest { DurationMinutes = 60, From = Monday, To = Monday, RequiredChairKind = "privateRoom" },
            new SlotRequest { DurationMinutes = 60, From = saturday, To = saturday.AddDays(1) },
            new SlotRequest { DurationMinutes = 60, From = Monday, To = Monday, CourseDays = 3 },
            new SlotRequest { DurationMinutes = 60, From = Monday, To = Monday.AddDays(1), NotBefore = Monday.AddDays(2) },
            new SlotRequest { DurationMinutes = 0, From = Monday, To = Monday },
            new SlotRequest { DurationMinutes = 60, From = Monday, To = Monday },
        };

        var results = SlotFinder.AutoSchedule(schedule, Index(), requests);

        results.Select(r => r.Reason).ShouldBe([
            "No active chair of kind privateRoom",
            "The clinic is closed on every day inside the window 2026-12-12..2026-12-13",
            "No 3 consecutive open days start inside the window 2026-12-07..2026-12-07",
            "The window 2026-12-07..2026-12-08 ends before the first allowed day 2026-12-09",
            "Invalid request: DurationMinutes must be between 1 and 1440 (was 0)",
            null,
        ]);
        results[5].Slot!.Start.ShouldBe(At(Monday, 8));
    }

    [Fact]
    public void AutoSchedule_Course_AddsEveryCourseDayToTheIndex()
    {
        var schedule = Weekdays(Recliners(1));
        var index = Index();
        var course = new SlotRequest { DurationMinutes = 420, From = Monday, To = Monday, CourseDays = 5, PatientId = 9 };

        var result = SlotFinder.AutoSchedule(schedule, index, [course]).ShouldHaveSingleItem();

        result.Slot!.Days.Count.ShouldBe(5);
        index.Count.ShouldBe(5);
        for (var i = 0; i < 5; i++)
        {
            index.On(Monday.AddDays(i)).ShouldHaveSingleItem().PatientId.ShouldBe(9);
            index.IsChairFree(1, At(Monday.AddDays(i), 8), At(Monday.AddDays(i), 15)).ShouldBeFalse();
        }
    }

    [Fact]
    public void AutoSchedule_SameInputs_SameOutcome()
    {
        var schedule = Weekdays(Recliners(4), nurses: 1);
        var requests = Enumerable.Range(0, 30).Select(i => new SlotRequest
        {
            DurationMinutes = 45 + (15 * (i % 13)), From = Monday, To = Monday.AddDays(4), Target = Monday.AddDays(i % 3), PatientId = i,
        }).ToList();

        var first = SlotFinder.AutoSchedule(schedule, Index(), requests);
        var second = SlotFinder.AutoSchedule(schedule, Index(), requests);

        second.Select(r => (r.Slot?.ChairId, r.Slot?.Start, r.Reason)).ShouldBe(first.Select(r => (r.Slot?.ChairId, r.Slot?.Start, r.Reason)));
    }
}
