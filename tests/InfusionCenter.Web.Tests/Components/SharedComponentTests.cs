using Bunit;
using InfusionCenter.Web.Components.Shared;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace InfusionCenter.Web.Tests.Components;

/// <summary>bUnit tests of the shared UI vocabulary (Components/Shared): the same words, colours and error display everywhere.</summary>
public sealed class SharedComponentTests : IAsyncLifetime
{
    private readonly BunitContext _context = ComponentTestSupport.Create();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Theory]
    [InlineData(AppointmentStatus.CheckedIn, "Checked in")]
    [InlineData(AppointmentStatus.InChair, "In chair")]
    [InlineData(AppointmentStatus.NoShow, "No-show")]
    [InlineData(AppointmentStatus.Completed, "Completed")]
    public void StatusChip_ShowsAnAppointmentStatusInWords(AppointmentStatus status, string words)
    {
        var chip = _context.Render<StatusChip>(p => p.Add(c => c.Status, status));

        chip.Find("[data-testid=status-chip]").TextContent.Trim().ShouldBe(words);
    }

    [Fact]
    public void StatusChip_TonesAreColours_DangerIsTheErrorColour()
    {
        var chip = _context.Render<StatusChip>(p => p.Add(c => c.Text, "2 to confirm").Add(c => c.Tone, ChipTone.Danger));

        var element = chip.Find("[data-testid=status-chip]");
        element.TextContent.Trim().ShouldBe("2 to confirm");
        element.ClassList.ShouldContain("mud-chip-color-error");
    }

    [Fact]
    public void DrugSwatch_TakesItsColourFromTheOneTable_AndUnknownDrugsAreGrey()
    {
        var known = _context.Render<DrugSwatch>(p => p.Add(s => s.Protocol, "natalizumab").Add(s => s.Name, "Natalizumab"));
        var unknown = _context.Render<DrugSwatch>(p => p.Add(s => s.Protocol, "something-new"));

        known.Find(".drug-swatch").GetAttribute("style")!.ShouldContain(UiText.DrugColors.Single(c => c.Code == "natalizumab").Color);
        known.Find(".drug-name").TextContent.ShouldBe("Natalizumab");
        unknown.Find(".drug-swatch").GetAttribute("style")!.ShouldContain("#6b7a8c");
    }

    [Fact]
    public async Task ActionRunner_ShowsARefusalInWords_AndClearsItOnTheNextSuccess()
    {
        var runner = _context.Render<ActionRunner>();

        var ok = await runner.InvokeAsync(() => runner.Instance.RunAsync(() => throw new ConflictException("Chair 2 is taken from 09:00 to 12:30.")));

        ok.ShouldBeFalse();
        runner.Find("[data-testid=form-error]").TextContent.ShouldContain("Chair 2 is taken from 09:00 to 12:30.");

        ok = await runner.InvokeAsync(() => runner.Instance.RunAsync(() => Task.CompletedTask));

        ok.ShouldBeTrue();
        runner.FindAll("[data-testid=form-error]").ShouldBeEmpty();
    }

    [Fact]
    public async Task ActionRunner_LetsBugsThrough()
    {
        var runner = _context.Render<ActionRunner>();

        await Should.ThrowAsync<InvalidOperationException>(() =>
            runner.InvokeAsync(() => runner.Instance.RunAsync(() => throw new InvalidOperationException("a bug"))));
    }

    [Fact]
    public async Task ActionRunner_PutsFieldErrorsAtTheFields_AndShowsOnlyWhatNoFieldCanShow()
    {
        var model = new Form();
        var form = _context.Render<FormHost>(p => p.Add(h => h.Model, model));
        form.Render(); // second render: the runner now has the bridge captured in the first
        var errors = new Dictionary<string, string[]>
        {
            ["name"] = ["Enter the patient's name."],
            ["somethingElse"] = ["The clinic is closed that day."],
        };

        var ok = await form.InvokeAsync(() => form.Instance.Runner!.RunAsync(() => throw new RequestValidationException(errors)));

        ok.ShouldBeFalse();
        form.Find("[data-testid=name-error]").TextContent.ShouldBe("Enter the patient's name.");
        var alert = form.Find("[data-testid=form-error]").TextContent;
        alert.ShouldContain("The clinic is closed that day.");
        alert.ShouldNotContain("Enter the patient's name.");
    }

    [Fact]
    public void DateField_ShowsTheFormsMessageForItsField()
    {
        var model = new Form();
        var form = _context.Render<FormHost>(p => p.Add(h => h.Model, model));

        form.InvokeAsync(() => form.Instance.Bridge!.ShowErrors(new Dictionary<string, string[]> { ["startsOn"] = ["The start date must be on a clinic day."] }));

        form.WaitForAssertion(() => form.Markup.ShouldContain("The start date must be on a clinic day."));
    }

    [Fact]
    public void UiText_CountsInTheRightNumber()
    {
        UiText.Count(1, "nurse").ShouldBe("1 nurse");
        UiText.Count(3, "nurse").ShouldBe("3 nurses");
        UiText.Count(0, "chair").ShouldBe("0 chairs");
        UiText.Count(2, "patient", "people").ShouldBe("2 people");
    }

    private sealed class Form
    {
        public string? Name { get; set; }

        public DateOnly? StartsOn { get; set; }
    }

    private sealed class FormValidator : FluentValidation.AbstractValidator<Form>;

    /// <summary>A form as our dialogs build them: EditForm, the FluentValidation bridge, fields, a date field and the action runner.</summary>
    private sealed class FormHost : ComponentBase
    {
        [Parameter] public Form Model { get; set; } = default!;

        public FluentValidationBridge? Bridge { get; private set; }

        public ActionRunner? Runner { get; private set; }

        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
        {
            builder.OpenComponent<EditForm>(0);
            builder.AddAttribute(1, nameof(EditForm.Model), Model);
            builder.AddAttribute(2, nameof(EditForm.ChildContent), (RenderFragment<EditContext>)(_ => b =>
            {
                b.OpenComponent<FluentValidationBridge>(0);
                b.AddAttribute(1, nameof(FluentValidationBridge.Validator), new FormValidator());
                b.AddComponentReferenceCapture(2, r => Bridge = (FluentValidationBridge)r);
                b.CloseComponent();
                b.OpenElement(3, "div");
                b.AddAttribute(4, "data-testid", "name-error");
                b.OpenComponent<ValidationMessage<string?>>(5);
                b.AddAttribute(6, nameof(ValidationMessage<string?>.For), (System.Linq.Expressions.Expression<Func<string?>>)(() => Model.Name));
                b.CloseComponent();
                b.CloseElement();
                b.OpenComponent<DateField>(7);
                b.AddAttribute(8, nameof(DateField.Value), Model.StartsOn);
                b.AddAttribute(9, nameof(DateField.For), (System.Linq.Expressions.Expression<Func<object?>>)(() => Model.StartsOn));
                b.AddAttribute(10, nameof(DateField.Label), "Starts on");
                b.CloseComponent();
                b.OpenComponent<ActionRunner>(11);
                b.AddAttribute(12, nameof(ActionRunner.Bridge), Bridge);
                b.AddComponentReferenceCapture(13, r => Runner = (ActionRunner)r);
                b.CloseComponent();
            }));
            builder.CloseComponent();
        }
    }
}
