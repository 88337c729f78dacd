using InfusionCenter.Domain.Patients;
using InfusionCenter.Domain.Protocols;
using static InfusionCenter.Domain.Tests.TestDates;

namespace InfusionCenter.Domain.Tests.Patients;

/// <summary>
/// Issue 14: the ocrelizumab shorter infusion is only for a patient with no serious (severe) infusion reaction recorded
/// on any previous ocrelizumab dose; the option a dose gets by default follows the clinic's preference.
/// </summary>
public class AdministrationEligibilityTests
{
    private static readonly ProtocolDefinition _ocrelizumab = DefaultProtocols.Ocrelizumab;

    private static IReadOnlyList<AdministrationOption> MaintenanceOptions => _ocrelizumab.Maintenance!.Options;

    private static RecordedReaction Reaction(string date, int sequence, InfusionReactionSeverity severity, string drug = "ocrelizumab") =>
        new(D(date), drug, sequence, severity);

    private static OptionEligibility Shorter(params RecordedReaction[] history) =>
        AdministrationEligibility.Evaluate(MaintenanceOptions, _ocrelizumab.Drug, history).Single(e => e.Option.Code == "shorter");

    [Fact]
    public void Eligibility_NoHistory_BothOptionsEligible()
    {
        var evaluated = AdministrationEligibility.Evaluate(MaintenanceOptions, _ocrelizumab.Drug, []);

        evaluated.Select(e => e.Option.Code).ShouldBe(["standard", "shorter"]);
        evaluated.ShouldAllBe(e => e.Eligible);
        evaluated[1].Reason.ShouldBe("Eligible: no severe infusion reaction recorded on a previous ocrelizumab dose.");
    }

    [Fact]
    public void Eligibility_OnlyMildAndModerateReactions_ShorterStaysEligible()
    {
        var shorter = Shorter(
            Reaction("2026-01-05", 1, InfusionReactionSeverity.Mild),
            Reaction("2026-01-19", 2, InfusionReactionSeverity.Moderate),
            Reaction("2026-06-22", 3, InfusionReactionSeverity.None));

        shorter.Eligible.ShouldBeTrue();
        shorter.Blocker.ShouldBeNull();
    }

    [Fact]
    public void Eligibility_SevereReactionOnDose1_ShorterNotEligible_StandardStill()
    {
        var evaluated = AdministrationEligibility.Evaluate(MaintenanceOptions, _ocrelizumab.Drug, [Reaction("2026-01-05", 1, InfusionReactionSeverity.Severe)]);

        evaluated.Single(e => e.Option.Code == "standard").Eligible.ShouldBeTrue();
        var shorter = evaluated.Single(e => e.Option.Code == "shorter");
        shorter.Eligible.ShouldBeFalse();
        shorter.Reason.ShouldBe("Not eligible: severe infusion reaction recorded on 2026-01-05 (dose 1).");
        shorter.Blocker!.Sequence.ShouldBe(1);
    }

    [Fact]
    public void Eligibility_SevereReactionOnALaterDose_NamesTheLatest()
    {
        var shorter = Shorter(
            Reaction("2026-01-05", 1, InfusionReactionSeverity.Mild),
            Reaction("2026-01-19", 2, InfusionReactionSeverity.Severe),
            Reaction("2026-06-22", 3, InfusionReactionSeverity.None),
            Reaction("2026-12-07", 4, InfusionReactionSeverity.Severe));

        shorter.Eligible.ShouldBeFalse();
        shorter.Reason.ShouldBe("Not eligible: severe infusion reaction recorded on 2026-12-07 (dose 4) and 1 earlier.");
    }

    [Fact]
    public void Eligibility_SevereReactionOnAnotherDrug_DoesNotCount()
    {
        var shorter = Shorter(Reaction("2026-01-05", 1, InfusionReactionSeverity.Severe, drug: "natalizumab"));

        shorter.Eligible.ShouldBeTrue();
    }

