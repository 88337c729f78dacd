using InfusionCenter.Browser.Tests.Booking;
using InfusionCenter.Domain.Readiness;
using InfusionCenter.Testing;
using InfusionCenter.Web.Features.Readiness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfusionCenter.Browser.Tests.Readiness;

/// <summary>
/// Issue 13's journeys ("today" Monday 2026-11-23): a coordinator clears a patient from the intake list (insurance
/// verified, authorization entered, order signed) and a nurse then books the dose; the day-before check shows a dose whose
/// drug has not arrived until it is marked received. This class has its own database: it makes signed orders required.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReadinessBrowserTests(BrowserFixture browser, LiveAppFixture live) : IClassFixture<LiveAppFixture>
{
    private static ILocator Field(IPage page, string testId) => page.Locator($"[data-testid={testId}] input, input[data-testid={testId}], textarea[data-testid={testId}]").First;

    private static async Task FillDateAsync(IPage page, string testId, string value)
    {
        var input = Field(page, testId);
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }

    [Fact]
    public async Task Coordinator_ClearsAPatientFromIntake_ThenTheNurseBooksTheDose()
    {
        using (var scope = live.App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReadinessService>().SaveRulesAsync(new ReadinessRulesRequest { OrderRequired = true });
        }

        var (patient, _) = await BookingData.EnrolOnNatalizumabAsync(live, "MRN-INTAKE-1", "Ines", "Intake", new DateOnly(2026, 11, 30));
        var page = await browser.OpenInteractiveAsync(live.App.BaseAddress, "/readiness", "Coordinator");
        await Field(page, "intake-filter").FillAsync("Intake");
        var row = page.GetByTestId("intake").Locator("tbody tr", new LocatorLocatorOptions { HasText = patient.FullName });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByTestId("missing-item")).ToHaveCountAsync(3); // no insurance, no authorization, no signed order
        await Expect(row.Locator("[data-code=order-missing]")).ToContainTextAsync("Blocks booking");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "intake.png"), FullPage = true });

        // Insurance, verified today.
        await row.GetByTestId("action-add-coverage").ClickAsync();
        await Field(page, "coverage-payer").FillAsync("Aetna");
        await Field(page, "coverage-member-id").FillAsync("W123456789");
        await FillDateAsync(page, "coverage-verified-on", "2026-11-23");
        await page.GetByTestId("save-coverage").ClickAsync();
        await Expect(row.GetByTestId("missing-item")).ToHaveCountAsync(2);

        // The payer's approval for the year.
        await row.GetByTestId("action-authorization").ClickAsync();
        await page.GetByTestId("authorization-status").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasText = "Approved" }).First.ClickAsync();
        await Field(page, "authorization-number").FillAsync("PA-55120");
        await FillDateAsync(page, "authorization-approved-from", "2026-11-23");
        await FillDateAsync(page, "authorization-approved-to", "2027-11-22");
        await page.GetByTestId("save-authorization").ClickAsync();
        await Expect(row.GetByTestId("missing-item")).ToHaveCountAsync(1);

        // The prescriber's signed order: the patient leaves the list.
        await row.GetByTestId("action-order").ClickAsync();
        await Field(page, "order-signed-by").FillAsync("Dr. Helen Park");
        await FillDateAsync(page, "order-signed-on", "2026-11-20");
        await FillDateAsync(page, "order-valid-until", "2027-11-19");
        await page.GetByTestId("save-order").ClickAsync();
        await Expect(row).ToHaveCountAsync(0);

        // The nurse books the dose from the due list: ready on the slot offered.
        var worklist = await browser.OpenInteractiveAsync(live.App.BaseAddress, "/worklist");
        var due = worklist.Locator("tr", new PageLocatorOptions { HasText = patient.FullName }).Filter(new LocatorFilterOptions { HasText = "dose 1 " });
        await Expect(due.GetByTestId("readiness-chip")).ToHaveCountAsync(0);
        await due.GetByTestId("find-slots").ClickAsync();
        await Expect(worklist.GetByTestId("slot-readiness").First).ToHaveTextAsync("Ready");
        await worklist.GetByTestId("book-slot").First.ClickAsync();
        await Expect(due).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task DayBeforeCheck_ShowsTheDoseWhoseDrugHasNotArrived_UntilMarkedReceived()
    {
        var (patient, regimen) = await BookingData.EnrolOnNatalizumabAsync(live, "MRN-DRUG-1", "Dora", "Delivery", new DateOnly(2026, 11, 24));
        await BookingData.BookFirstDoseAsync(live, patient, regimen, new DateTime(2026, 11, 24, 13, 0, 0), 120);
        using (var scope = live.App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReadinessRecordService>().SetDrugAsync(regimen.Doses[0].Id,
                new DrugSupplyRequest { Source = DrugSource.SpecialtyPharmacy, Status = DrugSupplyState.Shipped, ExpectedArrival = new DateOnly(2026, 11, 24) });
        }

        // Today's page counts it for the next open day (Tuesday); the check opens on that day.
        var page = await browser.OpenInteractiveAsync(live.App.BaseAddress, "/", "Coordinator");
        await Expect(page.GetByTestId("next-day-not-ready")).ToContainTextAsync("Tue 24 Nov");
        await page.GetByTestId("next-day-not-ready").Locator("a").ClickAsync();
        var row = page.GetByTestId("day-check").Locator("tbody tr", new LocatorLocatorOptions { HasText = patient.FullName });
        await Expect(row).ToContainTextAsync("The drug from the specialty pharmacy has not been received (shipped).");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "day-before-check.png"), FullPage = true });

        // The printable list names it too.
        var print = await browser.OpenInteractiveAsync(live.App.BaseAddress, "/readiness/print?date=2026-11-24", "Coordinator");
        await Expect(print.GetByTestId("day-check-print-row").Filter(new LocatorFilterOptions { HasText = patient.FullName })).ToContainTextAsync("has not been received");
        await print.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await print.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "day-before-check-print.png"), FullPage = true });

        // The bag arrives: one click, and the appointment leaves the check.
        await row.GetByTestId("action-drug-received").ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
    }
}
