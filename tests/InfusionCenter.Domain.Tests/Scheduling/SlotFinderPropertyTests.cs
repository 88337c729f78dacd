using InfusionCenter.Domain.Scheduling;
using static InfusionCenter.Domain.Tests.Scheduling.SchedulingTestHelpers;

namespace InfusionCenter.Domain.Tests.Scheduling;

/// <summary>The finder against a naive reference on random small clinics: nothing invalid offered, nothing valid missed.</summary>
public class SlotFinderPropertyTests
{
    private sealed record Scenario(ClinicSchedule Schedule, List<Booking> Bookings, SlotRequest Request, string Description);

    private static Scenario Generate(int seed)
    {
        var random = new Random(seed);
        string[] kinds = ["recliner", "bed", "privateRoom"];
        var chairs = Enumerable.Range(1, 2 + random.Next(4)).Select(id => new ChairInfo(id * 10, kinds[random.Next(kinds.Length)])).ToList();
        var closed = Monday.AddDays(random.Next(7));
        var nurses = random.Next(3);
        var rules = new NurseRules(1 + random.Next(3), 1 + random.Next(2));
        var granularity = random.Next(2) == 0 ? 15 : 30;
        var closes = Enumerable.Range(0, 9).ToDictionary(i => Monday.AddDays(i), _ => new TimeOnly(random.Next(2) == 0 ? 16 : 14, 0));
        var schedule = new ClinicSchedule
        {
            Chairs = chairs,
            HoursOn = d => d == closed || d.DayOfWeek == DayOfWeek.Sunday || !closes.TryGetValue(d, out var close) ? null : new DayHours(new TimeOnly(8, 0), close),
            NursesOn = d => d.DayOfWeek == DayOfWeek.Saturday ? 0 : nurses,
            Rules = rules,
            GranularityMinutes = granularity,
        };

        var bookings = new List<Booking>();
        for (var i = random.Next(40); i > 0; i--)
        {
            var day = Monday.AddDays(random.Next(8));
            var start = At(day, 7).AddMinutes(5 * random.Next(120));
            bookings.Add(new Booking(chairs[random.Next(chairs.Count)].Id, start, start.AddMinutes(5 * (6 + random.Next(60))), random.Next(6)));
        }

        var from = Monday.AddDays(random.Next(4));
        var courseDays = random.Next(4) == 0 ? 2 + random.Next(2) : 1;
        var request = new SlotRequest
        {
            DurationMinutes = 15 * (1 + random.Next(20)),
            From = from,
            To = from.AddDays(random.Next(4)),
            Target = random.Next(2) == 0 ? from.AddDays(random.Next(4)) : null,
            RequiredChairKind = random.Next(3) == 0 ? kinds[random.Next(kinds.Length)].ToUpperInvariant() : null,
            PatientId = random.Next(2) == 0 ? random.Next(6) : null,
            CourseDays = courseDays,
            NotBeforeTime = random.Next(4) == 0 ? At(from, 8).AddMinutes(7 * random.Next(60)) : null,
            Preference = (TimePreference)random.Next(3),
            MaxResults = 5000,
        };

        return new Scenario(schedule, bookings, request, $"seed {seed}: {request} nurses {nurses} {rules} closed {closed}");
    }

    /// <summary>All valid single-day (or same chair, same time) slots by brute force over the grid.</summary>
    private static List<(int ChairId, DateTime Start)> BruteForce(Scenario scenario)
    {
        var (schedule, bookings, request, _) = scenario;
        var valid = new List<(int, DateTime)>();
        for (var day = request.From; day <= request.To; day = day.AddDays(1))
        {
            if (schedule.HoursOn(day) is not { } hours)
            {
                continue;
            }

            foreach (var chair in schedule.Chairs)
            {
                for (var start = day.ToDateTime(hours.Opens); start < day.ToDateTime(hours.Closes); start = start.AddMinutes(schedule.GranularityMinutes))
                {
                    var days = Enumerable.Range(0, request.CourseDays)
                        .Select(i => new SlotDay(chair.Id, start.AddDays(i), start.AddDays(i).AddMinutes(request.DurationOnDay(i))))
                        .ToList();
                    var slot = new Slot(chair.Id, days[0].Start, days[0].End, 0, days);
                    if (Violation(schedule, bookings, request, slot) is null)
                    {
                        valid.Add((chair.Id, start));
                    }
                }
            }
        }

        return valid;
    }

    [Fact]
    public void SlotFinder_RandomSmallClinics_OffersOnlyValidSlotsAndMissesNone()
    {
        for (var seed = 1; seed <= 300; seed++)
        {
            var scenario = Generate(seed);
            var slots = SlotFinder.Find(scenario.Schedule, new BookingIndex(scenario.Bookings), scenario.Request);

            foreach (var slot in slots)
            {
                Violation(scenario.Schedule, scenario.Bookings, scenario.Request, slot).ShouldBeNull(scenario.Description);
            }

            slots.Select(s => (s.ChairId, s.Start)).Distinct().Count().ShouldBe(slots.Count, scenario.Description);
            for (var i = 1; i < slots.Count; i++)
            {
                var (a, b) = (slots[i - 1], slots[i]);
                (a.Score, a.ChairId, a.Start).CompareTo((b.Score, b.ChairId, b.Start)).ShouldBeLessThan(0, scenario.Description);
            }

            var consistent = BruteForce(scenario);
            if (scenario.Request.CourseDays == 1)
            {
                slots.Select(s => (s.ChairId, s.Start)).Order().ShouldBe(consistent.Order(), scenario.Description);
            }
            else
            {
                // every same-chair same-time course is offered (mixed ones only for start days without one)
                slots.Where(s => s.Days.All(d => d.ChairId == s.ChairId && d.Start.TimeOfDay == s.Start.TimeOfDay))
                    .Select(s => (s.ChairId, s.Start)).Order().ShouldBe(consistent.Order(), scenario.Description);
                if (consistent.Count == 0 && slots.Count > 0)
                {
                    slots.ShouldAllBe(s => s.Days.Any(d => d.ChairId != s.ChairId || d.Start.TimeOfDay != s.Start.TimeOfDay), scenario.Description);
                }
            }
        }
    }
}
