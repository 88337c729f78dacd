using InfusionCenter.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfusionCenter.Browser.Tests.Platform;

/// <summary>The framework's reconnect dialog (Layout/ReconnectModal): shown while the server is away, gone once it is back.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReconnectTests(BrowserFixture browser)
{
    [Fact]
    public async Task ServerStopsAndReturns_ReconnectDialogShows_ThenThePageIsLiveAgain()
    {
        var database = await SharedPostgres.CreateDatabaseAsync("reconnect");
        var first = new InfusionAppFactory(database, realPort: true, now: LiveAppFixture.Monday);
        var address = first.BaseAddress;
        var page = await browser.OpenInteractiveAsync(address, "/patients");
        var dialog = page.GetByTestId("reconnect-modal");
        await Expect(dialog).ToBeHiddenAsync();

        await first.DisposeAsync(); // the server goes away

        await Expect(dialog).ToHaveAttributeAsync("open", "", new LocatorAssertionsToHaveAttributeOptions { Timeout = 30_000 }); // shown as a modal
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Connection to the server lost|Still no connection"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "reconnecting.png") });

        // The server returns on the same address and database. It does not know the old session, so the page reloads
        // itself (the sign-in cookie still holds) and is live again.
        await using var second = new InfusionAppFactory(database, realPort: true, now: LiveAppFixture.Monday, port: address.Port);
        await Expect(dialog).ToBeHiddenAsync(new LocatorAssertionsToBeHiddenOptions { Timeout = 60_000 });
        await page.GetByTestId("interactive").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        await Expect(page.Locator("h1")).ToHaveTextAsync("Patients");
    }
}
