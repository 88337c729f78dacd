using Bunit;
using InfusionCenter.Web.Features.Today;
using InfusionCenter.Web.Features.Today.Components;

namespace InfusionCenter.Web.Tests.Components;

/// <summary>bUnit: the Today page's "Bookings to redo" card on its own (no database).</summary>
public sealed class RebookCardTests : IAsyncLifetime
{
    private readonly BunitContext _context = ComponentTestSupport.Create();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    private static RebookDto Item(int i) => new(100 + i, 200 + i, 300 + i, $"Patient{i}, Alex", new DateOnly(2027, 5, 3).AddDays(i),
        "Booked for 3 h 45 min as Shorter (about 2 h); not eligible: severe infusion reaction recorded on 2026-11-23 (dose 3). Needs Standard (about 3.5 h), 5 h 15 min in the chair: lengthen the booking or move it.");

    [Fact]
    public void NothingToRedo_ShowsNoCard()
    {
        var none = _context.Render<RebookCard>(p => p.Add(c => c.List, new RebookList(0, [])));

        none.FindAll("[data-testid=rebook-card]").ShouldBeEmpty();
    }

    [Fact]
    public void MoreThanFive_ListsTheFirstFive_SaysHowManyMore_AndKeepsTheWholeReasonInTheTooltip()
    {
        var card = _context.Render<RebookCard>(p => p.Add(c => c.List, new RebookList(7, [.. Enumerable.Range(0, 5).Select(Item)])));

        card.Find("[data-testid=rebook-count]").TextContent.ShouldBe("7");
        var rows = card.FindAll("[data-testid=rebook-row]");
        rows.Count.ShouldBe(5);
        rows[0].QuerySelector("a.patient-link")!.GetAttribute("href").ShouldBe("patients/300");
        rows[0].QuerySelector(".today-rebook-date")!.TextContent.ShouldBe("Mon 3 May 2027");
        rows[0].QuerySelector(".today-rebook-reason")!.GetAttribute("title")!.ShouldStartWith("Booked for 3 h 45 min");
        card.Find("[data-testid=rebook-more]").TextContent.ShouldBe("and 2 more");
    }
}
