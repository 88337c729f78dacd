using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Bunit;
using InfusionCenter.Domain.Patients;
using InfusionCenter.Domain.Protocols;
using InfusionCenter.Web.Features.Auth;
using InfusionCenter.Web.Features.Protocols;
using InfusionCenter.Web.Features.Protocols.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace InfusionCenter.Web.Tests.Components;

/// <summary>
/// The protocol editor's administration options (per dose step and for the maintenance doses): shown in words, added,
/// reordered and edited in place, saved through <see cref="ProtocolForm"/> into the definition, and the Domain's
/// problems shown next to the option field they concern, in words.
/// </summary>
public sealed partial class ProtocolOptionsEditorTests : IAsyncLifetime
{
    private readonly BunitContext _context = ComponentTestSupport.Create(Roles.Admin);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public void OptionsEditor_Ocrelizumab_ShowsBothMaintenanceOptionsInWords()
    {
        var editor = RenderEditor(DefaultProtocols.Ocrelizumab);

        var options = Options(editor, "maintenance.options");
        options.Count.ShouldBe(2);
        Text(options[0], "option-summary-name").ShouldBe("1. Standard (about 3.5 h)");
        Text(options[0], "option-summary").ShouldBe("5 h 15 in the chair, for every patient");
        Text(options[1], "option-summary-name").ShouldBe("2. Shorter (about 2 h) — no prior serious infusion reaction");
        Text(options[1], "option-summary").ShouldBe("3 h 45 in the chair, only for patients with no prior severe infusion reaction on this drug");
        Input(options[1], "option-code").GetAttribute("value").ShouldBe("shorter");
        Input(options[0], "option-rule").HasAttribute("checked").ShouldBeFalse();
        Input(options[1], "option-rule").HasAttribute("checked").ShouldBeTrue();
        Options(editor, "steps[0].options").ShouldBeEmpty();
        editor.Find("[data-path='steps[0].options']").TextContent.ShouldContain("the first eligible one is used");
        editor.FindAll("[data-testid=field-error]").ShouldBeEmpty();
        editor.Markup.ShouldNotContain(EligibilityRules.NoPriorReaction);
        editor.Markup.ShouldNotContain("Severe", Case.Sensitive);
    }

    [Fact]
    public void OptionsEditor_AddingAnOption_SavesItInTheDefinition_AndTheDefinitionReadsBackTheSame()
    {
        var editor = RenderEditor(DefaultProtocols.Ocrelizumab);

        AddOption(editor, "maintenance.options");
        editor.WaitForAssertion(() => Options(editor, "maintenance.options").Count.ShouldBe(3));
        var added = Options(editor, "maintenance.options")[2];
        Input(added, "option-chair-time").GetAttribute("value").ShouldBe("45"); // starts with the maintenance dose's chair time
        Input(added, "option-name").Change("Rapid infusion (about 1.5 h)");
        editor.WaitForAssertion(() => Input(Options(editor, "maintenance.options")[2], "option-code").GetAttribute("value").ShouldBe("rapid-infusion-about-1-5-h"));
        Inputs(Options(editor, "maintenance.options")[2], "option-chair-time")[1].Change("90");
        Input(Options(editor, "maintenance.options")[2], "option-rule").Change(true);
        editor.WaitForAssertion(() => Text(Options(editor, "maintenance.options")[2], "option-summary").ShouldStartWith("3 h 15 in the chair, only"));
        Options(editor, "maintenance.options")[2].QuerySelector("[aria-label='Move this option up']")!.Click();

        editor.WaitForAssertion(() => Text(Options(editor, "maintenance.options")[1], "option-summary-name").ShouldBe("2. Rapid infusion (about 1.5 h)"));
        Text(Options(editor, "maintenance.options")[1], "option-summary")
            .ShouldBe("3 h 15 in the chair, only for patients with no prior severe infusion reaction on this drug");
        editor.FindAll("[data-testid=field-error]").ShouldBeEmpty();

        var saved = editor.Instance.Form.ToDefinition();
        saved.Validate().ShouldBeEmpty();
        saved.Maintenance!.Options.Select(o => o.Code).ShouldBe(["standard", "rapid-infusion-about-1-5-h", "shorter"]);
        saved.Maintenance.Options[1].ShouldBe(new AdministrationOption("rapid-infusion-about-1-5-h", "Rapid infusion (about 1.5 h)",
            new ChairTime(45, 90, 60), new EligibilityRule(EligibilityRules.NoPriorReaction, InfusionReactionSeverity.Severe)));
        ProtocolJson.Deserialize(ProtocolJson.Serialize(saved)).ShouldBe(saved);
        ProtocolForm.From(saved).ToDefinition().ShouldBe(saved);
    }

