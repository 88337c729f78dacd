using InfusionCenter.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfusionCenter.Browser.Tests.Booking;

/// <summary>
/// Issue 12, "Faults": an appointment moved to an earlier day than today is refused, and the dialog says why under the
/// day field (fixed clock: Monday 2026-11-23, 09:30 in New York).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MoveBrowserTests(BrowserFixture browser, LiveAppFixture live) : IClassFixture<LiveAppFixture>
{
    [Fact]
    public async Task Board_MoveToLastFriday_TheDayFieldSaysBookingsStartTodayOrLater()
    {
        var (patient, regimen) = await BookingData.EnrolOnNatalizumabAsync(live, "MRN-MOVE-1", "Paula", "Mover", new DateOnly(2026, 11, 24));
        await BookingData.BookFirstDoseAsync(live, patient, regimen, new DateTime(2026, 11, 24, 11, 0, 0), 60);
        var page = await browser.OpenInteractiveAsync(live.App.BaseAddress, "/board/2026-11-24");
        await page.GetByTestId("board-block").Filter(new LocatorFilterOptions { HasText = patient.FullName }).ClickAsync();

        var day = page.Locator(".move-date input");
        await day.FillAsync("2026-11-20");
        await day.PressAsync("Tab");
        await page.GetByTestId("move").ClickAsync();

        await Expect(page.Locator(".move-date")).ToContainTextAsync("A booking must start today or later (today is 2026-11-23).");
        await Expect(page.GetByTestId("appointment-dialog")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "move-before-today.png") });
    }
}
