using InfusionCenter.Testing;
using InfusionCenter.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfusionCenter.Browser.Tests.Regimens;

[Collection(BrowserCollection.Name)]
public sealed class EnrolmentTests(BrowserFixture browser, LiveAppFixture live) : IClassFixture<LiveAppFixture>
{
    [Fact]
    public async Task Enrol_OnOcrelizumab_PreviewShowsLabelCalendar_SaveShowsItOnPatientPage()
    {
        int patientId;
        await using (var db = await live.App.CreateDbContextAsync())
        {
            patientId = await db.Patients.Where(p => p.Mrn == "MRN100130").Select(p => p.Id).SingleAsync();
        }

        var page = await browser.OpenInteractiveAsync(live.App.BaseAddress, $"/patients/{patientId}");
        await Expect(page.GetByTestId("patient-name")).ToHaveTextAsync("Delgado, Victor");

        await page.GetByTestId("enrol").ClickAsync();
        await page.GetByTestId("protocol-picker").ClickAsync();
        await page.GetByTestId("protocol-option").Filter(new LocatorFilterOptions { HasText = "Ocrelizumab" }).First.ClickAsync();

        // The clinic's today (fixed clock): Monday 23 Nov 2026 is the default start.
        var dates = page.GetByTestId("preview-date");
        await Expect(dates.Nth(0)).ToHaveTextAsync("2026-11-23");
        await Expect(dates.Nth(1)).ToHaveTextAsync("2026-12-07");
        await Expect(dates.Nth(2)).ToHaveTextAsync("2027-05-10"); // 24 weeks after infusion 1
        await Expect(page.GetByTestId("preview-amount").Nth(0)).ToHaveTextAsync("300 mg");
        await Expect(page.GetByTestId("preview-amount").Nth(2)).ToHaveTextAsync("600 mg");
        await Expect(page.GetByTestId("enrol-gate").First).ToContainTextAsync("Hepatitis B");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "enrol-preview-1440.png") });
        await page.SetViewportSizeAsync(1024, 768);
        await Expect(page.GetByTestId("preview-date").Nth(0)).ToBeInViewportAsync();
        await Expect(page.GetByTestId("save-regimen")).ToBeInViewportAsync(); // the dialog's buttons stay on a tablet's screen
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "enrol-preview-1024.png") });
        await page.SetViewportSizeAsync(1440, 900);

        await page.GetByTestId("save-regimen").ClickAsync();

        await Expect(page.GetByTestId("regimen")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("regimen")).ToContainTextAsync("Ocrelizumab");
        await Expect(page.GetByTestId("dose-date").Nth(2)).ToHaveTextAsync("2027-05-10");
        await Expect(page.GetByTestId("dose-status").Nth(0)).ToHaveTextAsync("Due");

        // Record infusion 1 as given today; the calendar stays on its label dates.
        await page.GetByTestId("record-given").First.ClickAsync();
        await page.GetByTestId("confirm-given").ClickAsync();
        await Expect(page.GetByTestId("dose-status").Nth(0)).ToHaveTextAsync("Given 2026-11-23");
        await Expect(page.GetByTestId("dose-date").Nth(2)).ToHaveTextAsync("2027-05-10");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "patient-regimen.png"), FullPage = true });

        await using (var db = await live.App.CreateDbContextAsync())
        {
            var doses = await db.Doses.Where(d => d.Regimen!.PatientId == patientId).OrderBy(d => d.Sequence).ToListAsync();
            doses.Count.ShouldBeGreaterThanOrEqualTo(5);
            doses[0].Status.ShouldBe(DoseStatus.Given);
            doses[1].TargetDate.ShouldBe(new DateOnly(2026, 12, 7));
        }
    }

    [Fact]
    public async Task SchedulingPreferences_SetInTheDialog_ShowOnThePatientPage_AndAreStored()
    {
        int patientId;
        await using (var db = await live.App.CreateDbContextAsync())
        {
            patientId = await db.Patients.Where(p => p.Mrn == "MRN100131").Select(p => p.Id).SingleAsync();
        }

        var page = await browser.OpenInteractiveAsync(live.App.BaseAddress, $"/patients/{patientId}");
        await Expect(page.GetByTestId("preferences")).ToHaveTextAsync("any day, any time");

        await page.GetByTestId("edit-preferences").ClickAsync();
        await page.GetByText("Mornings (start before 12:00)").ClickAsync();
        await page.GetByTestId("preferred-weekdays").GetByText("Thursday").ClickAsync();
        await page.GetByTestId("preferred-weekdays").GetByText("Tuesday").ClickAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "patient-preferences.png") });
        await page.GetByTestId("save-preferences").ClickAsync();

        await Expect(page.GetByTestId("preferences")).ToHaveTextAsync("mornings · Tue, Thu");
        await using (var db = await live.App.CreateDbContextAsync())
        {
            var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == patientId);
            patient.PreferredTime.ShouldBe(Domain.Scheduling.TimePreference.Morning);
            patient.PreferredWeekdays.ShouldBe([DayOfWeek.Tuesday, DayOfWeek.Thursday]);
        }
    }
}
