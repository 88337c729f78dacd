using InfusionCenter.Browser.Tests.Booking;
using InfusionCenter.Testing;
using InfusionCenter.Web.Features.SafetyChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfusionCenter.Browser.Tests.Board;

/// <summary>Issue 11, finding 2: a printable day list (chairs × time, patient, drug, dose, chair, checks still open).</summary>
[Collection(BrowserCollection.Name)]
public sealed class DayListTests(BrowserFixture browser, LiveAppFixture live) : IClassFixture<LiveAppFixture>
{
    private const string LongName = "Quinlan-Featherstonehaugh, Henrietta Maximiliana";

    [Fact]
    public async Task Board_PrintDayList_ListsChairsByTime_WithFullNamesAndOpenChecks_AndPrintsWithoutNavigation()
    {
        // Two patients on Tuesday 1 December 2026: the first at 09:00 (chair 1), the second at 09:30 (so on the next free chair).
        var (first, firstRegimen) = await BookingData.EnrolOnNatalizumabAsync(live, "MRN-PRINT-1", "Henrietta Maximiliana", "Quinlan-Featherstonehaugh", new DateOnly(2026, 12, 1));
        var (second, secondRegimen) = await BookingData.EnrolOnNatalizumabAsync(live, "MRN-PRINT-2", "Bo", "Ng", new DateOnly(2026, 12, 1));
        var early = await BookingData.BookFirstDoseAsync(live, first, firstRegimen, new DateTime(2026, 12, 1, 9, 0, 0), 120);
        var late = await BookingData.BookFirstDoseAsync(live, second, secondRegimen, new DateTime(2026, 12, 1, 9, 30, 0), 120);
        late.ChairId.ShouldNotBe(early.ChairId);

        // One of the first patient's checks is confirmed already: only the others are still open.
        string confirmed;
        IReadOnlyList<string> stillOpen;
        using (var scope = live.App.Services.CreateScope())
        {
            var checks = scope.ServiceProvider.GetRequiredService<SafetyCheckService>();
            var all = await checks.ForAppointmentAsync(early.Id);
            confirmed = all.First(c => c.Blocking).Label;
            var after = await checks.ConfirmAsync(early.Id, all.First(c => c.Blocking).Code, null);
            stillOpen = after.Where(c => !c.Confirmed).Select(c => c.Label).ToList();
        }

        stillOpen.ShouldNotBeEmpty();

        var page = await browser.OpenInteractiveAsync(live.App.BaseAddress, "/board/2026-12-01");
        await page.GetByTestId("print-day-list").ClickAsync();
        await page.WaitForURLAsync("**/board/print?day=2026-12-01");
        await Expect(page.Locator("h1")).ToContainTextAsync("Tuesday 1 December 2026");

        // Chair by chair, then by time: the full name and MRN, the drug, dose and amount, and the checks still open.
        var chairs = page.GetByTestId("day-list-chair");
        await Expect(chairs).ToHaveCountAsync(2);
        await Expect(chairs.Nth(0)).ToContainTextAsync(early.ChairName);
        await Expect(chairs.Nth(1)).ToContainTextAsync(late.ChairName);
        var row = chairs.Nth(0).GetByTestId("day-list-row");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("09:00–11:00");
        await Expect(row.GetByTestId("day-list-name")).ToHaveTextAsync(LongName);
        await Expect(row).ToContainTextAsync("MRN MRN-PRINT-1");
        await Expect(row).ToContainTextAsync("Natalizumab");
        await Expect(row).ToContainTextAsync("dose 1");
        await Expect(row).ToContainTextAsync("300 mg");
        foreach (var label in stillOpen)
        {
            await Expect(row.GetByTestId("day-list-checks")).ToContainTextAsync(label);
        }

        await Expect(row.GetByTestId("day-list-checks")).Not.ToContainTextAsync(confirmed);
        await Expect(chairs.Nth(1).GetByTestId("day-list-row")).ToContainTextAsync("Ng, Bo");
        await Screens.ShootAsync(page, "day-list");

        // Printed: no app bar, no menu, no buttons; the names are whole.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Expect(page.Locator(".mud-drawer")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("print")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("back-to-board")).ToBeHiddenAsync();
        await Expect(row.GetByTestId("day-list-name")).ToBeVisibleAsync();
        (await page.GetByTestId("day-list-name").EvaluateAllAsync<bool>("els => els.every(e => e.scrollWidth <= e.clientWidth + 1)"))
            .ShouldBeTrue("no name is cut off in print");
        var colours = await page.GetByTestId("day-list").EvaluateAsync<string[]>("e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]");
        colours.ShouldBe(["rgb(0, 0, 0)", "rgb(255, 255, 255)"]);
        var left = await page.GetByTestId("day-list").EvaluateAsync<double>("e => e.getBoundingClientRect().left");
        left.ShouldBeLessThan(40, "the list starts at the page margin, not after the (hidden) menu");
        await Screens.ShootAsync(page, "day-list-print");
    }

    [Fact]
    public async Task Today_PrintDayList_ListsEveryAppointmentOfToday()
    {
        var today = await browser.OpenInteractiveAsync(live.App.BaseAddress, "/");
        await Expect(today.GetByTestId("today-row").First).ToBeVisibleAsync();
        var count = await today.GetByTestId("today-row").CountAsync();
        count.ShouldBeGreaterThan(0, "the demo seed books today");

        await today.GetByTestId("print-day-list").ClickAsync();
        await today.WaitForURLAsync("**/board/print?day=2026-11-23");
        await Expect(today.GetByTestId("day-list-row")).ToHaveCountAsync(count);
        await Screens.ShootAsync(today, "day-list-today");
    }
}
