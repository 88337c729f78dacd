using InfusionCenter.Browser.Tests.Booking;
using InfusionCenter.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfusionCenter.Browser.Tests.Board;

/// <summary>The board read on a tablet on a cart (1024 px) and on a desk screen (1440 px).</summary>
[Collection(BrowserCollection.Name)]
public sealed class BoardLayoutTests(BrowserFixture browser, LiveAppFixture live) : IClassFixture<LiveAppFixture>
{
    [Fact]
    public async Task ShortAppointment_At1024px_ShowsThePatientsName_AndATooltipWithTheFullFacts()
    {
        // Issue 11, finding 7: a 45-minute appointment was unreadable on the board at 1024 px.
        var (patient, regimen) = await BookingData.EnrolOnNatalizumabAsync(live, "MRN-SHORT-1", "Henrietta", "Quinlan-Featherstone", new DateOnly(2026, 11, 24));
        await BookingData.BookFirstDoseAsync(live, patient, regimen, new DateTime(2026, 11, 24, 10, 0, 0), 45);

        var page = await browser.OpenInteractiveAsync(live.App.BaseAddress, "/board/2026-11-24");
        await page.SetViewportSizeAsync(1024, 768);
        var block = page.GetByTestId("board-block").Filter(new LocatorFilterOptions { HasText = "Quinlan" });
        await Expect(block).ToHaveCountAsync(1);
        await block.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "board-short-1024.png"), FullPage = true });

        // The name is on screen: its line is inside the block and shows a readable stretch of text (not clipped to nothing).
        var name = block.GetByTestId("board-block-name");
        await Expect(name).ToContainTextAsync("Quinlan-Featherstone");
        var nameBox = (await name.BoundingBoxAsync())!;
        var blockBox = (await block.BoundingBoxAsync())!;
        nameBox.Width.ShouldBeGreaterThanOrEqualTo(40f, "at least a few letters of the name are visible");
        (nameBox.Y + nameBox.Height).ShouldBeLessThanOrEqualTo(blockBox.Y + blockBox.Height + 0.5f, "the name line is not cut off at the bottom");
        var visibleText = await name.EvaluateAsync<double>("e => Math.min(e.scrollWidth, e.clientWidth)");
        visibleText.ShouldBeGreaterThan(0);

        // Hover (or keyboard focus) tells the full facts: name, time, drug and status.
        await block.HoverAsync();
        var tooltip = page.GetByTestId("board-block-tooltip").Filter(new LocatorFilterOptions { HasText = "Quinlan-Featherstone, Henrietta" });
        await Expect(tooltip).ToBeVisibleAsync();
        await Expect(tooltip).ToContainTextAsync("10:00–10:45");
        await Expect(tooltip).ToContainTextAsync("Natalizumab");
        await Expect(tooltip).ToContainTextAsync("Booked");
        await page.WaitForTimeoutAsync(400); // the tooltip fades in
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "board-short-tooltip-1024.png") });
    }
}
