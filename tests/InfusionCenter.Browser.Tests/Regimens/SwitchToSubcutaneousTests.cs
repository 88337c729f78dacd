using System.Globalization;
using InfusionCenter.Testing;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Patients;
using InfusionCenter.Web.Features.Regimens;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfusionCenter.Browser.Tests.Regimens;

/// <summary>
/// Issue 14 end to end: a nurse switches a patient from IV ocrelizumab to Ocrevus Zunovo (subcutaneous) from the patient
/// page; the first SC dose is due when the next IV dose was; she books it from the due list and the board shows its short
/// visit (30 min premedication + 10 min injection + 60 min observation = 100 min, against 3 h 45 or more for an IV dose).
/// Today is Monday 2026-11-23, 09:30 in New York.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SwitchToSubcutaneousTests(BrowserFixture browser, LiveAppFixture live) : IClassFixture<LiveAppFixture>
{
    /// <summary>IV ocrelizumab from 2025-12-29 with doses 1–3 given on their dates: dose 4 is due 2026-11-30, 24 weeks after dose 3.</summary>
    private async Task<int> PatientOnIvOcrelizumabAsync()
    {
        using var scope = live.App.Services.CreateScope();
        var patientId = (await scope.ServiceProvider.GetRequiredService<PatientService>().CreateAsync(new CreatePatientRequest
        {
            Mrn = "SCSW0001", GivenName = "Sofia", FamilyName = "Subcutis", BirthDate = new DateOnly(1985, 2, 11),
        })).Id;
        var regimens = scope.ServiceProvider.GetRequiredService<RegimenService>();
        var iv = await regimens.EnrolAsync(patientId, new EnrolRequest { Protocol = "ocrelizumab", Start = new DateOnly(2025, 12, 29), Until = new DateOnly(2028, 6, 30) });
        foreach (var (sequence, given) in new[] { (1, new DateOnly(2025, 12, 29)), (2, new DateOnly(2026, 1, 12)), (3, new DateOnly(2026, 6, 15)) })
        {
            await regimens.RecordGivenAsync(iv.Doses.Single(d => d.Sequence == sequence).Id, new GivenRequest(given));
        }

        return patientId;
    }

    /// <summary>Opens another page and waits for its circuit (a click on the prerendered page is lost).</summary>
    private static async Task GoToAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.GetByTestId("interactive").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
    }

    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name), FullPage = true });

    [Fact]
    public async Task Nurse_SwitchesIvOcrelizumabToOcrevusZunovo_BooksTheFirstScDoseFromTheDueList_AndTheBoardShowsAShortVisit()
    {
        var patientId = await PatientOnIvOcrelizumabAsync();
        var page = await browser.OpenInteractiveAsync(live.App.BaseAddress, $"/patients/{patientId}");
        await Expect(page.GetByTestId("dose-option-name").First).ToBeVisibleAsync(); // dose 4 is given the shorter way by default

        // Stop the IV regimen for switching, and pick the new protocol.
        await page.GetByTestId("stop-regimen").ClickAsync();
        await page.GetByTestId("stop-reason").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasText = "Switching therapy" }).ClickAsync();
        await page.GetByTestId("switch-regimen").ClickAsync();
        await Expect(page.GetByTestId("switch-note")).ToContainTextAsync("Switching from Ocrelizumab IV");
        await page.GetByTestId("protocol-picker").ClickAsync();
        await page.GetByTestId("protocol-option").Filter(new LocatorFilterOptions { HasText = "Ocrevus Zunovo" }).ClickAsync();

        // The first SC dose is due when the next IV dose was, and the dialog says so.
        await Expect(page.Locator("input[data-testid=start-date]")).ToHaveValueAsync("2026-11-30");
        await Expect(page.Locator(".start-field .mud-input-helper-text")).ToHaveTextAsync("Due when the next IV dose was: 24 weeks after the last one (2026-06-15)");
        await Expect(page.GetByTestId("preview-date").First).ToHaveTextAsync("2026-11-30");
        await ShotAsync(page, "switch-iv-to-sc-dialog.png");
        await page.GetByTestId("save-regimen").ClickAsync();

        // The IV regimen is stopped; the SC one is there with its first dose, due now, 1 h 40 in the chair.
        var sc = page.GetByTestId("regimen").Filter(new LocatorFilterOptions { HasText = "Ocrevus Zunovo" });
        await Expect(sc).ToHaveCountAsync(1);
        await Expect(sc.GetByTestId("dose-date").First).ToHaveTextAsync("2026-11-30");
        await Expect(sc.GetByTestId("dose-status").First).ToHaveTextAsync("Due");
        await Expect(sc.Locator("tbody tr").First).ToContainTextAsync("chair time 1 h 40");
        await Expect(page.GetByTestId("regimen").Filter(new LocatorFilterOptions { HasText = "Ocrelizumab IV" }).GetByTestId("regimen-stopped"))
            .ToContainTextAsync("Switching therapy");
        await Expect(page.GetByTestId("reaction-history")).ToContainTextAsync("No infusion reactions recorded.");
        await ShotAsync(page, "switch-iv-to-sc-patient.png");

        // Book it from the due list: the best slot.
        await GoToAsync(page, "/worklist");
        var row = page.GetByTestId("worklist").Locator("tr", new LocatorLocatorOptions { HasText = "Subcutis" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("1 h 40");
        await row.GetByTestId("find-slots").ClickAsync();
        await page.GetByTestId("slot").First.GetByTestId("book-slot").ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Booked");

        Appointment booked;
        await using (var db = await live.App.CreateDbContextAsync())
        {
            booked = await db.Appointments.SingleAsync(a => a.PatientId == patientId && a.Status == AppointmentStatus.Booked);
        }

        ((int)(booked.EndsAt - booked.StartsAt).TotalMinutes).ShouldBe(100);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var start = TimeZoneInfo.ConvertTime(booked.StartsAt, zone);
        var end = TimeZoneInfo.ConvertTime(booked.EndsAt, zone);

        // The board of that day: a short block, 100 minutes long.
        await GoToAsync(page, $"/board/{start:yyyy-MM-dd}");
        var block = page.GetByTestId("board-block").Filter(new LocatorFilterOptions { HasText = "Subcutis" });
        await Expect(block).ToHaveCountAsync(1);
        await Expect(block).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex(
            string.Create(CultureInfo.InvariantCulture, $"{start:HH:mm} to {end:HH:mm}, Ocrelizumab SC")));
        await block.HoverAsync();
        await Expect(page.GetByTestId("board-block-tooltip").Filter(new LocatorFilterOptions { HasText = "Subcutis" }))
            .ToContainTextAsync(string.Create(CultureInfo.InvariantCulture, $"{start:HH:mm}–{end:HH:mm} (1 h 40)"));
        await ShotAsync(page, "switch-iv-to-sc-board.png");
    }
}
