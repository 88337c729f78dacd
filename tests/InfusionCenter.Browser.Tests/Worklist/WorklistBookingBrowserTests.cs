using InfusionCenter.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfusionCenter.Browser.Tests.Worklist;

/// <summary>Booking a due dose from its slot dialog, on a database of its own (it books a demo dose).</summary>
[Collection(BrowserCollection.Name)]
public sealed class WorklistBookingBrowserTests(BrowserFixture browser, LiveAppFixture live) : IClassFixture<LiveAppFixture>
{
    [Fact]
    public async Task SlotsDialog_CourseDose_ShowsTheFollowingDaysInWords_AndBooksOnTablet()
    {
        var page = await browser.OpenInteractiveAsync(live.App.BaseAddress, "/worklist");
        await page.SetViewportSizeAsync(1024, 900);
        // The demo's alemtuzumab patient: a 3-day course, on one chair and time three days running.
        var row = page.GetByTestId("worklist").Locator("tr", new LocatorLocatorOptions { HasText = "Alemtuzumab" });
        await row.GetByTestId("find-slots").ClickAsync();
        var slot = page.GetByTestId("slot").First;
        await Expect(slot).ToContainTextAsync("+ 2 days");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "worklist-slots-1024.png") });

        await slot.GetByTestId("book-slot").ClickAsync();

        await Expect(page.GetByTestId("slots")).ToHaveCountAsync(0); // the dialog closed
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Booked");
        await Expect(page.GetByTestId("worklist").Locator("tr", new LocatorLocatorOptions { HasText = "Alemtuzumab" })).ToHaveCountAsync(0);
    }

}

/// <summary>Auto-booking the due list, on a database of its own (it books every demo dose it can).</summary>
[Collection(BrowserCollection.Name)]
public sealed class WorklistAutoBookBrowserTests(BrowserFixture browser, LiveAppFixture live) : IClassFixture<LiveAppFixture>
{
    [Fact]
    public async Task AutoBook_AsksFirst_ThenBooksTheList_AndSaysWhatItDid()
    {
        var page = await browser.OpenInteractiveAsync(live.App.BaseAddress, "/worklist");
        var rows = page.GetByTestId("worklist").Locator("tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();

        // Cancel keeps everything as it was.
        await page.GetByTestId("auto-book").ClickAsync();
        var confirm = page.Locator(".mud-dialog");
        await Expect(confirm).ToContainTextAsync("in their best slots (overdue first)?");
        await confirm.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Cancel" }).ClickAsync();
        await Expect(confirm).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("find-slots").First).ToBeVisibleAsync();

        await page.GetByTestId("auto-book").ClickAsync();
        await confirm.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Book all" }).ClickAsync();

        // Every demo dose finds a slot (the snackbar says so), or the page lists what could not be booked.
        var done = page.Locator(".mud-snackbar").Or(page.GetByTestId("auto-book-result"));
        await Expect(done.First).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Booked [0-9]+ doses?"), new LocatorAssertionsToContainTextOptions { Timeout = 60_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "worklist-auto-booked.png"), FullPage = true });
        if (await page.GetByTestId("auto-book-result").CountAsync() == 0)
        {
            await Expect(page.GetByTestId("worklist-empty")).ToBeVisibleAsync();
        }
    }
}
