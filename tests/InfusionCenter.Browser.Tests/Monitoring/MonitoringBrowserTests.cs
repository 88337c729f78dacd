using InfusionCenter.Browser.Tests.Worklist;
using InfusionCenter.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfusionCenter.Browser.Tests.Monitoring;

[Collection(BrowserCollection.Name)]
public sealed class MonitoringBrowserTests(BrowserFixture browser, LiveAppFixture live) : IClassFixture<LiveAppFixture>
{
    [Fact]
    public async Task Monitoring_OverdueLabsListedFirst_RecordDone_MovesTheNextDue()
    {
        // The demo seed has an alemtuzumab patient whose monthly REMS labs are overdue (today is 2026-11-23).
        var page = await browser.OpenInteractiveAsync(live.App.BaseAddress, "/monitoring");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Monitoring after treatment");
        var labs = page.GetByTestId("monitoring-row").Filter(new LocatorFilterOptions { HasText = "Monthly labs" });
        await Expect(labs).ToHaveCountAsync(1);
        await Expect(labs.GetByTestId("monitoring-next")).ToContainTextAsync("Overdue");
        await Expect(labs).ToContainTextAsync("Monthly labs · every month"); // the interval in words, not "1 Months"
        await Expect(page.GetByTestId("monitoring-row").First).ToContainTextAsync("Overdue");
        await Expect(page.GetByTestId("monitoring-summary")).ToContainTextAsync("due within 14 days");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "monitoring.png"), FullPage = true });

        await labs.GetByTestId("monitoring-record").ClickAsync();
        await page.GetByTestId("monitoring-note").FillAsync("CBC, creatinine, urinalysis normal");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "monitoring-dialog.png") });
        await page.GetByTestId("monitoring-save").ClickAsync();

        await Expect(labs.GetByTestId("monitoring-last")).ToContainTextAsync("2026-11-23");
        await Expect(labs.GetByTestId("monitoring-next")).ToContainTextAsync("2026-12-23");
        await Expect(labs.GetByTestId("monitoring-next")).ToContainTextAsync("Upcoming");

        // The patient's page shows the same next step.
        await labs.Locator("a.patient-link").ClickAsync();
        await Expect(page.GetByTestId("patient-monitoring")).ToContainTextAsync("Monthly labs: next due 2026-12-23");
    }

    [Fact]
    public async Task Monitoring_DateAfterToday_IsRefusedAtTheField()
    {
        var page = await browser.OpenInteractiveAsync(live.App.BaseAddress, "/monitoring");
        var first = page.GetByTestId("monitoring-row").First;
        await first.GetByTestId("monitoring-record").ClickAsync();
        var date = page.GetByTestId("monitoring-date");
        var input = await date.EvaluateAsync<bool>("e => e.tagName === 'INPUT'") ? date : date.Locator("input");
        await input.FillAsync("2026-12-01");
        await input.PressAsync("Tab");
        await page.GetByTestId("monitoring-save").ClickAsync();

        await Expect(page.Locator(".mud-dialog")).ToContainTextAsync("The date must be between 2000-01-01 and today (2026-11-23).");
        await Expect(page.Locator(".mud-dialog")).ToBeVisibleAsync(); // not closed, nothing recorded
    }

    [Theory]
    [InlineData(1440)]
    [InlineData(1024)]
    [InlineData(784)] // the content width of 1024 px with the menu docked
    public async Task Monitoring_ReadsWell(int width)
    {
        var page = await browser.OpenInteractiveAsync(live.App.BaseAddress, "/monitoring");
        await page.SetViewportSizeAsync(width, 900);
        await Expect(page.GetByTestId("monitoring-row").First).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(300);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"monitoring-{width}.png"), FullPage = true });

        await TableLayout.ShouldReadWellAsync(page, page.GetByTestId("monitoring").Locator("table").First, width, "monitoring-status", "monitoring-record");
    }
}