    [Fact]
    public void OptionsEditor_FirstOptionOfAStep_IsTheDoseAsGivenToday_AndRemovingItLeavesNone()
    {
        var editor = RenderEditor(DefaultProtocols.Ocrelizumab);

        AddOption(editor, "steps[1].options");

        editor.WaitForAssertion(() => Options(editor, "steps[1].options").ShouldHaveSingleItem());
        var option = Options(editor, "steps[1].options")[0];
        Text(option, "option-summary-name").ShouldBe("1. Standard");
        Text(option, "option-summary").ShouldBe("4 h 15 in the chair, for every patient");
        editor.Instance.Form.ToDefinition().Steps[1].Options.ShouldBe([new AdministrationOption("standard", "Standard", new ChairTime(45, 150, 60))]);

        option.QuerySelector("[aria-label='Remove this option']")!.Click();

        editor.WaitForAssertion(() => Options(editor, "steps[1].options").ShouldBeEmpty());
        editor.Instance.Form.ToDefinition().ShouldBe(DefaultProtocols.Ocrelizumab);
    }

    [Fact]
    public void OptionsEditor_InvalidOptions_ShowEachMessageAtItsField_InWords()
    {
        var editor = RenderEditor(DefaultProtocols.Ocrelizumab);

        Input(Options(editor, "maintenance.options")[1], "option-code").Change("standard");
        Input(Options(editor, "maintenance.options")[0], "option-name").Change("  ");
        Inputs(Options(editor, "maintenance.options")[1], "option-chair-time")[1].Change("0");
        Input(Options(editor, "maintenance.options")[0], "option-rule").Change(true);

        editor.WaitForAssertion(() => editor.FindAll("[data-testid=field-error]").Count.ShouldBe(4));
        Messages(editor, "maintenance.options[1].code").ShouldBe(["duplicate option code 'standard': each way of giving the dose needs its own code"]);
        Messages(editor, "maintenance.options[0].name").ShouldBe(["the option needs a name: what the nurse reads (e.g. Shorter infusion, about 2 h)"]);
        Messages(editor, "maintenance.options[1].chairTime").ShouldBe(["the infusion time must be at least 1 minute"]);
        Messages(editor, "maintenance.options").ShouldHaveSingleItem().ShouldContain("so that every patient can be given the dose");
        Messages(editor, "maintenance").ShouldBeEmpty(); // not repeated under the maintenance fields
        editor.FindAll("[data-testid=field-error]").Select(e => e.TextContent).ShouldAllBe(message => !FieldName().IsMatch(message));
        editor.Find("[data-testid=option-name] .mud-input-error").ShouldNotBeNull(); // the field itself is marked
    }

    /// <summary>camelCase identifiers such as "infusionMinutes" or "chairTime".</summary>
    [GeneratedRegex(@"\b[a-z]+[A-Z]\w*")]
    private static partial Regex FieldName();

    private IRenderedComponent<EditorHost> RenderEditor(ProtocolDefinition protocol) =>
        _context.Render<EditorHost>(p => p.Add(h => h.Form, ProtocolForm.From(protocol)));

    private static void AddOption(IRenderedComponent<EditorHost> editor, string path) =>
        editor.Find($"[data-testid=options-editor][data-path='{path}'] [data-testid=add-option]").Click();

    private static List<IElement> Options(IRenderedComponent<EditorHost> editor, string path) =>
        editor.FindAll($"[data-testid=options-editor][data-path='{path}'] [data-testid=option-editor]").ToList();

    private static string Text(IElement option, string testId) => option.QuerySelector($"[data-testid={testId}]")!.TextContent.Trim();

    private static IElement Input(IElement option, string testId) => Inputs(option, testId)[0];

    private static List<IElement> Inputs(IElement option, string testId) => option.QuerySelectorAll($"[data-testid={testId}] input").ToList();

    private static List<string> Messages(IRenderedComponent<EditorHost> editor, string path) =>
        editor.FindAll($"[data-testid=field-error][data-path='{path}']").Select(e => e.TextContent).ToList();

    /// <summary>The schedule section as the editor page runs it: every change re-checks the form with the Domain's rules.</summary>
    private sealed class EditorHost : ComponentBase
    {
        [Parameter] public ProtocolForm Form { get; set; } = default!;

        private IDictionary<string, string[]> _errors = new Dictionary<string, string[]>();

        protected override void OnParametersSet() => Check();

        private void Check() => _errors = ProtocolService.Check(Form.ToDefinition(), new DateOnly(2030, 1, 7), 1.8m).Errors;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<ScheduleSection>(0);
            builder.AddAttribute(1, nameof(ScheduleSection.Form), Form);
            builder.AddAttribute(2, nameof(ScheduleSection.Errors), _errors);
            builder.AddAttribute(3, nameof(ScheduleSection.Changed), EventCallback.Factory.Create(this, Check));
            builder.CloseComponent();
        }
    }
}
