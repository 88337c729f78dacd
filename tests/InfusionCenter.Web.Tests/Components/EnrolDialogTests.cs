using Bunit;
using InfusionCenter.Testing;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Auth;
using InfusionCenter.Web.Features.Patients;
using InfusionCenter.Web.Features.Regimens;
using InfusionCenter.Web.Features.Regimens.Dialogs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace InfusionCenter.Web.Tests.Components;

/// <summary>
/// The enrol dialog with the app's real services on a real database: a refused option is shown at its field, in words
/// (issue 11, finding 5: never "intervalOverride…"), and a valid enrolment saves the regimen. A second active regimen on the
/// same drug (the API's 409) is explained in the dialog, which enrols anyway once a reason is given (issue 12).
/// </summary>
public sealed class EnrolDialogTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Enrol_IntervalBelowTheMinimumSpacing_ShowsWordsAtTheField_ThenAValidEnrolmentSavesTheRegimen()
    {
        using var scope = fixture.App.Services.CreateScope();
        var patient = await scope.ServiceProvider.GetRequiredService<PatientService>().CreatePatientForTestAsync("Enrolling");
        await using var ctx = ComponentTestSupport.Create(Roles.Nurse, scope.ServiceProvider);
        var host = ctx.RenderDialogHost();
        var dialogs = ctx.Services.GetRequiredService<IDialogService>();
        IDialogReference? dialog = null;
        await host.InvokeAsync(async () => dialog = await dialogs.ShowAsync<EnrolDialog>(
            "Enrol", new DialogParameters<EnrolDialog> { { d => d.PatientId, patient.Id } }, new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true }));
        host.WaitForAssertion(() => host.FindAll("[data-testid=protocol-picker]").ShouldNotBeEmpty());

        // Choose ocrelizumab: the preview shows its label calendar and its safety gates in words.
        var picker = host.FindComponent<MudSelect<string>>();
        await host.InvokeAsync(() => picker.Instance.SelectOption("ocrelizumab"));
        host.WaitForAssertion(() => host.FindAll("[data-testid=preview-date]").ShouldNotBeEmpty());
        host.FindAll("[data-testid=enrol-gate]").Select(g => g.TextContent).ShouldContain(t => t.Contains("Hepatitis B", StringComparison.Ordinal));

        // A 4-week interval is shorter than ocrelizumab's 20-week minimum spacing: submitting shows why, at the interval field.
        host.Find("[data-testid=interval-weeks]").Change("4");
        host.Find("form").Submit();
        host.WaitForAssertion(() => host.Find(".interval-field .mud-input-helper-text.mud-input-error").TextContent
            .ShouldContain("The interval must be at least 20 weeks: doses of Ocrelizumab are given at least 20 weeks apart."));
        host.Markup.ShouldNotContain("intervalOverride");
        await using (var db = await fixture.App.CreateDbContextAsync())
        {
            (await db.Regimens.CountAsync(r => r.PatientId == patient.Id)).ShouldBe(0);
        }

        // Back to the label's interval: the regimen is saved and the dialog closes with it.
        host.Find("[data-testid=interval-weeks]").Change("");
        host.WaitForAssertion(() => host.FindAll(".interval-field .mud-input-helper-text.mud-input-error").ShouldBeEmpty());
        host.Find("form").Submit();
        var result = await dialog!.Result.WaitAsync(TimeSpan.FromSeconds(30));

        result.ShouldNotBeNull();
        result.Canceled.ShouldBeFalse();
        var saved = result.Data.ShouldBeOfType<RegimenDto>();
        saved.Protocol.ShouldBe("ocrelizumab");
        saved.IntervalWeeks.ShouldBeNull();
        await using (var db = await fixture.App.CreateDbContextAsync())
        {
            var regimen = await db.Regimens.Include(r => r.Doses).SingleAsync(r => r.PatientId == patient.Id);
            regimen.Id.ShouldBe(saved.Id);
            regimen.Doses.Count.ShouldBeGreaterThanOrEqualTo(5);
        }
    }

    [Fact]
    public async Task Enrol_BsaDosedDrugForAnUnmeasuredPatient_SaysSoInWords()
    {
        using var scope = fixture.App.Services.CreateScope();
        var patient = await scope.ServiceProvider.GetRequiredService<PatientService>().CreatePatientForTestAsync("Unweighed");
        await using var ctx = ComponentTestSupport.Create(Roles.Nurse, scope.ServiceProvider);
        var host = ctx.RenderDialogHost();
        var dialogs = ctx.Services.GetRequiredService<IDialogService>();
        await host.InvokeAsync(() => dialogs.ShowAsync<EnrolDialog>("Enrol", new DialogParameters<EnrolDialog> { { d => d.PatientId, patient.Id } }));
        host.WaitForAssertion(() => host.FindAll("[data-testid=protocol-picker]").ShouldNotBeEmpty());

        await host.InvokeAsync(() => host.FindComponent<MudSelect<string>>().Instance.SelectOption("mitoxantrone"));

        host.WaitForAssertion(() => host.Find("[data-testid=preview-error]").TextContent
            .ShouldContain("Mitoxantrone is dosed by body surface area: record the patient's height and weight first."));
    }

    [Fact]
    public async Task Enrol_ASecondActiveRegimenOnTheSameDrug_ShowsTheConflictInWords_ThenEnrolsAnywayWithARequiredReason()
    {
        using var scope = fixture.App.Services.CreateScope();
        var patient = await scope.ServiceProvider.GetRequiredService<PatientService>().CreatePatientForTestAsync("Twice");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await scope.ServiceProvider.GetRequiredService<RegimenService>().EnrolAsync(patient.Id, new EnrolRequest { Protocol = "natalizumab", Start = today });
        await using var ctx = ComponentTestSupport.Create(Roles.Nurse, scope.ServiceProvider);
        var host = ctx.RenderDialogHost();
        var dialogs = ctx.Services.GetRequiredService<IDialogService>();
        IDialogReference? dialog = null;
        await host.InvokeAsync(async () => dialog = await dialogs.ShowAsync<EnrolDialog>(
            "Enrol", new DialogParameters<EnrolDialog> { { d => d.PatientId, patient.Id } }, new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true }));
        host.WaitForAssertion(() => host.FindAll("[data-testid=protocol-picker]").ShouldNotBeEmpty());
        await host.InvokeAsync(() => host.FindComponent<MudSelect<string>>().Instance.SelectOption("natalizumab"));
        host.WaitForAssertion(() => host.FindAll("[data-testid=preview-date]").ShouldNotBeEmpty());

        // The API's 409, in words in the dialog (not as an error line), with the way out.
        host.Find("form").Submit();
        host.WaitForAssertion(() => host.Find("[data-testid=duplicate-conflict]").TextContent.ShouldContain("This patient already has an active"));
        host.Find("[data-testid=duplicate-conflict]").TextContent.ShouldContain("confirm a second regimen on the same drug and give the reason");
        host.FindAll("[data-testid=form-error]").ShouldBeEmpty();
        host.FindAll("[data-testid=duplicate-reason]").ShouldBeEmpty(); // asked for once "enrol anyway" is chosen

        // Enrol anyway: the reason is required, at its field.
        host.Find("input[data-testid=confirm-duplicate]").Change(true);
        host.WaitForAssertion(() => host.FindAll("[data-testid=duplicate-reason]").ShouldNotBeEmpty());
        host.Find("[data-testid=save-regimen]").TextContent.Trim().ShouldBe("Enrol anyway");
        host.Find("form").Submit();
        host.WaitForAssertion(() => host.Find(".duplicate-reason-field .mud-input-helper-text.mud-input-error").TextContent
            .ShouldContain("Give the reason for a second regimen on the same drug."));
        await using (var db = await fixture.App.CreateDbContextAsync())
        {
            (await db.Regimens.CountAsync(r => r.PatientId == patient.Id)).ShouldBe(1);
        }

        host.Find("textarea[data-testid=duplicate-reason]").Change("Extended-interval plan while the old one is stopped");
        host.Find("form").Submit();
        var result = await dialog!.Result.WaitAsync(TimeSpan.FromSeconds(30));

        var saved = result.ShouldNotBeNull().Data.ShouldBeOfType<RegimenDto>();
        saved.DuplicateReason.ShouldBe("Extended-interval plan while the old one is stopped");
        await using (var db = await fixture.App.CreateDbContextAsync())
        {
            (await db.Regimens.CountAsync(r => r.PatientId == patient.Id && r.Status == RegimenStatus.Active)).ShouldBe(2);
        }
    }

    [Fact]
    public async Task Switch_TheEnrolDialogStopsTheOldRegimenAndEnrolsTheNewOne_InOneStep()
    {
        using var scope = fixture.App.Services.CreateScope();
        var patient = await scope.ServiceProvider.GetRequiredService<PatientService>().CreatePatientForTestAsync("Switch");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var old = await scope.ServiceProvider.GetRequiredService<RegimenService>().EnrolAsync(patient.Id, new EnrolRequest { Protocol = "natalizumab", Start = today.AddDays(7) });
        await using var ctx = ComponentTestSupport.Create(Roles.Nurse, scope.ServiceProvider);
        var host = ctx.RenderDialogHost();
        var dialogs = ctx.Services.GetRequiredService<IDialogService>();
        IDialogReference? dialog = null;
        await host.InvokeAsync(async () => dialog = await dialogs.ShowAsync<EnrolDialog>("Switch", new DialogParameters<EnrolDialog>
        {
            { d => d.PatientId, patient.Id }, { d => d.SwitchFrom, old }, { d => d.SwitchReason, "Switching therapy: higher efficacy" },
        }, new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true }));
        host.WaitForAssertion(() => host.Find("[data-testid=switch-note]").TextContent.ShouldContain("Switching from"));
        host.Find("[data-testid=save-regimen]").TextContent.Trim().ShouldBe("Stop and enrol");
        // The new regimen starts by default when the old one's next dose was due (set once the dialog has loaded).
        host.WaitForAssertion(() => host.Find("input[data-testid=start-date]").GetAttribute("value").ShouldBe(today.AddDays(7).ToString("yyyy-MM-dd")));
        await host.InvokeAsync(() => host.FindComponent<MudSelect<string>>().Instance.SelectOption("ocrelizumab"));
        host.WaitForAssertion(() => host.FindAll("[data-testid=preview-date]").ShouldNotBeEmpty());

        host.Find("form").Submit();
        var result = await dialog!.Result.WaitAsync(TimeSpan.FromSeconds(30));

        result.ShouldNotBeNull().Data.ShouldBeOfType<RegimenDto>().Protocol.ShouldBe("ocrelizumab");
        await using var db = await fixture.App.CreateDbContextAsync();
        var stopped = await db.Regimens.SingleAsync(r => r.Id == old.Id);
        stopped.Status.ShouldBe(RegimenStatus.Stopped);
        stopped.StoppedBecause.ShouldBe("Switching therapy: higher efficacy");
    }
}

internal static class EnrolDialogTestData
{
    public static Task<PatientDto> CreatePatientForTestAsync(this PatientService patients, string familyName) => patients.CreateAsync(new CreatePatientRequest
    {
        Mrn = "E" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), GivenName = "Enid", FamilyName = familyName, BirthDate = new DateOnly(1984, 3, 15),
    });
}
