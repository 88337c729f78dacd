using InfusionCenter.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfusionCenter.Browser.Tests.Shell;

[Collection(BrowserCollection.Name)]
public sealed class ShellTests(BrowserFixture browser, LiveAppFixture live) : IClassFixture<LiveAppFixture>
{
    [Fact]
    public async Task Shell_HomeShowsTodayWithRealData_AndSideMenuNavigatesToPatients()
    {
        var page = await browser.OpenInteractiveAsync(live.App.BaseAddress);

        await Expect(page.Locator("h1")).ToHaveTextAsync("Today");
        var appointments = page.GetByTestId("appointments-today");
        (await appointments.InnerTextAsync()).ShouldContain("on 12 chairs");
        // Today's patients in time order, one row per appointment counted above, each with its checklist state.
        var count = int.Parse(await appointments.Locator(".stat-value").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        count.ShouldBeGreaterThan(0, "the demo seed books today");
        await Expect(page.GetByTestId("today-row")).ToHaveCountAsync(count);
        await Expect(page.GetByTestId("today-checks").Filter(new LocatorFilterOptions { HasTextRegex = new System.Text.RegularExpressions.Regex("to confirm|ready") }).First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("monitoring-overdue").Locator(".stat-value")).ToHaveTextAsync("1"); // the demo alemtuzumab patient's REMS labs
        (await page.GetByTestId("signed-in-user").InnerTextAsync()).ShouldNotBeNullOrWhiteSpace();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "home.png"), FullPage = true });

        await page.Locator("[data-testid=side-menu] .mud-nav-link", new PageLocatorOptions { HasText = "Patients" }).ClickAsync();

        await page.WaitForURLAsync("**/patients");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Patients");
        await Expect(page.GetByTestId("patient-row")).ToHaveCountAsync(15); // first page of the seeded patients

        await page.GetByTestId("patient-search").FillAsync("MRN100101");
        await Expect(page.GetByTestId("patient-row")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("patients-table")).ToContainTextAsync("MRN100101");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "patients.png"), FullPage = true });
    }

    [Fact]
    public async Task HeaderSearch_NameInEitherOrder_ListsThePatient_AndOpensTheirPage()
    {
        var page = await browser.OpenInteractiveAsync(live.App.BaseAddress, "/board");
        var box = page.GetByTestId("header-search").Locator("input");

        await box.ClickAsync();
        await box.PressSequentiallyAsync("maria alvarez", new LocatorPressSequentiallyOptions { Delay = 40 }); // the demo's "Alvarez, Maria", given name first
        var result = page.GetByTestId("header-search-result").Filter(new LocatorFilterOptions { HasText = "Alvarez, Maria" });
        await Expect(result).ToBeVisibleAsync();
        await Expect(result).ToContainTextAsync("MRN100101");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "header-search.png") });
        await result.ClickAsync();

        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/patients/[0-9]+$"));
        await Expect(page.GetByTestId("patient-name")).ToHaveTextAsync("Alvarez, Maria");
    }

    [Fact]
    public async Task Shell_BoardShowsEveryChairForTheDay()
    {
        var page = await browser.OpenInteractiveAsync(live.App.BaseAddress, "/board");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Chair board");
        var dayBefore = await page.GetByTestId("board-day").InnerTextAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Next day" }).ClickAsync();
        await page.WaitForFunctionAsync("d => document.querySelector('[data-testid=board-day]').innerText !== d", dayBefore);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Today" }).ClickAsync();
        await page.WaitForFunctionAsync("d => document.querySelector('[data-testid=board-day]').innerText === d", dayBefore);
        dayBefore.ShouldBe("Monday, 23 November 2026");
        (await page.GetByTestId("board-chair").CountAsync()).ShouldBe(12);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "board.png"), FullPage = true });
    }
}
