using InfusionCenter.Domain.Patients;
using InfusionCenter.Domain.Protocols;
using InfusionCenter.Web.Features.Protocols;

namespace InfusionCenter.Web.Tests.Protocols;

/// <summary>
/// The protocol editor saves <c>ProtocolForm.ToDefinition()</c>: a protocol loaded into the form and saved unchanged is
/// the same definition, administration options included; options edited in the form become the Domain's options.
/// </summary>
public sealed class ProtocolFormTests
{
    public static TheoryData<string> Codes => new(DefaultProtocols.All.Select(p => p.Code));

    [Theory]
    [MemberData(nameof(Codes))]
    public void ProtocolForm_LoadedAndSavedUnchanged_GivesTheSameDefinition(string code)
    {
        var protocol = DefaultProtocols.Find(code)!;

        ProtocolForm.From(protocol).ToDefinition().ShouldBe(protocol);
    }

    [Fact]
    public void ProtocolForm_EditingTheMaintenanceChairTime_KeepsTheOcrelizumabOptions()
    {
        var form = ProtocolForm.From(DefaultProtocols.Ocrelizumab);
        form.Maintenance.ChairTime.Observation = 30;
        form.Steps[1].Window.Custom = false;

        var saved = form.ToDefinition();

        saved.Maintenance!.ChairTime.ObservationMinutes.ShouldBe(30);
        saved.Maintenance.Options.ShouldBe(DefaultProtocols.Ocrelizumab.Maintenance!.Options);
        saved.Validate().ShouldBeEmpty();
    }

    [Fact]
    public void ProtocolForm_StepOptions_TravelWithTheirStep()
    {
        var option = new AdministrationOption("rapid", "Rapid", new ChairTime(30, 90, 60));
        var protocol = DefaultProtocols.Ocrelizumab with
        {
            Steps = [DefaultProtocols.Ocrelizumab.Steps[0], DefaultProtocols.Ocrelizumab.Steps[1] with { Options = [option] }],
        };
        var form = ProtocolForm.From(protocol);
        form.Steps.RemoveAt(0);
        form.Steps[0].DayOffset = 0;

        form.ToDefinition().Steps.ShouldHaveSingleItem().Options.ShouldBe([option]);
    }

    [Fact]
    public void ProtocolForm_EditedOption_BecomesTheDomainOption()
    {
        var form = ProtocolForm.From(DefaultProtocols.Ocrelizumab);
        var shorter = form.Maintenance.Options[1];
        shorter.Name = "  Shorter infusion (about 2 h)  ";
        shorter.ChairTime.Infusion = 110;
        shorter.Severity = InfusionReactionSeverity.Moderate;
        form.Maintenance.Options[0].HasRule = false;

        var saved = form.ToDefinition().Maintenance!.Options;

        saved[1].ShouldBe(new AdministrationOption("shorter", "Shorter infusion (about 2 h)", new ChairTime(45, 110, 60),
            new EligibilityRule(EligibilityRules.NoPriorReaction, InfusionReactionSeverity.Moderate)));
        saved[0].Eligibility.ShouldBeNull();
    }

    [Fact]
    public void ProtocolForm_UntickingTheRule_DropsIt_AndARuleTheEditorDoesNotOfferIsKeptAsRead()
    {
        var unknown = new AdministrationOption("rapid", "Rapid", new ChairTime(30, 90, 60), new EligibilityRule("no-prior-relapse", InfusionReactionSeverity.Mild));
        var protocol = DefaultProtocols.Ocrelizumab with
        {
            Maintenance = DefaultProtocols.Ocrelizumab.Maintenance! with { Options = [.. DefaultProtocols.Ocrelizumab.Maintenance.Options, unknown] },
        };
        var form = ProtocolForm.From(protocol);

        form.ToDefinition().Maintenance!.Options[2].ShouldBe(unknown);

        form.Maintenance.Options[1].HasRule = false;
        form.ToDefinition().Maintenance!.Options[1].Eligibility.ShouldBeNull();
    }

    [Theory]
    [InlineData("Shorter infusion (about 2 h)", "shorter-infusion-about-2-h")]
    [InlineData("2-hour rapid", "hour-rapid")]
    [InlineData("  Standard  ", "standard")]
    [InlineData("(", "")]
    public void OptionForm_CodeFromName_IsLowercaseLettersDigitsAndDashes_StartingWithALetter(string name, string code)
    {
        OptionForm.CodeFromName(name).ShouldBe(code);
    }

    [Fact]
    public void OptionForm_New_FirstIsTheStandardWay_LaterOnesFollowTheirName_BothWithTheDosesChairTime()
    {
        var dose = new ChairTimeForm { Premed = 30, Infusion = 60, Observation = 60 };

        var first = OptionForm.New([], dose);
        var second = OptionForm.New([first], dose);

        first.ToOption().ShouldBe(new AdministrationOption("standard", "Standard", new ChairTime(30, 60, 60)));
        first.CodeFollowsName.ShouldBeFalse();
        second.CodeFollowsName.ShouldBeTrue();
        second.ChairTime.ShouldNotBeSameAs(dose);
        second.ChairTime.Total.ShouldBe(150);
    }
}