    [Fact]
    public void Eligibility_SevereReactionOnSubcutaneousOcrelizumab_CountsForTheIvShorterInfusion()
    {
        // Ocrevus Zunovo is the same drug (generic name ocrelizumab): a serious reaction to it counts.
        DefaultProtocols.OcrelizumabSc.Drug.GenericName.ShouldBe(_ocrelizumab.Drug.GenericName);

        Shorter(Reaction("2026-05-04", 2, InfusionReactionSeverity.Severe, drug: "Ocrelizumab")).Eligible.ShouldBeFalse();
    }

    [Fact]
    public void Eligibility_ForAGivenDoseDate_IgnoresReactionsOnOrAfterIt()
    {
        var history = new[] { Reaction("2026-06-22", 3, InfusionReactionSeverity.Severe) };

        AdministrationEligibility.Evaluate(MaintenanceOptions, _ocrelizumab.Drug, history, doseDate: D("2026-06-22"))[1].Eligible.ShouldBeTrue();
        AdministrationEligibility.Evaluate(MaintenanceOptions, _ocrelizumab.Drug, history, doseDate: D("2026-12-07"))[1].Eligible.ShouldBeFalse();
    }

    [Fact]
    public void Eligibility_StricterRuleOnModerate_CountsModerateReactions()
    {
        AdministrationOption[] options =
        [
            new("standard", "Standard", new ChairTime(45, 210, 60)),
            new("shorter", "Shorter", new ChairTime(45, 120, 60), new EligibilityRule(EligibilityRules.NoPriorReaction, InfusionReactionSeverity.Moderate)),
        ];

        var evaluated = AdministrationEligibility.Evaluate(options, _ocrelizumab.Drug, [Reaction("2026-05-04", 2, InfusionReactionSeverity.Moderate)]);

        evaluated[1].Eligible.ShouldBeFalse();
        evaluated[1].Reason.ShouldBe("Not eligible: moderate infusion reaction recorded on 2026-05-04 (dose 2).");
    }

    [Fact]
    public void DefaultOption_ClinicPrefersShorter_GetsShorterWhenEligible_StandardOtherwise()
    {
        string[] preferShorter = ["shorter"];

        AdministrationEligibility.DefaultOption(MaintenanceOptions, _ocrelizumab.Drug, [], preferShorter)!.Option.Code.ShouldBe("shorter");
        AdministrationEligibility.DefaultOption(MaintenanceOptions, _ocrelizumab.Drug, [Reaction("2026-05-04", 2, InfusionReactionSeverity.Severe)], preferShorter)!
            .Option.Code.ShouldBe("standard");
    }

    [Fact]
    public void DefaultOption_NoPreference_IsTheFirstEligibleInProtocolOrder()
    {
        AdministrationEligibility.DefaultOption(MaintenanceOptions, _ocrelizumab.Drug, [], preferredCodes: null)!.Option.Code.ShouldBe("standard");
        AdministrationEligibility.DefaultOption(MaintenanceOptions, _ocrelizumab.Drug, [], ["no-such-option"])!.Option.Code.ShouldBe("standard");
    }

    [Fact]
    public void DefaultOption_NoOptions_IsNull()
    {
        AdministrationEligibility.DefaultOption([], _ocrelizumab.Drug, [], ["shorter"]).ShouldBeNull();
    }

    [Fact]
    public void OptionsForDose_LoadingDosesHaveNone_MaintenanceDosesHaveBoth()
    {
        _ocrelizumab.OptionsForDose(1).ShouldBeEmpty();
        _ocrelizumab.OptionsForDose(2).ShouldBeEmpty();
        _ocrelizumab.OptionsForDose(3).Select(o => o.Code).ShouldBe(["standard", "shorter"]);
        _ocrelizumab.OptionsForDose(9).Count.ShouldBe(2);
        DefaultProtocols.Alemtuzumab.OptionsForDose(1).ShouldBeEmpty();
        DefaultProtocols.Natalizumab.OptionsForDose(5).ShouldBeEmpty();
    }
}
