using InfusionCenter.Testing;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Booking;
using InfusionCenter.Web.Features.Patients;
using InfusionCenter.Web.Features.Regimens;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfusionCenter.Browser.Tests.Patients;

/// <summary>
/// The patients list and the patient page at a tablet's 1024 px and a desktop's 1440 px (issue 11, findings 1 and 3).
/// The clinic's today is Monday 2026-11-23 (<see cref="LiveAppFixture.Monday"/>).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PatientPageTests(BrowserFixture browser, LiveAppFixture live) : IClassFixture<LiveAppFixture>
{
    private static string Shot(string name) => Path.Combine(BrowserFixture.ScreenshotDirectory, name);

    private async Task<PatientDto> NewPatientOnNatalizumabAsync(string mrn, string given, string family, DateOnly start)
    {
        using var scope = live.App.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<PatientService>().CreateAsync(new CreatePatientRequest
        {
            Mrn = mrn, GivenName = given, FamilyName = family, BirthDate = new DateOnly(1981, 5, 9), HeightCm = 171, WeightKg = 66,
        });
        await scope.ServiceProvider.GetRequiredService<RegimenService>().EnrolAsync(created.Id, new EnrolRequest { Protocol = "natalizumab", Start = start });
        return created;
    }

    /// <summary>True when nothing in the dose table needs a sideways scroll: the table fits its container and every status and button lies inside it.</summary>
    private const string DoseTableFits = """
        root => {
            const box = root.querySelector('.mud-table-container');
            const edge = box.getBoundingClientRect().right + 1;
            const cells = [...root.querySelectorAll('[data-testid=dose-status], [data-testid=record-given], [data-testid=record-missed]')];
            return box.scrollWidth <= box.clientWidth && cells.length > 0 && cells.every(c => c.getBoundingClientRect().right <= edge)
                && document.documentElement.scrollWidth <= document.documentElement.clientWidth;
        }
        """;

    [Fact]
    public async Task RegimenTable_At1440AndAt1024_ShowsEveryColumn_GivenAndMissedWithoutScrollingSideways()
    {
        // Natalizumab from four weeks ago: dose 1 is overdue, dose 2 due today.
        var patient = await NewPatientOnNatalizumabAsync("MRN-WIDTH-1", "Wanda", "Widthson", new DateOnly(2026, 10, 26));
        var page = await browser.OpenInteractiveAsync(live.App.BaseAddress, $"/patients/{patient.Id}");
        await Expect(page.GetByTestId("patient-name")).ToHaveTextAsync("Widthson, Wanda");
        var statuses = page.GetByTestId("dose-status");
        await Expect(statuses.Nth(0)).ToHaveTextAsync("Overdue");

        await page.GetByTestId("record-given").First.ClickAsync();
        await page.GetByTestId("confirm-given").ClickAsync();
        await Expect(statuses.Nth(0)).ToHaveTextAsync("Given 2026-10-26");
        await page.GetByTestId("record-missed").First.ClickAsync(); // dose 2, now due
        await Expect(statuses.Nth(1)).ToHaveTextAsync("Missed · overdue");

        // 1440 px with the menu open, then a 1024 px tablet with and without the menu.
        var table = page.GetByTestId("dose-table");
        (await table.EvaluateAsync<bool>(DoseTableFits)).ShouldBeTrue("at 1440 px the dose table must not scroll sideways");
        await FullPageShotAsync(page, "patient-page-1440.png");
        await page.SetViewportSizeAsync(1024, 768);
        (await table.EvaluateAsync<bool>(DoseTableFits)).ShouldBeTrue("at 1024 px the dose table must not scroll sideways");
        await statuses.Nth(1).ScrollIntoViewIfNeededAsync();
        await Expect(statuses.Nth(0)).ToBeInViewportAsync();
        await Expect(statuses.Nth(1)).ToBeInViewportAsync();
        await Expect(page.GetByTestId("record-given").First).ToBeInViewportAsync(); // dose 2 can still be given, on screen
        await FullPageShotAsync(page, "patient-page-1024.png");

        // The menu opens over the page on a tablet: the table keeps its width.
        await page.GetByLabel("Show or hide the menu").ClickAsync();
        await Expect(page.Locator(".mud-drawer--open")).ToBeVisibleAsync();
        (await table.EvaluateAsync<bool>(DoseTableFits)).ShouldBeTrue("at 1024 px with the menu open the dose table must not scroll sideways");
    }

    private static async Task FullPageShotAsync(IPage page, string name)
    {
        await page.EvaluateAsync("() => window.scrollTo(0, 0)"); // the app bar is fixed: shoot from the top
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot(name), FullPage = true });
    }

    [Fact]
    public async Task EditDetails_FromThePatientPage_RenamesThePatient_RefusesATakenMrn_AndTheAppointmentsShowWhenAndWhere()
    {
        var patient = await NewPatientOnNatalizumabAsync("MRN-EDIT-1", "Rena", "Editt", new DateOnly(2026, 11, 30));
        string chairName;
        await using (var db = await live.App.CreateDbContextAsync())
        {
            var chair = new Chair { Name = "Patient page chair", Kind = ChairKind.Recliner, SortOrder = 99 };
            db.Chairs.Add(chair);
            await db.SaveChangesAsync();
            chairName = chair.Name;
            // Last Monday's infusion, completed (the API books only from now on).
            db.Appointments.Add(new Appointment
            {
                PatientId = patient.Id, ChairId = chair.Id, StartsAt = new DateTime(2026, 11, 16, 14, 0, 0, DateTimeKind.Utc),
                EndsAt = new DateTime(2026, 11, 16, 16, 0, 0, DateTimeKind.Utc), Status = AppointmentStatus.Completed, ProtocolCode = "natalizumab",
                BookedAt = new DateTime(2026, 11, 2, 14, 0, 0, DateTimeKind.Utc),
            });
            await db.SaveChangesAsync();
            var doseId = await db.Doses.Where(d => d.Regimen!.PatientId == patient.Id && d.Sequence == 1).Select(d => d.Id).SingleAsync();
            using var scope = live.App.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<AppointmentService>().BookAsync(
                new BookAppointmentRequest { PatientId = patient.Id, ChairId = chair.Id, Start = "2026-11-30T10:00", DoseId = doseId }, "nurse@infusion.test");
        }

        var page = await browser.OpenInteractiveAsync(live.App.BaseAddress, $"/patients/{patient.Id}");

        // When and where: the booked dose and the appointment list say it; last week's visit is listed apart.
        var upcoming = page.GetByTestId("upcoming-appointment");
        await Expect(upcoming).ToHaveCountAsync(1);
        await Expect(upcoming).ToContainTextAsync("Mon 2026-11-30");
        await Expect(upcoming).ToContainTextAsync("10:00–12:00");
        await Expect(upcoming).ToContainTextAsync(chairName);
        await Expect(upcoming.GetByTestId("appointment-status")).ToHaveTextAsync("Booked");
        await Expect(page.GetByTestId("past-appointment")).ToContainTextAsync("Mon 2026-11-16");
        await Expect(page.GetByTestId("past-appointment").GetByTestId("appointment-status")).ToHaveTextAsync("Completed");
        await Expect(page.GetByTestId("dose-appointment").First).ToHaveTextAsync($"Mon 2026-11-30 10:00 · {chairName}");

        // Edit: a bad email is refused at its field, an MRN another patient has is refused in words, then the rename is saved.
        await page.GetByTestId("edit-patient").ClickAsync();
        await page.GetByTestId("given-name").FillAsync("Renata");
        await page.GetByTestId("email").FillAsync("renata-at-example");
        await page.GetByTestId("save-patient").ClickAsync();
        await Expect(page.GetByText("Enter an email address like name@example.org.")).ToBeVisibleAsync();
        await page.GetByTestId("email").FillAsync("renata@example.org");
        await page.GetByTestId("phone").FillAsync("+1 212 555 0100");
        await page.GetByTestId("mrn").FillAsync("MRN100101");
        await page.GetByTestId("save-patient").ClickAsync();
        await Expect(page.GetByTestId("form-error")).ToHaveTextAsync("Another patient already has MRN MRN100101.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("patient-edit-1440.png") });
        await page.GetByTestId("mrn").FillAsync("MRN-EDIT-1");
        await page.GetByTestId("save-patient").ClickAsync();

        await Expect(page.GetByTestId("patient-name")).ToHaveTextAsync("Editt, Renata");
        await Expect(page.GetByTestId("patient-phone")).ToHaveTextAsync("+1 212 555 0100");
        await Expect(page.GetByTestId("patient-email")).ToHaveTextAsync("renata@example.org");
        await page.SetViewportSizeAsync(1024, 768);
        await FullPageShotAsync(page, "patient-appointments-1024.png");
        await using (var db = await live.App.CreateDbContextAsync())
        {
            var stored = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == patient.Id);
            stored.GivenName.ShouldBe("Renata");
            stored.Mrn.ShouldBe("MRN-EDIT-1");
            stored.Email.ShouldBe("renata@example.org");
            (await db.AuditEntries.CountAsync(a => a.EntityType == "Patient" && a.EntityId == patient.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.Action == "Updated"))
                .ShouldBe(1);
        }
    }

    [Fact]
    public async Task PatientsList_At1440And1024_ReadsWell_AndOpensAPatient()
    {
        var page = await browser.OpenInteractiveAsync(live.App.BaseAddress, "/patients");
        await Expect(page.GetByTestId("patient-row")).ToHaveCountAsync(15);
        await FullPageShotAsync(page, "patients-1440.png");

        await page.SetViewportSizeAsync(1024, 768);
        (await page.GetByTestId("patients-table").Locator(".mud-table-container").EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth")).ShouldBeTrue();
        await FullPageShotAsync(page, "patients-1024.png");

        await page.GetByTestId("patient-search").FillAsync("nakamura");
        await Expect(page.GetByTestId("patient-row")).ToHaveCountAsync(1);
        await page.GetByTestId("patient-row").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/patients/[0-9]+$"));
        await Expect(page.GetByTestId("patient-name")).ToContainTextAsync("Nakamura");
    }
}
