using InfusionCenter.Domain.Calendars;
using InfusionCenter.Domain.Protocols;
using static InfusionCenter.Domain.Tests.Calendars.CalendarTestHelpers;
using static InfusionCenter.Domain.Tests.TestDates;

namespace InfusionCenter.Domain.Tests.Calendars;

/// <summary>
/// Issue 14: switching IV ↔ SC ocrelizumab (or Tysabri ↔ Tyruko). The first dose of the new form is due when the old
/// form's next dose was, and the new protocol's minimum spacing (Zunovo: 20 weeks) counts from the old form's last dose.
/// </summary>
public class FormSwitchTests
{
    [Fact]
    public void DefaultStart_IsTheOldRegimensNextDoseStillToGive()
    {
        FormSwitch.DefaultStart([(4, D("2027-05-03")), (3, D("2026-11-16"))]).ShouldBe(D("2026-11-16"));
        FormSwitch.DefaultStart([]).ShouldBeNull();
    }

    [Fact]
    public void IvToSc_SpacingIs20WeeksFromTheLastIvDose()
    {
        var spacing = FormSwitch.Spacing(DefaultProtocols.Ocrelizumab, DefaultProtocols.OcrelizumabSc, D("2026-06-15"));

        spacing.ShouldNotBeNull();
        spacing.Drug.ShouldBe("ocrelizumab");
        spacing.NotBefore.ShouldBe(D("2026-11-02"));
        FormSwitch.Keeps(spacing, D("2026-11-01")).ShouldBeFalse();
        FormSwitch.Keeps(spacing, D("2026-11-02")).ShouldBeTrue();
    }

    [Fact]
    public void IvToSc_TheFirstScDoseDueWhenTheNextIvWas_Keeps20WeeksFromTheLastIvDose()
    {
        // IV: 300 mg on 1 and 15 June; the next IV dose is 24 weeks after the first infusion.
        var iv = Compute(DefaultProtocols.Ocrelizumab, new CalendarRequest(D("2026-06-01"), D("2027-06-30"),
            Given: new Dictionary<int, DateOnly> { [1] = D("2026-06-01"), [2] = D("2026-06-15") }));
        var start = FormSwitch.DefaultStart(iv.Doses.Where(d => !d.IsGiven).Select(d => (d.Sequence, d.Date)))!.Value;
        var sc = Compute(DefaultProtocols.OcrelizumabSc, new CalendarRequest(start, D("2027-12-31")));

        start.ShouldBe(D("2026-11-16"));
        sc.Doses[0].Date.ShouldBe(start);
        var spacing = FormSwitch.Spacing(DefaultProtocols.Ocrelizumab, DefaultProtocols.OcrelizumabSc, D("2026-06-15"));
        FormSwitch.Keeps(spacing, sc.Doses[0].Date).ShouldBeTrue();
        (sc.Doses[0].Date.DayNumber - D("2026-06-15").DayNumber).ShouldBeGreaterThanOrEqualTo(20 * 7);
    }

    [Fact]
    public void ScBackToIv_UsesTheIvProtocolsSpacing()
    {
        var spacing = FormSwitch.Spacing(DefaultProtocols.OcrelizumabSc, DefaultProtocols.Ocrelizumab, D("2026-12-07"));

        spacing.ShouldNotBeNull();
        spacing.NotBefore.ShouldBe(DefaultProtocols.Ocrelizumab.MinSpacing!.Interval.AddTo(D("2026-12-07")));
    }

    [Fact]
    public void AnotherDrug_OrNothingGiven_HasNoSpacingAcrossRegimens()
    {
        FormSwitch.Spacing(DefaultProtocols.Natalizumab, DefaultProtocols.OcrelizumabSc, D("2026-06-15")).ShouldBeNull();
        FormSwitch.Spacing(DefaultProtocols.Ocrelizumab, DefaultProtocols.OcrelizumabSc, null).ShouldBeNull();
        FormSwitch.Keeps(null, D("2000-01-01")).ShouldBeTrue();
    }

    [Fact]
    public void TysabriToTyruko_IsTheSameDrug()
    {
        var protocol = DefaultProtocols.NatalizumabSztn;
        var spacing = FormSwitch.Spacing(DefaultProtocols.Natalizumab, protocol, D("2026-11-02"));

        (protocol.MinSpacing is null ? spacing is null : spacing is not null).ShouldBeTrue();
    }
}
