using InfusionCenter.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfusionCenter.Browser.Tests.Board;

/// <summary>Today, the board and the appointment dialog on the demo day, at 1440 and 1024 px (screenshots to judge).</summary>
[Collection(BrowserCollection.Name)]
public sealed class BoardScreensTests(BrowserFixture browser, LiveAppFixture live) : IClassFixture<LiveAppFixture>
{
    [Fact]
    public async Task TodayBoardAndAppointmentDialog_ReadWellAt1440And1024()
    {
        var page = await browser.OpenInteractiveAsync(live.App.BaseAddress, "/");
        await Expect(page.GetByTestId("today-row").First).ToBeVisibleAsync();
        await Screens.ShootAsync(page, "today");
        foreach (var width in Screens.Widths)
        {
            await page.SetViewportSizeAsync(width, 900);
            (await Screens.FitsTheWindowAsync(page)).ShouldBeTrue($"Today fits {width} px");
            (await page.GetByTestId("today-list").Locator("th").EvaluateAllAsync<bool>("els => els.every(e => e.scrollWidth <= e.clientWidth + 1)"))
                .ShouldBeTrue($"no column header of today's list is cut off at {width} px");
        }

        await page.SetViewportSizeAsync(1440, 900);
        await page.GotoAsync("/board");
        await page.GetByTestId("interactive").WaitForAsync();
        await Expect(page.GetByTestId("board-block").First).ToBeVisibleAsync();
        await Screens.ShootAsync(page, "board");
        foreach (var width in Screens.Widths)
        {
            await page.SetViewportSizeAsync(width, 900);
            (await Screens.FitsTheWindowAsync(page)).ShouldBeTrue($"the board fits {width} px");
        }

        // Keyboard: Tab to an appointment and open it with Enter.
        await page.SetViewportSizeAsync(1440, 900);
        var block = page.GetByTestId("board-block").First;
        await block.FocusAsync();
        await block.PressAsync("Enter");
        await Expect(page.GetByTestId("appointment-dialog")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("check-in").Or(page.GetByTestId("complete")).First).ToBeVisibleAsync();
        await Screens.ShootAsync(page, "appointment-dialog");
    }
}
