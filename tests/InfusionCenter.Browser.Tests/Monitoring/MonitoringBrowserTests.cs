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
        await Expect(labs.GetByTestId("monitoring-next")).ToContainTextAsync("overdue");
        await Expect(page.GetByTestId("monitoring-row").First).ToContainTextAsync("overdue");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "monitoring.png"), FullPage = true });

        await labs.GetByTestId("monitoring-record").ClickAsync();
        await page.GetByTestId("monitoring-note").FillAsync("CBC, creatinine, urinalysis normal");
        await page.GetByTestId("monitoring-save").ClickAsync();

        await Expect(labs.GetByTestId("monitoring-last")).ToContainTextAsync("2026-11-23");
        await Expect(labs.GetByTestId("monitoring-next")).ToContainTextAsync("2026-12-23");
        await Expect(labs.GetByTestId("monitoring-next")).ToContainTextAsync("upcoming");

        // The patient's page shows the same next step.
        await labs.Locator("a.patient-link").ClickAsync();
        await Expect(page.GetByTestId("patient-monitoring")).ToContainTextAsync("Monthly labs: next due 2026-12-23");
    }
}
