using System.Text.RegularExpressions;
using Bunit;
using InfusionCenter.Testing;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Auth;
using InfusionCenter.Web.Features.Patients;
using InfusionCenter.Web.Features.Patients.Components;
using InfusionCenter.Web.Features.Regimens;
using InfusionCenter.Web.Features.Regimens.Dialogs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace InfusionCenter.Web.Tests.Components;

/// <summary>
/// Issue 12, BSA change: the regimen card says in words that the doses still to give are at the old amount and offers to
/// re-dose; the re-dose dialog shows every dose's amount before → after, read fresh, and applies them in one action.
/// </summary>
public sealed class RedoseComponentTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static DoseDto Dose(int id, int sequence, DoseStatus status, DateOnly date) =>
        new(id, sequence, date, date.AddDays(-7), date.AddDays(14), 19.9m, "mg", 12m, 45, 1, 1, "dose", status, status == DoseStatus.Given ? date : null, null);

    private static RegimenDto Flagged() => new(
        9, 1, "mitoxantrone", "Mitoxantrone IV 12 mg/m² every 3 months", 1, 1, new DateOnly(2026, 8, 24), new DateOnly(2028, 8, 24), 1.66m, 0m, 140m, null, null,
        RegimenStatus.Active, null, DateTimeOffset.UnixEpoch,
        [Dose(31, 1, DoseStatus.Given, new DateOnly(2026, 8, 24)), Dose(32, 2, DoseStatus.Booked, new DateOnly(2026, 11, 24)), Dose(33, 3, DoseStatus.Planned, new DateOnly(2027, 2, 24))],
        BsaChange: new BsaChangeDto(1.66m, 1.85m, 11.4m,
        [
            new RedoseDoseDto(32, 2, new DateOnly(2026, 11, 24), DoseStatus.Booked, 19.9m, 22.2m, "mg"),
            new RedoseDoseDto(33, 3, new DateOnly(2027, 2, 24), DoseStatus.Planned, 19.9m, 22.2m, "mg"),
        ]));

    [Fact]
    public async Task RegimenCard_FlaggedBsaChange_SaysSoInWords_MarksTheDosesStillToGive_AndOffersRedose()
    {
        await using var context = ComponentTestSupport.Create();
        RegimenDto? asked = null;
        var card = context.Render<RegimenCard>(p => p.Add(c => c.Regimen, Flagged()).Add(c => c.Today, Today).Add(c => c.CanWrite, true)
            .Add(c => c.OnRedose, (RegimenDto r) => asked = r));

        card.Find("[data-testid=bsa-change]").TextContent
            .ShouldContain("BSA now 1.85 m² (was 1.66 m², +11 %): 2 doses still to give are at the old amount.");
        card.FindAll("[data-testid=dose-redose]").Select(d => d.TextContent.Trim()).ShouldBe(["at the current BSA: 22.2 mg", "at the current BSA: 22.2 mg"]);

        card.Find("[data-testid=redose]").Click();

        asked.ShouldNotBeNull().Id.ShouldBe(9);
    }

    [Fact]
    public async Task RegimenCard_ForManagers_ShowsTheFlagWithoutTheButton_AndNoFlagNoAlert()
    {
        await using var context = ComponentTestSupport.Create(Roles.Manager);

        var readOnly = context.Render<RegimenCard>(p => p.Add(c => c.Regimen, Flagged()).Add(c => c.Today, Today).Add(c => c.CanWrite, false));
        var unflagged = context.Render<RegimenCard>(p => p.Add(c => c.Regimen, Flagged() with { BsaChange = null }).Add(c => c.Today, Today).Add(c => c.CanWrite, true));

        readOnly.FindAll("[data-testid=bsa-change]").Count.ShouldBe(1);
        readOnly.FindAll("[data-testid=redose]").ShouldBeEmpty();
        unflagged.FindAll("[data-testid=bsa-change]").ShouldBeEmpty();
        unflagged.FindAll("[data-testid=dose-redose]").ShouldBeEmpty();
    }

    [Fact]
    public async Task RedoseDialog_ShowsOldAndNewAmountsPerDose_ThenAppliesThemInOneAction()
    {
        using var scope = fixture.App.Services.CreateScope();
        var patients = scope.ServiceProvider.GetRequiredService<PatientService>();
        var regimens = scope.ServiceProvider.GetRequiredService<RegimenService>();
        var patient = await patients.CreateAsync(new CreatePatientRequest
        {
            Mrn = "R" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), GivenName = "Rea", FamilyName = "Dose", BirthDate = new DateOnly(1980, 1, 2),
            HeightCm = 170, WeightKg = 58.4m,
        });
        var regimen = await regimens.EnrolAsync(patient.Id, new EnrolRequest { Protocol = "mitoxantrone", Start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7) });
        await patients.UpdateMeasurementsAsync(patient.Id, new UpdateMeasurementsRequest { HeightCm = 170, WeightKg = 72.5m });
        await using var context = ComponentTestSupport.Create(Roles.Nurse, scope.ServiceProvider);
        var host = context.RenderDialogHost();
        var dialogs = context.Services.GetRequiredService<IDialogService>();
        IDialogReference? dialog = null;
        await host.InvokeAsync(async () => dialog = await dialogs.ShowAsync<RedoseDialog>("Re-dose", new DialogParameters<RedoseDialog> { { d => d.RegimenId, regimen.Id } }));

        host.WaitForAssertion(() => host.FindAll("[data-testid=redose-line]").Count.ShouldBe(regimen.Doses.Count));
        var summary = Regex.Replace(host.Find("[data-testid=redose-summary]").TextContent, @"\s+", " ").Trim();
        summary.ShouldBe($"The patient's BSA is now 1.85 m²; the doses were calculated for 1.66 m² (+11 %). Re-dosing sets {regimen.Doses.Count} doses "
            + "still to give to the amounts on the right:");
        host.FindAll("[data-testid=redose-line]")[0].TextContent.ShouldContain("19.9 mg");
        host.FindAll("[data-testid=redose-line]")[0].TextContent.ShouldContain("22.2 mg");
        Regex.Replace(host.Markup, @"\s+", " ").ShouldContain("counted in mg/m², so the plan and its cap do not change");
        host.Find("[data-testid=apply-redose]").TextContent.Trim().ShouldBe($"Re-dose {regimen.Doses.Count} doses");

        host.Find("[data-testid=apply-redose]").Click();
        var result = await dialog!.Result.WaitAsync(TimeSpan.FromSeconds(30));

        var redosed = result.ShouldNotBeNull().Data.ShouldBeOfType<RegimenDto>();
        redosed.Bsa.ShouldBe(1.85m);
        redosed.BsaChange.ShouldBeNull();
        await using var db = await fixture.App.CreateDbContextAsync();
        (await db.Doses.Where(d => d.RegimenId == regimen.Id).Select(d => d.Amount).ToListAsync()).ShouldAllBe(a => a == 22.2m);
    }
}
