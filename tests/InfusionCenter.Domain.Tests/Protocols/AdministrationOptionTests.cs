using System.Text.Json.Nodes;
using InfusionCenter.Domain.Calendars;
using InfusionCenter.Domain.Patients;
using InfusionCenter.Domain.Protocols;

namespace InfusionCenter.Domain.Tests.Protocols;

/// <summary>
/// Issue 14: administration options on dose steps and maintenance doses are data (JSON), validated like the rest of a
/// protocol, and protocols without options read and behave exactly as before.
/// </summary>
public class AdministrationOptionTests
{
    private static readonly ProtocolDefinition _ocrelizumab = DefaultProtocols.Ocrelizumab;

    private static string[] Fields(ProtocolDefinition protocol) => [.. protocol.Validate().Select(e => e.Field)];

    private static ProtocolDefinition WithMaintenanceOptions(params AdministrationOption[] options) =>
        _ocrelizumab with { Maintenance = _ocrelizumab.Maintenance! with { Options = options } };

    private static readonly AdministrationOption _standard = new("standard", "Standard", new ChairTime(45, 210, 60));

    [Fact]
    public void Ocrelizumab_MaintenanceOptions_AreStandardAndShorterWithTheNoSeriousReactionRule()
    {
        var options = _ocrelizumab.Maintenance!.Options;

        options.Select(o => (o.Code, o.Name, o.ChairTime.TotalMinutes)).ShouldBe(
        [
            ("standard", "Standard (about 3.5 h)", 315),
            ("shorter", "Shorter (about 2 h) — no prior serious infusion reaction", 225),
        ]);
        options[0].Eligibility.ShouldBeNull();
        options[1].Eligibility.ShouldBe(new EligibilityRule("no-prior-reaction", InfusionReactionSeverity.Severe));
        options[1].ChairTime.InfusionMinutes.ShouldBe(120);
        _ocrelizumab.Steps.ShouldAllBe(s => s.Options.Count == 0);
    }

    [Fact]
    public void OptionsJson_RoundTrip_KeepsEveryField()
    {
        var json = ProtocolJson.Serialize(_ocrelizumab);
        var node = JsonNode.Parse(json)!;

        var shorter = node["maintenance"]!["options"]![1]!;
        shorter.ToJsonString().ShouldBe(
            """{"code":"shorter","name":"Shorter (about 2 h) \u2014 no prior serious infusion reaction","chairTime":{"premedMinutes":45,"infusionMinutes":120,"observationMinutes":60},"eligibility":{"code":"no-prior-reaction","severity":"severe"}}""");
        node["maintenance"]!["options"]![0]!["eligibility"].ShouldBeNull();
        node["steps"]![0]!["options"]!.AsArray().Count.ShouldBe(0);
        ProtocolJson.Deserialize(json).ShouldBe(_ocrelizumab);
    }

    [Fact]
    public void OptionsJson_EligibilitySeverityOmitted_DefaultsToSevere()
    {
        var node = JsonNode.Parse(ProtocolJson.Serialize(_ocrelizumab))!;
        node["maintenance"]!["options"]![1]!["eligibility"] = JsonNode.Parse("""{"code":"no-prior-reaction"}""");

        var protocol = ProtocolJson.Deserialize(node.ToJsonString());

        protocol.Maintenance!.Options[1].Eligibility!.Severity.ShouldBe(InfusionReactionSeverity.Severe);
        protocol.ShouldBe(_ocrelizumab);
    }

    [Fact]
    public void OldJson_WithoutOptions_ReadsUnchanged_AndIsTheSupersededOcrelizumabDefault()
    {
        // What a database written before options existed holds: the same shape with no "options" members at all.
        var node = JsonNode.Parse(ProtocolJson.Serialize(DefaultProtocols.OcrelizumabWithoutOptions))!.AsObject();
        node["maintenance"]!.AsObject().Remove("options");
        foreach (var step in node["steps"]!.AsArray())
        {
            step!.AsObject().Remove("options");
        }

        var old = ProtocolJson.Deserialize(node.ToJsonString());

        old.Validate().ShouldBeEmpty();
        old.ShouldBe(DefaultProtocols.OcrelizumabWithoutOptions);
        old.Maintenance!.Options.ShouldBeEmpty();
        old.OptionsForDose(3).ShouldBeEmpty();
        old.ShouldNotBe(_ocrelizumab);
        DefaultProtocols.IsSupersededDefault(old).ShouldBeTrue();
        DefaultProtocols.IsSupersededDefault(_ocrelizumab).ShouldBeFalse();
        DefaultProtocols.IsSupersededDefault(old with { Name = "Edited by the clinic" }).ShouldBeFalse();
    }

    [Fact]
    public void OldJson_ChangesNothingForTheCalendar()
    {
        var request = new CalendarRequest(TestDates.D("2026-01-05"));

        CalendarEngine.Compute(_ocrelizumab, request).Doses.Select(d => d.ChairMinutes)
            .ShouldBe(CalendarEngine.Compute(DefaultProtocols.OcrelizumabWithoutOptions, request).Doses.Select(d => d.ChairMinutes));
    }

