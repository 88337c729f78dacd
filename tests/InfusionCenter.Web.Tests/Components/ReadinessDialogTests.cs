using AngleSharp.Dom;
using Bunit;
using InfusionCenter.Domain.Readiness;
using InfusionCenter.Testing;
using InfusionCenter.Web.Features.Auth;
using InfusionCenter.Web.Features.Patients;
using InfusionCenter.Web.Features.Readiness;
using InfusionCenter.Web.Features.Readiness.Dialogs;
using InfusionCenter.Web.Features.Regimens;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace InfusionCenter.Web.Tests.Components;

/// <summary>
/// The readiness dialogs with the app's real services on a real database ("today" Monday 2026-11-23): recording a
/// verification is one click and Save; refused input is shown at its field in words; a plan someone else changed meanwhile
/// is said so and nothing typed is lost.
/// </summary>
public sealed class ReadinessDialogTests(FixedClockAppFixture fixture) : IClassFixture<FixedClockAppFixture>
{
    [Fact]
    public async Task CoverageDialog_VerifyToday_PrefillsTodayAndTheSignedInUser_SoSaveRecordsTheVerification()
    {
        using var scope = fixture.App.Services.CreateScope();
        var patient = await scope.ServiceProvider.GetRequiredService<PatientService>().CreatePatientForTestAsync("Verifying");
        var records = scope.ServiceProvider.GetRequiredService<ReadinessRecordService>();
        var plan = await records.AddCoverageAsync(patient.Id, new CoverageRequest { Payer = "Aetna", Plan = "PPO", MemberId = "W123456789", Primary = true });
        await using var ctx = ComponentTestSupport.Create(Roles.Coordinator, scope.ServiceProvider);
        var host = ctx.RenderDialogHost();
        var dialogs = ctx.Services.GetRequiredService<IDialogService>();

        Task<CoverageDto?>? shown = null;
        await host.InvokeAsync(() => { shown = CoverageDialog.ShowAsync(dialogs, patient.Id, plan, verifyToday: true); });
        host.WaitForAssertion(() => Input(host, "coverage-verified-on").GetAttribute("value").ShouldBe("2026-11-23"));
        Input(host, "coverage-verified-by").GetAttribute("value").ShouldBe("coordinator@infusion.test");
        Input(host, "coverage-payer").GetAttribute("value").ShouldBe("Aetna");
        host.Markup.ShouldContain("Empty: 2027-01-01, the first 1 January after verification");

        host.Find("form").Submit();
        var saved = (await shown!.WaitAsync(TimeSpan.FromSeconds(30))).ShouldNotBeNull();

        saved.VerifiedOn.ShouldBe(new DateOnly(2026, 11, 23));
        saved.VerifiedBy.ShouldBe("coordinator@infusion.test");
        saved.ReverifyBy.ShouldBe(new DateOnly(2027, 1, 1));
        saved.MemberId.ShouldBe("W123456789");
    }

