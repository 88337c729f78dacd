using Bunit;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Patients.Components;
using InfusionCenter.Web.Features.Regimens;

namespace InfusionCenter.Web.Tests.Components;

/// <summary>
/// The patient page's view of administration options and reactions (issue 14): each dose says how it is given, with its
/// chair time, who chose it and why; an option the patient may not have is written out once per regimen; the reactions
/// history is listed in words (no enum names). The re-book warning and its fixes: <see cref="DoseOptionDialogTests"/>.
/// </summary>
public sealed class DoseOptionComponentTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private const string Reason = "Not eligible: severe infusion reaction recorded on 2026-11-23 (dose 3).";

    private readonly BunitContext _context = ComponentTestSupport.Create();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    private static DoseDto Dose(int id, int sequence, DoseStatus status, string? option, int minutes, string? chosenBy = null, string? rebook = null) =>
        new(id, sequence, Today.AddDays(7 * sequence), Today.AddDays((7 * sequence) - 14), Today.AddDays((7 * sequence) + 14), 600m, "mg", null, minutes, 0, 0,
            "maintenance", status, status == DoseStatus.Given ? Today : null, null, option,
            option switch { "standard" => "Standard (about 3.5 h)", "shorter" => "Shorter (about 2 h) — no prior serious infusion reaction", _ => null },
            chosenBy, rebook);

    private static DoseOptionsDto Options(DoseDto dose, bool shorterEligible) => new(dose.Id, 7, dose.Sequence, dose.Status, dose.ChairMinutes, dose.Option, dose.OptionChosenBy,
        dose.RebookReason,
        [
            new DoseOptionDto("standard", "Standard (about 3.5 h)", 315, 45, 210, 60, true, "Available to every patient."),
            new DoseOptionDto("shorter", "Shorter (about 2 h) — no prior serious infusion reaction", 225, 45, 120, 60, shorterEligible,
                shorterEligible ? "Eligible: no severe infusion reaction recorded on a previous ocrelizumab dose." : Reason),
        ], true);

    private static RegimenDto Regimen(params DoseDto[] doses) => new(
        7, 1, "ocrelizumab", "Ocrelizumab IV (initial dose + every 24 weeks)", 1, 1, new DateOnly(2026, 6, 1), new DateOnly(2028, 6, 1), null, 0m, null, null, null,
        RegimenStatus.Active, "until", DateTimeOffset.UnixEpoch, doses);

    [Fact]
    public void RegimenCard_EachDoseSaysHowItIsGiven_WithChairTimeAndWhoChose_AndWhyInItsTooltip()
    {
        var given = Dose(11, 3, DoseStatus.Given, "shorter", 225);
        var chosen = Dose(12, 4, DoseStatus.Planned, "standard", 315, chosenBy: "nurse@infusion.test");
        var byDefault = Dose(13, 5, DoseStatus.Planned, "shorter", 225);
        var options = new[] { given, chosen, byDefault }.ToDictionary(d => d.Id, d => Options(d, shorterEligible: true));

        var card = _context.Render<RegimenCard>(p => p.Add(c => c.Regimen, Regimen(given, chosen, byDefault)).Add(c => c.Today, Today).Add(c => c.CanWrite, true)
            .Add(c => c.DoseOptions, options));

        card.FindAll("[data-testid=dose-option-name]").Select(n => n.TextContent.Trim()).ShouldBe(["Shorter (about 2 h)", "Standard (about 3.5 h)", "Shorter (about 2 h)"]);
        card.FindAll("[data-testid=dose-option-time]").Select(n => n.TextContent.Trim()).ShouldBe(["· chair time 3 h 45", "· chair time 5 h 15", "· chair time 3 h 45"]);
        card.FindAll("[data-testid=dose-option-chosen-by]").Select(n => n.TextContent.Trim())
            .ShouldBe(["Clinic's default", "Chosen by nurse@infusion.test", "Clinic's default"]);
        card.FindAll("[data-testid=dose-option-why]")[2].TextContent.ShouldContain("Eligible: no severe infusion reaction recorded on a previous ocrelizumab dose.");
        card.FindAll("[data-testid=choose-option]").Count.ShouldBe(2); // not for the dose already given
        card.FindAll("[data-testid=options-unavailable]").ShouldBeEmpty();
        card.Markup.ShouldNotContain("standard\"", Case.Sensitive); // codes stay off screen
    }

    [Fact]
    public void RegimenCard_AfterASevereReaction_SaysOnceWhyTheShorterInfusionIsNotAvailable_AndManagersGetNoActions()
    {
        var doses = new[] { Dose(12, 4, DoseStatus.Planned, "standard", 315), Dose(13, 5, DoseStatus.Planned, "standard", 315) };

        var card = _context.Render<RegimenCard>(p => p.Add(c => c.Regimen, Regimen(doses)).Add(c => c.Today, Today)
            .Add(c => c.DoseOptions, doses.ToDictionary(d => d.Id, d => Options(d, shorterEligible: false))));

        card.Find("[data-testid=options-unavailable]").TextContent.Trim()
            .ShouldBe("Shorter (about 2 h) is not available for the doses still to give: severe infusion reaction recorded on 2026-11-23 (dose 3).");
        card.FindAll("[data-testid=dose-option-name]").Select(n => n.TextContent.Trim()).ShouldBe(["Standard (about 3.5 h)", "Standard (about 3.5 h)"]);
        card.Find("[data-testid=dose-option-why]").TextContent.ShouldContain("Shorter (about 2 h) not eligible: severe infusion reaction recorded on 2026-11-23 (dose 3).");
        card.FindAll("[data-testid=choose-option]").ShouldBeEmpty();
    }

    [Fact]
    public void ReactionHistory_ListsEachReactionInWords_NewestFirst()
    {
        ReactionDto[] reactions =
        [
            new(41, new DateOnly(2026, 11, 23), "ocrelizumab", "Ocrelizumab IV (initial dose + every 24 weeks)", 3, ReactionSeverity.Severe, ReactionAction.Stopped, 250m)
            {
                ProtocolCode = "ocrelizumab", Unit = "mg",
            },
            new(17, new DateOnly(2026, 6, 15), "ocrelizumab", "Ocrelizumab IV (initial dose + every 24 weeks)", 2, ReactionSeverity.Mild, ReactionAction.Slowed, null),
        ];

        var card = _context.Render<ReactionHistoryCard>(p => p.Add(c => c.Reactions, reactions));

        card.FindAll("[data-testid=reaction-date]").Select(d => d.TextContent).ShouldBe(["2026-11-23", "2026-06-15"]);
        card.FindAll("[data-testid=reaction-severity]").Select(s => s.TextContent.Trim()).ShouldBe(["Severe", "Mild"]);
        card.FindAll("[data-testid=reaction-details]").Select(s => s.TextContent).ShouldBe(["dose 3 · Stopped early · 250 mg given", "dose 2 · Slowed"]);
        card.Find("[data-testid=reaction]").TextContent.ShouldContain("Ocrelizumab IV (initial dose + every 24 weeks)");
        card.FindAll("[data-testid=no-reactions]").ShouldBeEmpty();
    }

    [Fact]
    public void ReactionHistory_WithoutReactions_SaysSo()
    {
        var card = _context.Render<ReactionHistoryCard>(p => p.Add(c => c.Reactions, Array.Empty<ReactionDto>()));

        card.Find("[data-testid=no-reactions]").TextContent.ShouldBe("No infusion reactions recorded.");
    }
}
