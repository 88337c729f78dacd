using Bunit;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Board.Components;
using InfusionCenter.Web.Features.Booking;

namespace InfusionCenter.Web.Tests.Components;

/// <summary>bUnit: one appointment block of the chair board, on its own (no database).</summary>
public sealed class BoardBlockTests : IAsyncLifetime
{
    private const string Reason = "Booked for 3 h 45 min as Shorter (about 2 h); not eligible: severe infusion reaction recorded on 2026-11-23 (dose 3). "
        + "Needs Standard (about 3.5 h), 5 h 15 min in the chair: lengthen the booking or move it.";

    private readonly BunitContext _context = ComponentTestSupport.Create();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    private static AppointmentDto Ocrelizumab(string? optionName, string? rebookReason, int minutes = 225)
    {
        var start = new DateTimeOffset(2027, 5, 3, 9, 0, 0, TimeSpan.FromHours(-4));
        return new AppointmentDto(41, 7, "Reacted, Alex", "T123", 3, "Chair 3", start, start.AddMinutes(minutes), minutes, AppointmentStatus.Booked, null,
            99, 4, "maintenance", 600, "mg", "ocrelizumab", "Ocrelizumab IV", null, "nurse@infusion.test", start.AddMonths(-2), null, null, null,
            Option: optionName is null ? null : "standard", OptionName: optionName, RebookReason: rebookReason);
    }

    /// <summary>The block, and the popover host its tooltip shows in.</summary>
    private (IRenderedComponent<BoardBlock> Block, IRenderedComponent<MudBlazor.MudPopoverProvider> Popovers) Render(AppointmentDto appointment)
    {
        var popovers = _context.Render<MudBlazor.MudPopoverProvider>();
        var block = _context.Render<BoardBlock>(p => p
            .Add(b => b.Appointment, appointment)
            .Add(b => b.StartMinute, 60).Add(b => b.EndMinute, 60 + appointment.Minutes).Add(b => b.DayMinutes, 660));
        return (block, popovers);
    }

    /// <summary>Points at the block and waits for its tooltip.</summary>
    private static AngleSharp.Dom.IElement Tooltip(IRenderedComponent<BoardBlock> block, IRenderedComponent<MudBlazor.MudPopoverProvider> popovers)
    {
        block.Find(".board-slot").PointerEnter();
        popovers.WaitForAssertion(() => popovers.Find("[data-testid=board-block-tooltip]"), TimeSpan.FromSeconds(5));
        return popovers.Find("[data-testid=board-block-tooltip]");
    }

    [Fact]
    public void BookingToRedo_ShowsAWarningIcon_AndTheReasonInItsTooltipAndAccessibleName()
    {
        var (block, popovers) = Render(Ocrelizumab("Standard (about 3.5 h)", Reason));

        block.Find("[data-testid=board-block-rebook]").QuerySelector("svg").ShouldNotBeNull();
        var element = block.Find("[data-testid=board-block]");
        element.TextContent.ShouldContain("600 mg · Standard");
        element.QuerySelector(".board-status")!.TextContent.ShouldBe("Booked · re-book");
        element.GetAttribute("aria-label")!.ShouldContain($"re-book: {Reason}");
        var tooltip = Tooltip(block, popovers);
        tooltip.QuerySelector("[data-testid=board-block-rebook-reason]")!.TextContent.ShouldBe($"Re-book: {Reason}");
        tooltip.TextContent.ShouldContain("600 mg · Standard (about 3.5 h)");
    }

    [Fact]
    public void BookingThatFits_ShowsItsWayOfGiving_WithoutAWarning()
    {
        var (block, popovers) = Render(Ocrelizumab("Shorter (about 2 h) — no prior serious infusion reaction", null));

        block.FindAll("[data-testid=board-block-rebook]").ShouldBeEmpty();
        block.Find("[data-testid=board-block]").TextContent.ShouldContain("600 mg · Shorter");
        block.Find(".board-status").TextContent.ShouldBe("Booked");
        var tooltip = Tooltip(block, popovers);
        tooltip.TextContent.ShouldContain("600 mg · Shorter (about 2 h)");
        tooltip.TextContent.ShouldNotContain("no prior serious"); // the explanation is for choosing, not for the board
        tooltip.QuerySelector("[data-testid=board-block-rebook-reason]").ShouldBeNull();
    }
}
