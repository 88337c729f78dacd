using InfusionCenter.Testing;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Patients;
using InfusionCenter.Web.Features.Regimens;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfusionCenter.Browser.Tests.Regimens;

/// <summary>A nurse stops a regimen from the patient page with a reason; its doses not given are cancelled (issue 12).</summary>
[Collection(BrowserCollection.Name)]
public sealed class StopRegimenTests(BrowserFixture browser, LiveAppFixture live) : IClassFixture<LiveAppFixture>
{
    [Fact]
    public async Task StopRegimen_AsksWhy_ThenShowsItStopped_WithItsDosesCancelled()
    {
        int patientId;
        using (var scope = live.App.Services.CreateScope())
        {
            patientId = (await scope.ServiceProvider.GetRequiredService<PatientService>().CreateAsync(new CreatePatientRequest
            {
                Mrn = "STOP0001", GivenName = "Stella", FamilyName = "Stopford", BirthDate = new DateOnly(1979, 4, 2),
            })).Id;
            await scope.ServiceProvider.GetRequiredService<RegimenService>()
                .EnrolAsync(patientId, new EnrolRequest { Protocol = "natalizumab", Start = new DateOnly(2026, 11, 30) });
        }

        var page = await browser.OpenInteractiveAsync(live.App.BaseAddress, $"/patients/{patientId}");
        await page.GetByTestId("stop-regimen").First.ClickAsync();
        await page.GetByTestId("confirm-stop").ClickAsync(); // no reason yet: refused at the field
        await Expect(page.GetByText("Choose why the regimen is stopped.")).ToBeVisibleAsync();

        await page.GetByTestId("stop-reason").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasText = "Adverse event" }).ClickAsync();
        await page.Locator("textarea[data-testid=stop-details], [data-testid=stop-details] textarea").First.FillAsync("Infusion reaction, switching to ocrelizumab");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "stop-regimen-dialog.png") });
        await page.GetByTestId("confirm-stop").ClickAsync();

        await Expect(page.GetByTestId("regimen-stopped")).ToContainTextAsync("Adverse event: Infusion reaction, switching to ocrelizumab");
        await Expect(page.GetByTestId("stop-regimen")).ToHaveCountAsync(0);
        await using (var db = await live.App.CreateDbContextAsync())
        {
            var statuses = await db.Doses.Where(d => d.Regimen!.PatientId == patientId && d.Regimen.Status == RegimenStatus.Stopped).Select(d => d.Status).ToListAsync();
            statuses.ShouldNotBeEmpty();
            statuses.ShouldAllBe(s => s == DoseStatus.Cancelled);
        }
    }
}
