using System.Net;
using Bunit;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Auth;
using InfusionCenter.Web.Features.Regimens;
using InfusionCenter.Web.Features.Regimens.Dialogs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace InfusionCenter.Web.Tests.Components;

/// <summary>
/// Switching IV ocrelizumab to Ocrevus Zunovo in the enrol dialog (issue 14): the first SC dose is due when the next IV
/// dose was, pre-filled and said in words; a start within 20 weeks of the last IV dose is refused at the start field.
/// Today is Monday 2026-11-23 (<see cref="FixedClockAppFixture"/>).
/// </summary>
public sealed class SwitchEnrolDialogTests(FixedClockAppFixture fixture) : IClassFixture<FixedClockAppFixture>
{
    private readonly HttpClient _nurse = fixture.App.CreateClientAs("Nurse");

    /// <summary>IV ocrelizumab from 2025-12-29, doses 1–3 given on their dates: dose 4 is due 2026-11-30, 24 weeks after dose 3.</summary>
    private async Task<RegimenDto> OnIvOcrelizumabAsync(string name)
    {
        var patientId = await Api.CreatePatientAsync(_nurse, name);
        var regimen = await Api.EnrolAsync(_nurse, patientId, new { protocol = "ocrelizumab", start = "2025-12-29", until = "2028-06-30" });
        foreach (var (sequence, date) in new[] { (1, "2025-12-29"), (2, "2026-01-12"), (3, "2026-06-15") })
        {
            await Api.ReadAsync(await _nurse.PostJsonAsync($"/api/doses/{AppointmentTestSupport.DoseId(regimen, sequence)}/given", new { date }), HttpStatusCode.OK);
        }

        using var scope = fixture.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RegimenService>().GetAsync(regimen.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task SwitchToOcrevusZunovo_StartsWhenTheNextIvDoseWasDue_RefusesAStartTooSoonAtTheField_ThenSwitches()
    {
        var iv = await OnIvOcrelizumabAsync("Zunovo");
        iv.Doses.Single(d => d.Sequence == 4).Date.ShouldBe(new DateOnly(2026, 11, 30));
        using var scope = fixture.App.Services.CreateScope();
        await using var ctx = ComponentTestSupport.Create(Roles.Nurse, scope.ServiceProvider);
        var host = ctx.RenderDialogHost();
        var dialogs = ctx.Services.GetRequiredService<IDialogService>();
        IDialogReference? dialog = null;
        await host.InvokeAsync(async () => dialog = await dialogs.ShowAsync<EnrolDialog>("Switch", new DialogParameters<EnrolDialog>
        {
            { d => d.PatientId, iv.PatientId }, { d => d.SwitchFrom, iv }, { d => d.SwitchReason, "Switching therapy: subcutaneous" },
        }, new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true }));
        // Loaded (the protocols and the default start) before a protocol is picked, as a nurse sees it.
        host.WaitForAssertion(() => host.Find("input[data-testid=start-date]").GetAttribute("value").ShouldNotBeNullOrEmpty());

        await host.InvokeAsync(() => host.FindComponent<MudSelect<string>>().Instance.SelectOption("ocrelizumab-sc"));

        host.WaitForAssertion(() => host.FindAll("[data-testid=preview-date]").ShouldNotBeEmpty());
        host.Find("input[data-testid=start-date]").GetAttribute("value").ShouldBe("2026-11-30");
        host.Find(".start-field .mud-input-helper-text").TextContent.ShouldBe("Due when the next IV dose was: 24 weeks after the last one (2026-06-15)");
        host.Find("[data-testid=preview-date]").TextContent.ShouldBe("2026-11-30");

        // 28 September is 15 weeks after the last IV dose: the switch's 400 lands at the start field, in words.
        host.Find("input[data-testid=start-date]").Change("2026-09-28");
        host.WaitForAssertion(() => host.Find(".start-field .mud-input-helper-text").TextContent.ShouldStartWith("The next IV dose was due 2026-11-30"));
        host.Find("form").Submit();
        host.WaitForAssertion(() => host.Find(".start-field .mud-input-helper-text.mud-input-error").TextContent
            .ShouldBe("The first Ocrelizumab dose must be at least 20 weeks after the last ocrelizumab dose (given 2026-06-15): 2026-11-02 or later."));
        host.Markup.ShouldNotContain("enrol.start");
        await using (var db = await fixture.App.CreateDbContextAsync())
        {
            (await db.Regimens.SingleAsync(r => r.Id == iv.Id)).Status.ShouldBe(RegimenStatus.Active);
        }

        host.Find("input[data-testid=start-date]").Change("2026-11-30");
        host.Find("form").Submit();
        var result = await dialog!.Result.WaitAsync(TimeSpan.FromSeconds(30));

        var sc = result.ShouldNotBeNull().Data.ShouldBeOfType<RegimenDto>();
        sc.Protocol.ShouldBe("ocrelizumab-sc");
        sc.Doses[0].Date.ShouldBe(new DateOnly(2026, 11, 30));
        sc.Doses[0].ChairMinutes.ShouldBe(100);
        await using (var db = await fixture.App.CreateDbContextAsync())
        {
            (await db.Regimens.SingleAsync(r => r.Id == iv.Id)).Status.ShouldBe(RegimenStatus.Stopped);
        }
    }

    [Fact]
    public void SwitchSuggestion_OnlyForTheSameDrug_AndSaysWhenTheDayHasPassed()
    {
        static DoseDto Dose(int sequence, DoseStatus status, DateOnly date) =>
            new(sequence, sequence, date, date.AddDays(-14), date.AddDays(14), 600m, "mg", null, 225, 0, 0, "maintenance", status, status == DoseStatus.Given ? date : null, null);
        var from = new RegimenDto(1, 1, "ocrelizumab", "Ocrelizumab IV (initial dose + every 24 weeks)", 1, 1, new DateOnly(2026, 1, 5), new DateOnly(2028, 1, 5),
            null, 0m, null, null, null, RegimenStatus.Active, "until", DateTimeOffset.UnixEpoch,
            [Dose(3, DoseStatus.Given, new DateOnly(2026, 6, 1)), Dose(4, DoseStatus.Planned, new DateOnly(2026, 11, 16))]);
        var iv = new Features.Protocols.ProtocolSummary("ocrelizumab", from.ProtocolName, 1, "ocrelizumab", "Ocrevus", false, false, null, DateTimeOffset.UnixEpoch);
        var sc = iv with { Code = "ocrelizumab-sc", Name = "Ocrelizumab SC (Ocrevus Zunovo) every 24 weeks", BrandName = "Ocrevus Zunovo" };
        var other = iv with { Code = "natalizumab", Name = "Natalizumab IV every 4 weeks", Drug = "natalizumab", BrandName = "Tysabri" };

        var suggestion = SwitchSuggestion.For(from, iv, sc).ShouldNotBeNull();

        suggestion.Start.ShouldBe(new DateOnly(2026, 11, 16));
        suggestion.Helper(suggestion.Start, new DateOnly(2026, 11, 23))
            .ShouldBe("Due when the next IV dose was: 24 weeks after the last one (2026-06-01). That day has passed: the first dose is overdue.");
        SwitchSuggestion.For(from, iv, other).ShouldBeNull();
    }
}
