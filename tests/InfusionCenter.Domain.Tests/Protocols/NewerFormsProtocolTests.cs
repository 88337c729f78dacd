using InfusionCenter.Domain.Calendars;
using InfusionCenter.Domain.Protocols;
using static InfusionCenter.Domain.Tests.Calendars.CalendarTestHelpers;
using static InfusionCenter.Domain.Tests.TestDates;

namespace InfusionCenter.Domain.Tests.Protocols;

/// <summary>Issue 14: Ocrevus Zunovo (ocrelizumab-sc) and Tyruko (natalizumab-sztn) as default protocols.</summary>
public class NewerFormsProtocolTests
{
    private static readonly ProtocolDefinition _sc = DefaultProtocols.OcrelizumabSc;
    private static readonly ProtocolDefinition _tyruko = DefaultProtocols.NatalizumabSztn;

    [Fact]
    public void OcrelizumabSc_Calendar_Every24WeeksFromTheFirstInjection_920Mg()
    {
        var result = Compute(_sc, new CalendarRequest(D("2026-01-05")));

        result.Dates().ShouldBe(["2026-01-05", "2026-06-22", "2026-12-07", "2027-05-24", "2027-11-08"]);
        result.Amounts().ShouldAllBe(a => a == 920m);
        result.Doses.ShouldAllBe(d => d.Unit == "mg");
        var dates = result.Doses.Select(d => d.Date).ToArray();
        dates.Zip(dates.Skip(1), (a, b) => b.DayNumber - a.DayNumber).ShouldAllBe(days => days == 24 * 7);
        result.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void OcrelizumabSc_ObservesOneHourAfterTheFirstInjection_15MinutesAfterLaterOnes()
    {
        var result = Compute(_sc, new CalendarRequest(D("2026-01-05"), D("2027-06-30")));

        result.Doses[0].ChairTime.ShouldBe(new ChairTime(30, 10, 60));
        result.Doses.Skip(1).ShouldAllBe(d => d.ChairTime == new ChairTime(30, 10, 15));
        result.ChairMinutes().ShouldBe([100, 55, 55, 55]);
    }

    [Fact]
    public void OcrelizumabSc_WindowNeverOpensBefore20WeeksAfterThePreviousDose()
    {
        var result = Compute(_sc, new CalendarRequest(D("2026-01-05"), D("2027-12-31")));

        for (var i = 1; i < result.Doses.Count; i++)
        {
            (result.Doses[i].Earliest.DayNumber - result.Doses[i - 1].Date.DayNumber).ShouldBeGreaterThanOrEqualTo(20 * 7);
        }
    }

    [Fact]
    public void OcrelizumabSc_DoseGivenWithin20Weeks_IsReported_AndTheNextRestarts24WeeksLater()
    {
        var result = Compute(_sc, new CalendarRequest(D("2026-01-05"), D("2026-12-31"), Given: Given((1, "2026-01-05"), (2, "2026-05-04"))));

        var warning = result.Warnings.ShouldHaveSingleItem();
        warning.Sequence.ShouldBe(2);
        warning.Code.ShouldBe(CalendarWarningCodes.MinSpacingViolated);
        result.Doses[2].Date.ShouldBe(D("2026-10-19")); // 24 weeks after the date given
    }

    [Fact]
    public void OcrelizumabSc_HasTheIvGatesForHepatitisBAndInfection_AndOralPremedication()
    {
        _sc.SafetyGates.Select(g => g.Code).ShouldBe(["hepatitis-b-screening", "active-infection-check", "premedication-ordered"]);
        _sc.SafetyGates[0].ShouldBe(DefaultProtocols.Ocrelizumab.SafetyGates[0]);
        _sc.SafetyGates[1].ShouldBe(DefaultProtocols.Ocrelizumab.SafetyGates[1]);
        _sc.SafetyGates[2].Description.ShouldContain("dexamethasone 20 mg");
        _sc.SafetyGates[2].Description.ShouldContain("at least 30 min before");
        _sc.Drug.ShouldBe(new Drug("ocrelizumab", "Ocrevus Zunovo"));
        _sc.MinSpacing.ShouldBe(new MinimumSpacing(Interval.OfWeeks(20)));
        _sc.Steps.ShouldHaveSingleItem().Amount.ShouldBe(DoseAmount.Mg(920));
        _sc.RequiredChairKind.ShouldBeNull();
        _sc.Maintenance!.Options.ShouldBeEmpty();
    }

    [Fact]
    public void Tyruko_GatesAreTyrukoRems_NotTouch_WithAntiJcvBeforeTheFirstDoseAndEvery6Months()
    {
        var gates = _tyruko.SafetyGates;

        gates.ShouldNotContain(g => g.Code.Contains("touch", StringComparison.Ordinal));
        gates.ShouldContain(g => g.Code == "tyruko-rems-authorization" && g.Timing == GateTiming.BeforeEachDose && g.Blocking);
        gates.ShouldContain(g => g.Code == "tyruko-rems-reauthorization" && g.Timing == GateTiming.Periodic && g.Every == Interval.OfMonths(6) && g.Blocking);
        gates.ShouldContain(g => g.Code == "anti-jcv-antibody-baseline" && g.Timing == GateTiming.BeforeFirstDose && g.Blocking);
        gates.ShouldContain(g => g.Code == "anti-jcv-antibody" && g.Timing == GateTiming.Periodic && g.Every == Interval.OfMonths(6));
        gates.Single(g => g.Code == "anti-jcv-antibody-baseline").AppliesAtInfusion(1, 1).ShouldBeTrue();
        gates.Single(g => g.Code == "anti-jcv-antibody-baseline").AppliesAtInfusion(2, 1).ShouldBeFalse();
    }

    [Fact]
    public void Tyruko_DosesLikeTysabri_300MgEvery4Weeks()
    {
        var tysabri = Compute(DefaultProtocols.Natalizumab, new CalendarRequest(D("2026-02-02"), D("2026-12-31")));
        var tyruko = Compute(_tyruko, new CalendarRequest(D("2026-02-02"), D("2026-12-31")));

        tyruko.Dates().ShouldBe(tysabri.Dates());
        tyruko.Amounts().ShouldAllBe(a => a == 300m);
        tyruko.ChairMinutes().ShouldBe(tysabri.ChairMinutes());
        _tyruko.Drug.ShouldBe(new Drug("natalizumab", "Tyruko"));
    }

    [Fact]
    public void Natalizumab_StaysOnTouch()
    {
        DefaultProtocols.Natalizumab.SafetyGates.Select(g => g.Code).ShouldBe(["touch-authorization", "touch-reauthorization", "anti-jcv-antibody"]);
        DefaultProtocols.Natalizumab.Maintenance!.Options.ShouldBeEmpty();
    }
}
