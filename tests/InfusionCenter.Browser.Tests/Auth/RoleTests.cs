using InfusionCenter.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfusionCenter.Browser.Tests.Auth;

[Collection(BrowserCollection.Name)]
public sealed class RoleTests(BrowserFixture browser, LiveAppFixture live) : IClassFixture<LiveAppFixture>
{
    private static readonly string[] Everyone = ["Today", "Board", "Due doses", "Patients", "Monitoring", "Protocols"];

    [Theory]
    [InlineData("Nurse", new string[0], new[] { "Capacity", "Admin", "Audit trail" })]
    [InlineData("Manager", new[] { "Capacity", "Audit trail" }, new[] { "Admin" })]
    [InlineData("Admin", new[] { "Capacity", "Admin", "Audit trail" }, new string[0])]
    public async Task SignIn_EachRole_SeesOnlyWhatItMayReach(string role, string[] extra, string[] hidden)
    {
        var page = await browser.OpenInteractiveAsync(live.App.BaseAddress, "/", role);
        await Expect(page.GetByTestId("signed-in-role")).ToHaveTextAsync(role);
        var menu = page.Locator("[data-testid=side-menu] .mud-nav-link");
        foreach (var item in Everyone.Concat(extra))
        {
            await Expect(menu.Filter(new LocatorFilterOptions { HasText = item })).Not.ToHaveCountAsync(0);
        }

        foreach (var item in hidden)
        {
            await Expect(menu.Filter(new LocatorFilterOptions { HasText = item })).ToHaveCountAsync(0);
        }

        // Typing the address of a page the role may not reach shows "Not allowed", never the page.
        if (hidden.Contains("Admin"))
        {
            await page.GotoAsync("/admin");
            await Expect(page.Locator("h1")).ToHaveTextAsync("Not allowed");
        }

        if (hidden.Contains("Audit trail"))
        {
            await page.GotoAsync("/audit");
            await Expect(page.Locator("h1")).ToHaveTextAsync("Not allowed");
        }

        // Managers read patients but cannot change them.
        if (role == "Manager")
        {
            await page.GotoAsync("/patients");
            await Expect(page.GetByTestId("patient-row").First).ToBeVisibleAsync();
            await Expect(page.GetByTestId("new-patient")).ToHaveCountAsync(0);
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"role-{role.ToLowerInvariant()}.png") });
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn_AndWrongPasswordSaysSo()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = live.App.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/board");
        await page.WaitForURLAsync("**/signin**");
        await page.GetByTestId("email").FillAsync("nurse@infusion.test");
        await page.GetByTestId("password").FillAsync("wrong-password");
        await page.GetByTestId("signin").ClickAsync();
        await Expect(page.GetByTestId("signin-error")).ToHaveTextAsync("Wrong email or password.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "signin.png") });
    }

    [Fact]
    public async Task Admin_EditsProtocolInterval_PreviewChanges_SaveListsNewVersion()
    {
        var page = await browser.OpenInteractiveAsync(live.App.BaseAddress, "/protocols/natalizumab/edit", "Admin");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Edit natalizumab");
        var dates = page.GetByTestId("editor-preview-date");
        var first = await dates.Nth(0).InnerTextAsync();
        var second = DateOnly.Parse(await dates.Nth(1).InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        (second.DayNumber - DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture).DayNumber).ShouldBe(28);

        // Every 4 weeks -> every 6 weeks: the live preview follows.
        var interval = page.GetByTestId("maintenance-interval").Locator("input");
        await interval.FillAsync("6");
        await interval.PressAsync("Tab");
        var expected = DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture).AddDays(42).ToString("yyyy-MM-dd");
        await Expect(dates.Nth(1)).ToHaveTextAsync(expected);

        // An invalid value is refused next to the field, and saving is disabled.
        await interval.FillAsync("0");
        await interval.PressAsync("Tab");
        await Expect(page.GetByTestId("field-error").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("save-protocol")).ToBeDisabledAsync();
        await interval.FillAsync("6");
        await interval.PressAsync("Tab");
        // Wait for the circuit to have taken the valid value (preview and button) before saving: a click on the button
        // while it is still disabled from the invalid value would be lost.
        await Expect(dates.Nth(1)).ToHaveTextAsync(expected);
        await Expect(page.GetByTestId("save-protocol")).ToBeEnabledAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "protocol-editor.png"), FullPage = true });

        await BrowserFixture.ClickUntilNavigatedAsync(page, page.GetByTestId("save-protocol"),
            new System.Text.RegularExpressions.Regex("/protocols$"), page.GetByTestId("save-error"));
        var card = page.GetByTestId("protocol-card").Filter(new LocatorFilterOptions { HasText = "natalizumab ·" });
        await Expect(card.GetByTestId("protocol-version")).ToContainTextAsync("version 2");
        await Expect(card).ToContainTextAsync("every 6 weeks");
    }
}
