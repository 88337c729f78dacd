using InfusionCenter.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfusionCenter.Browser.Tests.Booking;

[Collection(BrowserCollection.Name)]
public sealed class BookingTests(BrowserFixture browser, LiveAppFixture live) : IClassFixture<LiveAppFixture>
{
    /// <summary>A new patient on natalizumab from <paramref name="start"/>; returns the name as the board shows it.</summary>
    private async Task<string> EnrolOnNatalizumabAsync(string mrn, string given, string family, DateOnly start) =>
        (await BookingData.EnrolOnNatalizumabAsync(live, mrn, given, family, start)).Patient.FullName;

    [Fact]
    public async Task Worklist_BookDueDose_AppearsOnThisBoard_AndLiveOnAnotherOpenBoard()
    {
        // A patient starting natalizumab today (fixed clock: Monday 2026-11-23, 09:30 in New York).
        var patient = await EnrolOnNatalizumabAsync("MRN-BOOK-1", "Tessa", "Booker", new DateOnly(2026, 11, 23));

        // Nurse B has today's board open.
        var boardB = await browser.OpenInteractiveAsync(live.App.BaseAddress, "/board/2026-11-23");
        await Expect(boardB.GetByTestId("board-chair")).ToHaveCountAsync(12);
        await Expect(boardB.GetByTestId("board-block").Filter(new LocatorFilterOptions { HasText = patient })).ToHaveCountAsync(0);

        // Nurse A books the due dose from the worklist with one click on the best slot.
        var worklist = await browser.OpenInteractiveAsync(live.App.BaseAddress, "/worklist");
        var rows = worklist.Locator("tr", new PageLocatorOptions { HasText = patient });
        await Expect(rows).ToHaveCountAsync(2); // dose 1 today, dose 2's window opens within 4 weeks
        var row = rows.Filter(new LocatorFilterOptions { HasText = "dose 1 " });
        await row.GetByTestId("find-slots").ClickAsync();
        await Expect(worklist.GetByTestId("slot").First).ToBeVisibleAsync();
        var slotText = await worklist.GetByTestId("slot").First.InnerTextAsync();
        slotText.ShouldContain("2026-11-23"); // the target is today and chairs are free
        await worklist.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "slots.png") });
        await worklist.GetByTestId("book-slot").First.ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);

        // B's board shows it without a reload (PostgreSQL NOTIFY -> BoardEvents -> the open circuit).
        var block = boardB.GetByTestId("board-block").Filter(new LocatorFilterOptions { HasText = patient });
        await Expect(block).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 5000 });
        await Expect(block).ToContainTextAsync("natalizumab");
        await boardB.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "board-live.png"), FullPage = true });

        // Open the appointment, check the patient in; B sees the status change too.
        await block.ClickAsync();
        await boardB.GetByTestId("check-in").ClickAsync();
        await Expect(boardB.GetByTestId("appointment-status")).ToContainTextAsync("Checked in");

        // The infusion cannot start before the blocking pre-infusion checks (natalizumab: TOUCH) are confirmed.
        await Expect(boardB.GetByTestId("checks-missing")).ToContainTextAsync("2 blocking checks");
        await boardB.GetByTestId("in-chair").ClickAsync();
        await Expect(boardB.GetByTestId("appointment-error")).ToContainTextAsync("Confirm the pre-infusion checks first");
        var confirm = boardB.GetByTestId("confirm-check");
        for (var left = await confirm.CountAsync(); left > 0; left--)
        {
            await confirm.First.ClickAsync();
            await Expect(confirm).ToHaveCountAsync(left - 1);
        }

        await Expect(boardB.GetByTestId("check-confirmed")).ToHaveCountAsync(3);
        await Expect(boardB.GetByTestId("checks-missing")).ToHaveCountAsync(0);
        await boardB.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "appointment-checks.png") });
        await boardB.GetByTestId("in-chair").ClickAsync();
        await Expect(boardB.GetByTestId("appointment-status")).ToContainTextAsync("In chair");

        // A mis-click is undone the same day; then the infusion is completed with its lot (the dose recorded as given).
        await boardB.GetByTestId("undo").ClickAsync();
        await Expect(boardB.GetByTestId("appointment-status")).ToContainTextAsync("Checked in");
        await boardB.GetByTestId("in-chair").ClickAsync();
        await Expect(boardB.GetByTestId("appointment-status")).ToContainTextAsync("In chair");
        await boardB.GetByTestId("complete").ClickAsync();
        await boardB.Locator("input[data-testid=lot], [data-testid=lot] input").First.FillAsync("NAT-2231");
        await boardB.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "complete-dialog.png") });
        await boardB.GetByTestId("confirm-complete").ClickAsync();
        await Expect(boardB.GetByTestId("appointment-status")).ToContainTextAsync("Completed");
        await Expect(boardB.GetByTestId("completion")).ToContainTextAsync("lot NAT-2231");
        await Expect(boardB.GetByTestId("completion")).ToContainTextAsync("no infusion reaction");
    }

    [Fact]
    public async Task Board_ClickAFreeStretch_BookADueDoseThatFits_ManagerSeesNoStretches()
    {
        // A patient whose natalizumab dose is due on Wednesday 2026-11-25.
        var patient = await EnrolOnNatalizumabAsync("MRN-GAP-1", "Gail", "Filler", new DateOnly(2026, 11, 25));

        var board = await browser.OpenInteractiveAsync(live.App.BaseAddress, "/board/2026-11-25");
        var wide = board.GetByTestId("board-gap").Filter(new LocatorFilterOptions { HasText = "free" });
        await Expect(wide.First).ToBeVisibleAsync();
        // Keyboard users reach a free stretch with Tab and open it with Enter.
        await wide.First.FocusAsync();
        await wide.First.PressAsync("Enter");
        var fit = board.GetByTestId("gap-fit").Filter(new LocatorFilterOptions { HasText = patient });
        await Expect(fit).ToHaveCountAsync(1);
        await Expect(fit).ToContainTextAsync("Natalizumab");
        await board.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "board-fill-gap.png") });
        await fit.GetByTestId("gap-book").ClickAsync();

        var block = board.GetByTestId("board-block").Filter(new LocatorFilterOptions { HasText = patient });
        await Expect(block).ToHaveCountAsync(1);
        await Expect(block).ToContainTextAsync("natalizumab");

        // Managers read the board but book nothing: no free stretches to click.
        var manager = await browser.OpenInteractiveAsync(live.App.BaseAddress, "/board/2026-11-25", "Manager");
        await Expect(manager.GetByTestId("board-block").Filter(new LocatorFilterOptions { HasText = patient })).ToHaveCountAsync(1);
        await Expect(manager.GetByTestId("board-gap")).ToHaveCountAsync(0);
    }
}
