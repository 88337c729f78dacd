using FsCheck;
using FsCheck.Fluent;
using InfusionCenter.Domain.Calendars;
using InfusionCenter.Domain.Protocols;
using Interval = InfusionCenter.Domain.Protocols.Interval;

namespace InfusionCenter.Domain.Tests.Calendars;

/// <summary>Calendar invariants over random protocols, dates, BSA, prior doses and realistic recorded doses.</summary>
public class CalendarPropertyTests
{
    private static readonly DateOnly _epoch = new(2020, 1, 1);
    private static readonly Config _config = Config.QuickThrowOnFailure.WithMaxTest(400);

    /// <summary>One regimen: a default protocol, request parameters, and delays of the first doses when given.</summary>
    public sealed record Scenario(
        int ProtocolIndex,
        DateOnly Start,
        int HorizonDays,
        decimal Bsa,
        decimal Prior,
        int Days,
        bool ExtendedInterval,
        int Courses,
        int[] GivenDelays)
    {
        public ProtocolDefinition Protocol => DefaultProtocols.All[ProtocolIndex];

        public CalendarRequest Request(IReadOnlyDictionary<int, DateOnly>? given = null) => new(
            Start,
            Start.AddDays(HorizonDays),
            Bsa,
            Prior,
            Protocol.Courses is { HasLengthRange: true } ? Days : null,
            Protocol.Code == DefaultProtocols.NatalizumabCode && ExtendedInterval ? Interval.OfWeeks(6) : null, // extended-interval dosing
            Protocol.Courses is { MaxCourses: null } ? Courses : null,
            given);

        public override string ToString() =>
            $"{Protocol.Code} start={Start:yyyy-MM-dd} horizon={HorizonDays} bsa={Bsa} prior={Prior} days={Days} ext={ExtendedInterval} courses={Courses} delays=[{string.Join(",", GivenDelays)}]";
    }

