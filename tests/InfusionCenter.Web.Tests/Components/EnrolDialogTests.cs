using Bunit;
using InfusionCenter.Testing;
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
/// (issue 11, finding 5: never "intervalOverride…"), and a valid enrolment saves the regimen.
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
}

internal static class EnrolDialogTestData
{
    public static Task<PatientDto> CreatePatientForTestAsync(this PatientService patients, string familyName) => patients.CreateAsync(new CreatePatientRequest
    {
        Mrn = "E" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), GivenName = "Enid", FamilyName = familyName, BirthDate = new DateOnly(1984, 3, 15),
    });
}
