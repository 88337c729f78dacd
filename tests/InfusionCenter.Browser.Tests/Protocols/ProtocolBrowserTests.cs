using InfusionCenter.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfusionCenter.Browser.Tests.Protocols;

/// <summary>
/// The protocol list and editor as nurses and admins see them: every choice in words (issue 11, finding 5), at a desk
/// (1440 px) and on a tablet (1024 px).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProtocolBrowserTests(BrowserFixture browser, LiveAppFixture live) : IClassFixture<LiveAppFixture>
{
    private static readonly string[] Identifiers =
    [
        "BeforeFirstDose", "BeforeEachDose", "AfterTreatment", "FirstDose", "PreviousDose", "PreviousCourseStart", "PreviousCourseEnd",
        "PreviousPeriodEnd", "PreviousPeriodStart", "BodySurfaceArea", "Nearest", "privateRoom",
    ];

    [Fact]
    public async Task Protocols_NurseReadsEveryProtocolInWords()
    {
        var page = await browser.OpenInteractiveAsync(live.App.BaseAddress, "/protocols", "Nurse");

        await Expect(page.GetByTestId("protocol-card")).ToHaveCountAsync(8);
        var ocrelizumab = page.GetByTestId("protocol-card").Filter(new LocatorFilterOptions { HasText = "ocrelizumab ·" });
        await Expect(ocrelizumab).ToContainTextAsync("every 24 weeks, counted from the first dose");
        await Expect(ocrelizumab.GetByTestId("protocol-gates")).ToContainTextAsync("Hepatitis B virus screening");
        await Expect(ocrelizumab.GetByTestId("protocol-gates")).ToContainTextAsync("Before the first dose");
        await Expect(page.GetByTestId("edit-protocol")).ToHaveCountAsync(0);
        await ShouldShowNoIdentifiersAsync(page);

        await ShootAsync(page, "protocols", 1440, 2400);
        await ShootAsync(page, "protocols", 1024, 2400);
    }

    [Fact]
    public async Task ProtocolEditor_AdminSeesEveryChoiceInWords_AtBothWidths()
    {
        var page = await browser.OpenInteractiveAsync(live.App.BaseAddress, "/protocols/alemtuzumab/edit", "Admin");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Edit alemtuzumab");
        await Expect(page.GetByTestId("editor-preview-date").First).ToBeVisibleAsync();
        await ShouldShowNoIdentifiersAsync(page);

        // The "When" list of a safety check offers words only.
        await page.GetByTestId("gate-editor").First.Locator(".mud-select").First.ClickAsync();
        var options = page.Locator(".mud-popover-open .mud-list-item");
        await Expect(options).ToHaveCountAsync(4);
        (await options.AllInnerTextsAsync()).Select(t => t.Trim()).ShouldBe(
            ["Before the first dose", "Before each dose", "Regularly during treatment", "After treatment (monitoring)"]);
        await page.Keyboard.PressAsync("Escape");

        await ShootAsync(page, "protocol-editor-courses", 1440, 2600);
        await ShootAsync(page, "protocol-editor-courses", 1024, 3200);

        await page.GotoAsync("/protocols/ocrelizumab/edit");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Edit ocrelizumab");
        await page.GetByTestId("interactive").WaitForAsync();
        await ShouldShowNoIdentifiersAsync(page);
        await ShootAsync(page, "protocol-editor-doses", 1440, 2600);
        await ShootAsync(page, "protocol-editor-doses", 1024, 3400);
    }

    /// <summary>Neither the text on the page nor the value of any field holds an enum identifier.</summary>
    private static async Task ShouldShowNoIdentifiersAsync(IPage page)
    {
        var text = await page.Locator("body").InnerTextAsync();
        var values = string.Join("\n", await page.Locator("input, textarea").EvaluateAllAsync<string[]>("els => els.map(e => e.value)"));
        foreach (var identifier in Identifiers)
        {
            text.ShouldNotContain(identifier, Case.Sensitive);
            values.ShouldNotContain(identifier, Case.Sensitive);
        }
    }

    private static async Task ShootAsync(IPage page, string name, int width, int height)
    {
        await page.SetViewportSizeAsync(width, height);
        await page.EvaluateAsync("() => document.querySelectorAll('*').forEach(e => { if (e.scrollTop) { e.scrollTop = 0; } })");
        await page.WaitForTimeoutAsync(400);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"{name}-{width}.png") });
    }
}
