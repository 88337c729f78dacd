using InfusionCenter.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfusionCenter.Browser.Tests.Admin;

/// <summary>The admin page on MudBlazor: field messages at their fields (finding 8), each tab at 1440 and 1024 px.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminBrowserTests(BrowserFixture browser, LiveAppFixture live) : IClassFixture<LiveAppFixture>
{
    /// <summary>The message MudBlazor shows under the field holding <paramref name="testId"/> (the field's own helper line).</summary>
    private static ILocator FieldMessage(IPage page, string testId) =>
        page.Locator(".mud-input-control").Filter(new LocatorFilterOptions { Has = page.GetByTestId(testId) }).Locator(".mud-input-helper-text");

    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name), FullPage = true });

    private static async Task ShotBothWidthsAsync(IPage page, string name)
    {
        await page.SetViewportSizeAsync(1440, 900);
        await ShotAsync(page, $"{name}-1440.png");
        await page.SetViewportSizeAsync(1024, 768);
        await page.WaitForTimeoutAsync(700); // the menu folds away below 1280 px: let it finish moving
        await ShotAsync(page, $"{name}-1024.png");
        await page.SetViewportSizeAsync(1440, 900);
    }

    [Fact]
    public async Task AccountForm_InvalidEmailWeakPasswordNoRole_MessagesStayAtTheirFields_ThenCreates()
    {
        var page = await browser.OpenInteractiveAsync(live.App.BaseAddress, "/admin?tab=accounts", "Admin");
        await Expect(page.GetByTestId("account-form")).ToBeVisibleAsync();

        await page.GetByTestId("new-user-email").FillAsync("not-an-email");
        await page.GetByTestId("new-user-password").FillAsync("weak");
        await page.GetByTestId("create-account").ClickAsync();

        await Expect(FieldMessage(page, "new-user-email")).ToHaveTextAsync("Enter a valid email address, such as name@clinic.org.");
        await Expect(FieldMessage(page, "new-user-password")).ToContainTextAsync("Too weak: use at least 10 characters");
        await Expect(FieldMessage(page, "new-user-role")).ToHaveTextAsync("Choose a role: Nurse, Coordinator, Manager or Admin.");

        // Unlike a toast, the messages stay until the fields are corrected.
        await page.WaitForTimeoutAsync(6000);
        await Expect(FieldMessage(page, "new-user-email")).ToBeVisibleAsync();
        await Expect(FieldMessage(page, "new-user-password")).ToBeVisibleAsync();
        await Expect(FieldMessage(page, "new-user-role")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("users")).ToContainTextAsync("nurse@infusion.test");
        await ShotBothWidthsAsync(page, "admin-accounts-errors");

        // A refusal only the server knows (the email is taken) lands at its field too.
        await page.GetByTestId("new-user-email").FillAsync("nurse@infusion.test");
        await page.GetByTestId("new-user-password").FillAsync("Welcome#2026!");
        await ChooseAsync(page, "new-user-role", "Nurse");
        await page.GetByTestId("create-account").ClickAsync();
        await Expect(FieldMessage(page, "new-user-email")).ToHaveTextAsync("An account for nurse@infusion.test already exists.");
        await Expect(FieldMessage(page, "new-user-role")).ToHaveTextAsync("What they may see and do.");

        // Corrected: created, listed, and the toast is for the success only.
        await page.GetByTestId("new-user-email").FillAsync("dana.whitfield@infusion.test");
        await page.GetByTestId("new-user-name").FillAsync("Dana Whitfield");
        await page.GetByTestId("create-account").ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Account created for dana.whitfield@infusion.test");
        var row = page.Locator("tr.user-row").Filter(new LocatorFilterOptions { HasText = "dana.whitfield@infusion.test" });
        await Expect(row).ToContainTextAsync("Dana Whitfield");
        await Expect(row.GetByTestId("user-status")).ToHaveTextAsync("Active");
        await Expect(page.GetByTestId("new-user-email")).ToHaveValueAsync("");
    }

    [Fact]
    public async Task Tabs_ClosedDayChairAndHours_RefusalsAtTheirFields_EachTabAt1440And1024()
    {
        var page = await browser.OpenInteractiveAsync(live.App.BaseAddress, "/admin", "Admin");
        await Expect(page.GetByTestId("clinic-name")).ToHaveValueAsync("Riverside MS Infusion Center");
        await ShotBothWidthsAsync(page, "admin-clinic");

        // The time zone is picked from the IANA names by typing part of one (nothing is saved here).
        await page.GetByTestId("clinic-zone").FillAsync("chicago");
        await Expect(page.Locator(".mud-popover-open .mud-list-item").First).ToHaveTextAsync("America/Chicago");
        await page.GetByTestId("clinic-zone").PressAsync("Escape");

        // Opening hours: closing before opening is refused on that day's row, before anything is saved.
        await OpenTabAsync(page, "Opening hours");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin\\?tab=hours$"));
        var monday = page.GetByTestId("hours-row").First;
        await Expect(monday).ToContainTextAsync("Monday");
        var closes = monday.GetByTestId("hours-closes");
        await closes.FillAsync("06:00");
        await closes.PressAsync("Tab");
        await Expect(monday.Locator(".mud-input-helper-text")).ToHaveTextAsync("Closing must be after opening (07:00).");
        await ShotBothWidthsAsync(page, "admin-hours");

        // Closed days: a missing reason is refused at the field; then the day is listed.
        await OpenTabAsync(page, "Closed days");
        await page.GetByTestId("closure-date").FillAsync("2026-12-24");
        await page.GetByTestId("closure-date").PressAsync("Tab");
        await page.GetByTestId("add-closure").ClickAsync();
        await Expect(FieldMessage(page, "closure-reason")).ToHaveTextAsync("Give a reason (e.g. Thanksgiving, staff training).");
        await page.GetByTestId("closure-reason").FillAsync("Christmas Eve");
        await page.GetByTestId("add-closure").ClickAsync();
        await Expect(page.GetByTestId("closures")).ToContainTextAsync("Thu 2026-12-24");
        await Expect(page.GetByTestId("closures")).ToContainTextAsync("Christmas Eve");
        await ShotBothWidthsAsync(page, "admin-closures");

        // Staffing: counts read "1 nurse", not "1 nurses".
        await OpenTabAsync(page, "Staffing");
        await page.GetByTestId("staffing-date").FillAsync("2026-12-28");
        await page.GetByTestId("staffing-date").PressAsync("Tab");
        await page.GetByTestId("staffing-nurses").FillAsync("1");
        await page.GetByTestId("set-staffing").ClickAsync();
        await Expect(page.GetByTestId("staffing-row").Filter(new LocatorFilterOptions { HasText = "2026-12-28" })).ToContainTextAsync("1 nurse");
        await Expect(page.GetByTestId("staffing")).Not.ToContainTextAsync("1 nurses");
        await ShotBothWidthsAsync(page, "admin-staffing");

        // Chairs: the kind reads as words, the list shows the new chair.
        await OpenTabAsync(page, "Chairs");
        await page.GetByTestId("add-chair").ClickAsync();
        await Expect(FieldMessage(page, "chair-name")).ToHaveTextAsync("Give the chair a name (e.g. Chair 12).");
        await page.GetByTestId("chair-name").FillAsync("Quiet room 2");
        await ChooseAsync(page, "chair-kind", "Private room");
        await page.GetByTestId("add-chair").ClickAsync();
        var chair = page.Locator("tr.chair-row").Filter(new LocatorFilterOptions { HasText = "Quiet room 2" });
        await Expect(chair).ToContainTextAsync("Private room");
        await Expect(chair).ToContainTextAsync("In service");
        await Expect(page.GetByTestId("chairs")).Not.ToContainTextAsync("PrivateRoom");
        await ShotBothWidthsAsync(page, "admin-chairs");

        await OpenTabAsync(page, "Accounts");
        await Expect(page.GetByTestId("users")).ToContainTextAsync("admin@infusion.test");
        await ShotBothWidthsAsync(page, "admin-accounts");
    }

    /// <summary>
    /// Opens a tab and waits until it is the selected one. On a loaded 2-core machine a click can be lost while Blazor
    /// re-renders; choosing a tab again is harmless, so the click is repeated a few times.
    /// </summary>
    private static async Task OpenTabAsync(IPage page, string name)
    {
        var tab = page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = name });
        for (var attempt = 1; ; attempt++)
        {
            await tab.ClickAsync();
            try
            {
                await Expect(tab).ToHaveAttributeAsync("aria-selected", "true", new LocatorAssertionsToHaveAttributeOptions { Timeout = 5_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 4)
            {
            }
        }
    }

    /// <summary>Opens a MudSelect by its test id and picks the option with exactly <paramref name="text"/> (or starting with it).</summary>
    private static async Task ChooseAsync(IPage page, string testId, string text)
    {
        await page.Locator(".mud-select").Filter(new LocatorFilterOptions { Has = page.GetByTestId(testId) }).First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{text}") }).First.ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }
}