    [Fact]
    public void SupersededDefaults_EachReplacesACurrentDefaultAndIsValid()
    {
        foreach (var earlier in DefaultProtocols.Superseded)
        {
            earlier.Validate().ShouldBeEmpty();
            DefaultProtocols.Find(earlier.Code).ShouldNotBeNull();
            DefaultProtocols.Find(earlier.Code).ShouldNotBe(earlier);
        }
    }

    [Fact]
    public void OptionsJson_NullOptions_IsRefusedAsJson()
    {
        var node = JsonNode.Parse(ProtocolJson.Serialize(_ocrelizumab))!;
        node["maintenance"]!["options"] = null;

        Should.Throw<System.Text.Json.JsonException>(() => ProtocolJson.Deserialize(node.ToJsonString()));
    }

    [Fact]
    public void Validate_DuplicateOptionCodes_IsAnError()
    {
        var protocol = WithMaintenanceOptions(_standard, _standard with { Name = "Standard again" });

        var error = protocol.Validate().ShouldHaveSingleItem();
        error.Field.ShouldBe("maintenance.options[1].code");
        error.Message.ShouldContain("duplicate option code 'standard'");
    }

    [Theory]
    [InlineData("")]
    [InlineData("Shorter")]
    [InlineData("2-hour")]
    public void Validate_OptionCodeNotASlug_IsAnError(string code)
    {
        Fields(WithMaintenanceOptions(_standard, _standard with { Code = code })).ShouldBe(["maintenance.options[1].code"]);
    }

    [Fact]
    public void Validate_EmptyOptionName_IsAnError()
    {
        Fields(WithMaintenanceOptions(_standard with { Name = "  " })).ShouldBe(["maintenance.options[0].name"]);
    }

    [Fact]
    public void Validate_BadOptionChairTime_IsAnError()
    {
        var protocol = WithMaintenanceOptions(_standard, new AdministrationOption("shorter", "Shorter", new ChairTime(-5, 0, 60)));

        Fields(protocol).ShouldBe(["maintenance.options[1].chairTime.premedMinutes", "maintenance.options[1].chairTime.infusionMinutes"]);
        Fields(WithMaintenanceOptions(_standard with { ChairTime = new ChairTime(60, 700, 60) })).ShouldBe(["maintenance.options[0].chairTime"]);
    }

    [Fact]
    public void Validate_UnknownEligibilityRule_IsAnError()
    {
        var protocol = WithMaintenanceOptions(_standard, new AdministrationOption("shorter", "Shorter", new ChairTime(45, 120, 60), new EligibilityRule("no-prior-relapse")));

        var error = protocol.Validate().ShouldHaveSingleItem();
        error.Field.ShouldBe("maintenance.options[1].eligibility.code");
        error.Message.ShouldContain("unknown eligibility rule 'no-prior-relapse'");
    }

    [Fact]
    public void Validate_EligibilitySeverityNone_IsAnError()
    {
        var protocol = WithMaintenanceOptions(_standard, new AdministrationOption("shorter", "Shorter", new ChairTime(45, 120, 60),
            new EligibilityRule(EligibilityRules.NoPriorReaction, InfusionReactionSeverity.None)));

        Fields(protocol).ShouldBe(["maintenance.options[1].eligibility.severity"]);
    }

    [Fact]
    public void Validate_EveryOptionConditional_IsAnError()
    {
        var protocol = WithMaintenanceOptions(new AdministrationOption("shorter", "Shorter", new ChairTime(45, 120, 60), new EligibilityRule(EligibilityRules.NoPriorReaction)));

        var error = protocol.Validate().ShouldHaveSingleItem();
        error.Field.ShouldBe("maintenance.options");
        error.Message.ShouldContain("at least one option must have no eligibility rule");
    }

    [Fact]
    public void Validate_StepOptions_AreCheckedWithTheStepsPath()
    {
        var step = _ocrelizumab.Steps[1] with { Options = [_standard, _standard with { Name = "" }] };
        var protocol = _ocrelizumab with { Steps = [_ocrelizumab.Steps[0], step] };

        Fields(protocol).ShouldBe(["steps[1].options[1].code", "steps[1].options[1].name"]);
    }

    [Fact]
    public void Validate_NullOptionsList_IsAnError_NotACrash()
    {
        var protocol = WithMaintenanceOptions(null!);

        Fields(protocol).ShouldBe(["maintenance.options"]);
    }

    [Fact]
    public void OptionEquality_IsByValue()
    {
        var copy = WithMaintenanceOptions([.. _ocrelizumab.Maintenance!.Options]);

        copy.ShouldBe(_ocrelizumab);
        copy.GetHashCode().ShouldBe(_ocrelizumab.GetHashCode());
        WithMaintenanceOptions(_standard).ShouldNotBe(_ocrelizumab);
    }
}
