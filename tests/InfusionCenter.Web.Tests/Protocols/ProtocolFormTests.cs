using InfusionCenter.Domain.Protocols;
using InfusionCenter.Web.Features.Protocols;

namespace InfusionCenter.Web.Tests.Protocols;

/// <summary>
/// The protocol editor saves <c>ProtocolForm.ToDefinition()</c>: a protocol loaded into the form and saved unchanged is
/// the same definition, administration options included (the editor does not edit them, but must not drop them).
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
}
