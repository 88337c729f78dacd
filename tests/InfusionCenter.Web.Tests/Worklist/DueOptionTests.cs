using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using System.Text.Json;
using Bunit;
using InfusionCenter.Web.Features.Auth;
using InfusionCenter.Web.Features.Worklist;
using InfusionCenter.Web.Tests.Components;
using Microsoft.Extensions.DependencyInjection;
using static InfusionCenter.Web.Tests.OptionTestSupport;

namespace InfusionCenter.Web.Tests.Worklist;

/// <summary>
/// The due list and the board's fill-a-gap say how each dose is to be given (its administration option) next to the
/// chair time that option takes, on a fixed clock (today Monday 2026-11-23, 09:30 in New York).
/// </summary>
public sealed class DueOptionTests(FixedClockAppFixture fixture) : IClassFixture<FixedClockAppFixture>
{
    private readonly HttpClient _client = fixture.App.CreateClientAs("Nurse");
    private readonly HttpClient _admin = fixture.App.CreateClientAs("Admin");

    private async Task<JsonElement> DueAsync(int doseId) =>
        (await Api.ReadAsync(await _client.GetAsync("/api/worklist?weeks=4"), HttpStatusCode.OK)).EnumerateArray()
        .Single(d => d.GetProperty("doseId").GetInt32() == doseId);

    [Fact]
    public async Task DueList_CarriesTheMaintenanceDosesOption_WithItsChairTime_AndALoadingDoseHasNone()
    {
        var (_, regimen) = await OnMaintenanceAsync(_client, "Duelist");
        var newcomer = await Api.CreatePatientAsync(_client, "Newcomer");
        var loading = await Api.EnrolAsync(_client, newcomer, new { protocol = "ocrelizumab", start = "2026-12-01" });

        var dose3 = await DueAsync(Dose(regimen, 3).Id());
        var first = await DueAsync(AppointmentTestSupport.DoseId(loading, 1));

        dose3.GetProperty("option").GetString().ShouldBe("shorter");
        dose3.GetProperty("optionName").GetString()!.ShouldStartWith("Shorter (about 2 h)");
        dose3.GetProperty("chairMinutes").GetInt32().ShouldBe(Shorter);
        first.GetProperty("option").ValueKind.ShouldBe(JsonValueKind.Null);
        first.GetProperty("optionName").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task ChoosingTheStandardInfusion_ShowsOnTheDueList_AndFillAGapOffersIt()
    {
        var (_, regimen) = await OnMaintenanceAsync(_client, "Standardway");
        var doseId = Dose(regimen, 3).Id();
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_admin);
        await Api.ReadAsync(await _client.PutAsJsonAsync($"/api/doses/{doseId}/option", new { option = "standard" }), HttpStatusCode.OK);

        var due = await DueAsync(doseId);
        using var scope = fixture.App.Services.CreateScope();
        var fits = await scope.ServiceProvider.GetRequiredService<WorklistService>()
            .FillAsync(chairId, new DateTime(2026, 11, 25, 8, 0, 0), new DateTime(2026, 11, 25, 17, 0, 0));

        due.GetProperty("option").GetString().ShouldBe("standard");
        due.GetProperty("optionName").GetString().ShouldBe("Standard (about 3.5 h)");
        due.GetProperty("chairMinutes").GetInt32().ShouldBe(Standard);
        var fit = fits.Single(f => f.Dose.DoseId == doseId);
        fit.Dose.Option.ShouldBe("standard");
        (fit.Slot.End - fit.Slot.Start).TotalMinutes.ShouldBe(Standard);
    }

    [Fact]
    public async Task DueListPage_ShowsTheWayOfGivingBesideTheChairTime_InWords()
    {
        await OnMaintenanceAsync(_client, "Onscreen");
        using var scope = fixture.App.Services.CreateScope();
        await using var context = ComponentTestSupport.Create(Roles.Nurse, scope.ServiceProvider);

        var page = context.Render<WorklistPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=due-option]").ShouldNotBeEmpty(), TimeSpan.FromSeconds(10));
        var row = page.FindAll("tr").Single(r => r.TextContent.Contains("Onscreen, Alex", StringComparison.Ordinal));
        Regex.Replace(row.QuerySelector("td[data-label=Chair]")!.TextContent, @"\s+", " ").Trim().ShouldBe("Shorter · 3 h 45");
        row.QuerySelector("[data-testid=due-option]")!.GetAttribute("title")!.ShouldContain("no prior serious infusion reaction");
        row.TextContent.ShouldNotContain("shorter", Case.Sensitive); // the option's code never shows
    }
}