    [Fact]
    public async Task CoverageDialog_MissingMemberId_ShowsTheMessageAtTheField_AndSavesNothing()
    {
        using var scope = fixture.App.Services.CreateScope();
        var patient = await scope.ServiceProvider.GetRequiredService<PatientService>().CreatePatientForTestAsync("Uncarded");
        await using var ctx = ComponentTestSupport.Create(Roles.Coordinator, scope.ServiceProvider);
        var host = ctx.RenderDialogHost();
        var dialogs = ctx.Services.GetRequiredService<IDialogService>();
        await host.InvokeAsync(() => { _ = CoverageDialog.ShowAsync(dialogs, patient.Id, null); });
        host.WaitForAssertion(() => host.FindAll("[data-testid=coverage-payer]").ShouldNotBeEmpty());

        host.Find("[data-testid=coverage-payer]").Change("Cigna");
        host.Find("form").Submit();

        host.WaitForAssertion(() => FieldError(host, "coverage-member-id").ShouldBe("Enter the member id from the insurance card."));
        FieldError(host, "coverage-payer").ShouldBeNull();
        await using var db = await fixture.App.CreateDbContextAsync();
        (await db.Coverages.CountAsync(c => c.PatientId == patient.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task CoverageDialog_PlanChangedBySomeoneElseMeanwhile_SaysSoInWords_AndKeepsWhatWasTyped()
    {
        using var scope = fixture.App.Services.CreateScope();
        var patient = await scope.ServiceProvider.GetRequiredService<PatientService>().CreatePatientForTestAsync("Raced");
        var records = scope.ServiceProvider.GetRequiredService<ReadinessRecordService>();
        var plan = await records.AddCoverageAsync(patient.Id, new CoverageRequest { Payer = "Aetna", MemberId = "W1" });
        await using var ctx = ComponentTestSupport.Create(Roles.Coordinator, scope.ServiceProvider);
        var host = ctx.RenderDialogHost();
        var dialogs = ctx.Services.GetRequiredService<IDialogService>();
        await host.InvokeAsync(() => { _ = CoverageDialog.ShowAsync(dialogs, patient.Id, plan); });
        host.WaitForAssertion(() => host.FindAll("[data-testid=coverage-payer]").ShouldNotBeEmpty());

        await records.UpdateCoverageAsync(plan.Id, new CoverageRequest { Payer = "Aetna", MemberId = "W2", Version = plan.Version });
        host.Find("[data-testid=coverage-payer]").Change("Humana");
        host.Find("form").Submit();

        host.WaitForAssertion(() => host.Find("[data-testid=coverage-error]").TextContent.ShouldContain("Someone else changed this record after you opened it"));
        Input(host, "coverage-payer").GetAttribute("value").ShouldBe("Humana");
        (await records.CoveragesAsync(patient.Id)).Single().MemberId.ShouldBe("W2");
    }

    [Fact]
    public async Task AuthorizationDialog_ApprovalEndingBeforeItStarts_IsRefusedAtTheField_InWords()
    {
        using var scope = fixture.App.Services.CreateScope();
        var patient = await scope.ServiceProvider.GetRequiredService<PatientService>().CreatePatientForTestAsync("Approving");
        var regimen = await scope.ServiceProvider.GetRequiredService<RegimenService>()
            .EnrolAsync(patient.Id, new EnrolRequest { Protocol = "natalizumab", Start = new DateOnly(2026, 12, 7) });
        await using var ctx = ComponentTestSupport.Create(Roles.Coordinator, scope.ServiceProvider);
        var host = ctx.RenderDialogHost();
        var dialogs = ctx.Services.GetRequiredService<IDialogService>();
        Task<AuthorizationDto?>? shown = null;
        await host.InvokeAsync(() => { shown = AuthorizationDialog.ShowAsync(dialogs, regimen.Id, "Natalizumab, started 2026-12-07", null); });
        host.WaitForAssertion(() => host.FindAll("[data-testid=authorization-status]").ShouldNotBeEmpty());
        host.FindAll("[data-testid=authorization-approved-from]").ShouldBeEmpty("a request still to make has no approved dates");

        await host.InvokeAsync(() => host.FindComponent<MudSelect<AuthorizationState?>>().Instance.SelectOption(AuthorizationState.Approved));
        host.WaitForAssertion(() => host.FindAll("[data-testid=authorization-approved-from]").ShouldNotBeEmpty());
        Input(host, "authorization-approved-from").Change("2026-12-31");
        Input(host, "authorization-approved-to").Change("2026-12-01");
        host.Find("form").Submit();

        host.WaitForAssertion(() => FieldError(host, "authorization-approved-to").ShouldBe("The approval cannot end before it starts."));
        shown!.IsCompleted.ShouldBeFalse();
        await using (var db = await fixture.App.CreateDbContextAsync())
        {
            (await db.PriorAuthorizations.CountAsync(a => a.RegimenId == regimen.Id)).ShouldBe(0);
        }

        // In order but starting after the first dose: the service's refusal lands at the field too.
        Input(host, "authorization-approved-to").Change("2027-11-30");
        Input(host, "authorization-number").Change("PA-7781");
        host.Find("form").Submit();
        host.WaitForAssertion(() => FieldError(host, "authorization-approved-from").ShouldNotBeNull().ShouldContain("do not cover dose 1 on 2026-12-07"));
        shown!.IsCompleted.ShouldBeFalse();

        // Covering it, the approval saves and the dialog closes with it.
        Input(host, "authorization-approved-from").Change("2026-12-01");
        host.Find("form").Submit();
        var saved = (await shown.WaitAsync(TimeSpan.FromSeconds(30))).ShouldNotBeNull();
        saved.Status.ShouldBe(AuthorizationState.Approved);
        saved.ApprovedFrom.ShouldBe(new DateOnly(2026, 12, 1));
        saved.Number.ShouldBe("PA-7781");
    }

    /// <summary>The input of a field by its test id (MudBlazor puts the attribute on the input or on its wrapper).</summary>
    private static IElement Input(IRenderedComponent<MudDialogProvider> host, string testId)
    {
        var element = host.Find($"[data-testid={testId}]");
        return element.TagName == "INPUT" || element.TagName == "TEXTAREA" ? element : element.QuerySelector("input") ?? element;
    }

    /// <summary>The validation message shown under a field, or null.</summary>
    private static string? FieldError(IRenderedComponent<MudDialogProvider> host, string testId)
    {
        var field = Input(host, testId).Closest(".mud-input-control");
        return field?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim();
    }
}