    private static Gen<Scenario> Scenarios(Gen<int> protocolIndex) =>
        from index in protocolIndex
        from startOffset in Gen.Choose(0, 3650)
        from horizon in Gen.Choose(0, 1500)
        from bsa in Gen.Choose(140, 240)
        from prior in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(0, 150)))
        from days in Gen.Choose(3, 5)
        from extended in Gen.Elements(true, false)
        from courses in Gen.Choose(1, 3)
        from delays in Gen.ArrayOf(Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(-14, 28))), 6)
        select new Scenario(index, _epoch.AddDays(startOffset), horizon, bsa / 100m, prior, days, extended, courses, delays);

    private static Arbitrary<Scenario> AnyProtocol => Scenarios(Gen.Choose(0, DefaultProtocols.All.Count - 1)).ToArbitrary();

    /// <summary>
    /// Records the first doses as given one at a time, each on its current target + delay, clamped to a
    /// realistic date: not before the dose's earliest date (or the previous course day + 1), as a clinic would.
    /// </summary>
    private static CalendarResult ComputeWithGivenDoses(Scenario scenario)
    {
        var given = new Dictionary<int, DateOnly>();
        var result = CalendarEngine.Compute(scenario.Protocol, scenario.Request());
        for (var i = 0; i < scenario.GivenDelays.Length && i < result.Doses.Count; i++)
        {
            var dose = result.Doses[i];
            var date = dose.Date.AddDays(scenario.GivenDelays[i]);
            if (dose.Kind == DoseKind.CourseDay && dose.DayInCourse > 1)
            {
                var previous = result.Doses[i - 1];
                date = (previous.GivenDate ?? previous.Date).AddDays(1);
            }

            if (date < dose.Earliest)
            {
                date = dose.Earliest;
            }

            given[dose.Sequence] = date;
            result = CalendarEngine.Compute(scenario.Protocol, scenario.Request(given));
        }

        return result;
    }

    private static DateOnly Effective(PlannedDose dose) => dose.GivenDate ?? dose.Date;

    [Fact]
    public void Property_DosesAreInNonDecreasingDateOrderAndNeverAfterUntil()
    {
        Check.One(_config, Prop.ForAll(AnyProtocol, scenario =>
        {
            var result = ComputeWithGivenDoses(scenario);
            var until = scenario.Start.AddDays(scenario.HorizonDays);

            result.Until.ShouldBe(until);
            for (var i = 0; i < result.Doses.Count; i++)
            {
                var dose = result.Doses[i];
                dose.Sequence.ShouldBe(i + 1);
                dose.Date.ShouldBeLessThanOrEqualTo(until, scenario.ToString());
                dose.Earliest.ShouldBeLessThanOrEqualTo(dose.Date, scenario.ToString());
                dose.Latest.ShouldBeGreaterThanOrEqualTo(dose.Date, scenario.ToString());
                if (i > 0)
                {
                    Effective(dose).ShouldBeGreaterThanOrEqualTo(Effective(result.Doses[i - 1]), scenario.ToString());
                }
            }

            result.Warnings.ShouldNotContain(w => w.Code == CalendarWarningCodes.GivenOutOfOrder, scenario.ToString());
        }));
    }

    [Fact]
    public void Property_NoTwoConsecutiveDosingPeriodsCloserThanTheMinimumSpacing()
    {
        Check.One(_config, Prop.ForAll(AnyProtocol, scenario =>
        {
            var spacing = scenario.Protocol.MinSpacing;
            if (spacing is null)
            {
                return;
            }

            var result = ComputeWithGivenDoses(scenario);
            var doses = result.Doses;
            for (var i = 1; i < doses.Count; i++)
            {
                var dose = doses[i];
                var previous = doses[i - 1];
                if (dose.Course == previous.Course)
                {
                    continue; // same period: loading steps or course days have their own offsets
                }

                var reference = spacing.From == SpacingReference.PreviousPeriodEnd
                    ? previous
                    : doses.First(d => d.Course == previous.Course);
                var minimum = spacing.Interval.AddTo(Effective(reference));
                dose.Earliest.ShouldBeGreaterThanOrEqualTo(minimum, scenario.ToString());
                if (dose.GivenDate is null)
                {
                    dose.Date.ShouldBeGreaterThanOrEqualTo(minimum, scenario.ToString());
                }
                else if (dose.GivenDate < minimum && reference.GivenDate is not null)
                {
                    result.Warnings.ShouldContain(
                        w => w.Sequence == dose.Sequence && w.Code == CalendarWarningCodes.MinSpacingViolated, scenario.ToString());
                }
            }
        }));
    }

    [Fact]
    public void Property_CumulativeTotalNeverExceedsTheCap()
    {
        var mitoxantrone = Scenarios(Gen.Constant(4)).ToArbitrary();

        Check.One(_config, Prop.ForAll(mitoxantrone, scenario =>
        {
            var protocol = scenario.Protocol;
            var cap = protocol.CumulativeCapMgPerM2!.Value;
            var request = scenario.Request() with { Until = scenario.Start.AddYears(10) };

            var result = CalendarEngine.Compute(protocol, request);

            var total = scenario.Prior + result.Doses.Sum(d => d.AmountPerM2!.Value);
            result.CumulativeMgPerM2.ShouldBe(total);
            if (scenario.Prior <= cap)
            {
                total.ShouldBeLessThanOrEqualTo(cap, scenario.ToString());
            }
            else
            {
                result.Doses.ShouldBeEmpty();
            }

            // Ten years is long enough for the cap to end every series, and only one dose short of it.
            result.StopReason.ShouldBe(StopReasons.CumulativeCap);
            (total + 12m).ShouldBeGreaterThan(cap);
            result.Doses.ShouldAllBe(d => d.Amount == decimal.Round(12m * scenario.Bsa, 1, MidpointRounding.AwayFromZero));
        }));
    }

    [Fact]
    public void Property_MonthSeriesDayOfMonthNeverDrifts()
    {
        var mitoxantrone = Scenarios(Gen.Constant(4)).ToArbitrary();

        Check.One(_config, Prop.ForAll(mitoxantrone, scenario =>
        {
            var request = scenario.Request() with { PriorCumulativeMgPerM2 = 0m, Until = scenario.Start.AddYears(2) };
            var plan = CalendarEngine.Compute(scenario.Protocol, request);
            AssertAnchoredOn(plan.Doses, scenario.Start, scenario.ToString());

            // Re-anchor on a late (or early) dose: every later dose keeps that dose's day of month.
            var index = 1 + (Math.Abs(scenario.GivenDelays[0]) % 4);
            var delay = scenario.GivenDelays[1] == 0 ? 9 : scenario.GivenDelays[1];
            var givenDate = plan.Doses[index].Date.AddDays(Math.Max(delay, -7));
            var replanned = CalendarEngine.Compute(scenario.Protocol, request with { Given = new Dictionary<int, DateOnly> { [index + 1] = givenDate } });
            AssertAnchoredOn(replanned.Doses.Skip(index + 1).ToList(), givenDate, scenario.ToString(), firstMultiple: 1);
        }));
    }

    [Fact]
    public void Property_DosesGivenOnTheirTargetDates_LeaveThePlanUnchanged()
    {
        Check.One(_config, Prop.ForAll(AnyProtocol, scenario =>
        {
            var plan = CalendarEngine.Compute(scenario.Protocol, scenario.Request());
            var count = Math.Min(plan.Doses.Count, Math.Abs(scenario.GivenDelays[0]) % 8);
            var given = plan.Doses.Take(count).ToDictionary(d => d.Sequence, d => d.Date);

            var replanned = CalendarEngine.Compute(scenario.Protocol, scenario.Request(given));

            replanned.Doses.Select(d => d.Date).ShouldBe(plan.Doses.Select(d => d.Date), scenario.ToString());
            replanned.StopReason.ShouldBe(plan.StopReason);
            replanned.Warnings.ShouldBe(plan.Warnings);
        }));
    }

    private static void AssertAnchoredOn(IReadOnlyList<PlannedDose> doses, DateOnly anchor, string because, int firstMultiple = 0)
    {
        for (var k = 0; k < doses.Count; k++)
        {
            var date = doses[k].Date;
            var expectedDay = Math.Min(anchor.Day, DateTime.DaysInMonth(date.Year, date.Month));
            date.Day.ShouldBe(expectedDay, because);
            date.ShouldBe(anchor.AddMonths(3 * (k + firstMultiple)), because);
        }
    }
}
