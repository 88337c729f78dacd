using Bunit;
using InfusionCenter.Domain.Readiness;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Auth;
using InfusionCenter.Web.Features.Patients.Components;
using InfusionCenter.Web.Features.Readiness;
using InfusionCenter.Web.Features.Regimens;

namespace InfusionCenter.Web.Tests.Components;

/// <summary>
/// The regimen card with readiness (issue 13): the regimen's authorization and order in words, each dose still to give ready
/// or what is missing (blocking and warning told apart, the detail kept as the chip's title), its drug, and no edit buttons
/// for managers.
/// </summary>
public sealed class ReadinessComponentTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static DoseDto Dose(int id, int sequence, DoseStatus status, DateOnly date) =>
        new(id, sequence, date, date.AddDays(-7), date.AddDays(7), 300m, "mg", null, 120, 1, 1, "maintenance", status, status == DoseStatus.Given ? date : null, null);

    private static readonly RegimenDto Regimen = new(
        7, 1, "natalizumab", "Natalizumab IV every 4 weeks", 1, 1, new DateOnly(2026, 10, 26), new DateOnly(2028, 10, 26), null, 0m, null, null, null,
        RegimenStatus.Active, "until", DateTimeOffset.UnixEpoch,
        [Dose(11, 1, DoseStatus.Given, new DateOnly(2026, 10, 26)), Dose(12, 2, DoseStatus.Booked, new DateOnly(2026, 11, 24)), Dose(13, 3, DoseStatus.Planned, new DateOnly(2026, 12, 21))]);

    private static readonly PatientRecordsDto Records = new(
        [],
        [new AuthorizationDto(5, 7, AuthorizationState.Approved, "PA-1", new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 30), 2, 2, "Infusion center", null, null, null, 1)],
        [new OrderDto(3, 7, "Dr. Park", new DateOnly(2026, 10, 1), new DateOnly(2027, 10, 1), 1)],
        new Dictionary<int, DrugSupplyDto> { [12] = new(12, DrugSource.SpecialtyPharmacy, DrugSupplyState.Shipped, new DateOnly(2026, 11, 24), null, 1) });

    private static readonly Dictionary<int, ReadinessDto> Doses = new()
    {
        [12] = new(false, [new MissingDto(ReadinessCodes.DrugNotReceived, "The drug from the specialty pharmacy has not been received (shipped).", false)], 12, new DateOnly(2026, 11, 24), true),
        [13] = new(false, [new MissingDto(ReadinessCodes.AuthorizationNotCoveringDate, "Authorization PA-1 covers 2026-10-01 to 2026-11-30, not 2026-12-21.", true)],
            13, new DateOnly(2026, 12, 21), false),
    };

    [Fact]
    public async Task RegimenCard_ShowsAuthorizationOrderAndEachDosesReadiness_InWords()
    {
        await using var context = ComponentTestSupport.Create(Roles.Coordinator);

        var card = context.Render<RegimenCard>(p => p.Add(c => c.Regimen, Regimen).Add(c => c.Today, Today).Add(c => c.CanSchedule, true)
            .Add(c => c.Records, Records).Add(c => c.DoseReadiness, Doses));

        card.Find("[data-testid=authorization]").TextContent.ShouldContain("PA-1 · 2026-10-01 to 2026-11-30 · 2 of 2 doses used · Infusion center");
        card.Find("[data-testid=order]").TextContent.ShouldContain("by Dr. Park on 2026-10-01 · valid until 2027-10-01");
        var missing = card.FindAll("[data-testid=dose-missing]");
        missing.Select(m => m.TextContent.Trim()).ShouldBe(["Drug not received", "Date not authorized"]);
        missing[0].ClassList.ShouldContain("dr-warning");
        missing[1].ClassList.ShouldContain("dr-blocking");
        missing[1].GetAttribute("title").ShouldBe("Authorization PA-1 covers 2026-10-01 to 2026-11-30, not 2026-12-21.");
        card.Find("[data-testid=dose-drug]").TextContent.ShouldBe("Drug shipped, expected 2026-11-24 · specialty pharmacy");
        card.FindAll("[data-testid=dose-drug-edit]").Count.ShouldBe(2, "a Drug… button per dose still to give");
        card.FindAll("[data-testid=record-given]").ShouldBeEmpty("recording a dose is a nurse's");
        card.FindAll("[data-testid=add-authorization]").Count.ShouldBe(1);
    }

    [Fact]
    public async Task RegimenCard_ForManagers_ShowsReadinessWithoutEditButtons()
    {
        await using var context = ComponentTestSupport.Create(Roles.Manager);

        var card = context.Render<RegimenCard>(p => p.Add(c => c.Regimen, Regimen).Add(c => c.Today, Today)
            .Add(c => c.Records, Records).Add(c => c.DoseReadiness, Doses));

        card.FindAll("[data-testid=dose-missing]").Count.ShouldBe(2);
        card.FindAll("[data-testid=dose-drug-edit], [data-testid=add-authorization], [data-testid=edit-authorization], [data-testid=add-order], [data-testid=edit-order]")
            .ShouldBeEmpty();
    }

    [Fact]
    public void ReadinessText_LabelsEveryCode_AndNamesEveryState()
    {
        ReadinessCodes.All.ShouldAllBe(code => ReadinessText.Label(code) != "Not ready" && ReadinessText.Label(code) != code);
        ReadinessCodes.All.Select(ReadinessText.Label).Distinct().Count().ShouldBe(ReadinessCodes.All.Count);
        ReadinessText.AuthorizationStates.Select(ReadinessText.Authorization).ShouldBe(["Not needed", "To request", "Requested", "Approved", "Denied", "Expired"]);
        ReadinessText.DrugSources.Select(ReadinessText.Source).ShouldBe(["Clinic stock (buy and bill)", "Specialty pharmacy (white bag)", "Patient's own"]);
        ReadinessText.DrugStates.Select(ReadinessText.DrugState).ShouldBe(["To order", "Ordered", "Shipped", "Received", "Prepared"]);
    }
}
