using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using InfusionCenter.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfusionCenter.Browser.Tests.Audit;

/// <summary>Finding 6 on the page: a manager reads who changed what, in clinic time, with names and before → after in words.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AuditTrailBrowserTests(BrowserFixture browser, LiveAppFixture live) : IClassFixture<LiveAppFixture>
{
    /// <summary>A client of the running app's API, signed in as <paramref name="role"/> (the changes to read come from the API).</summary>
    private async Task<HttpClient> ApiAsAsync(string role)
    {
        var http = new HttpClient { BaseAddress = live.App.BaseAddress };
        var (email, password) = InfusionAppFactory.AccountFor(role);
        using var token = await http.PostAsJsonAsync("/api/auth/token", new { email, password });
        token.EnsureSuccessStatusCode();
        var body = await token.Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("accessToken").GetString());
        return http;
    }

    private static async Task<JsonElement> SendAsync(HttpClient http, HttpMethod method, string url, object body)
    {
        using var response = await http.SendAsync(new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) });
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"{method} {url}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task AuditTrail_PatientChangeAndSafetyCheck_ReadAsWords_InClinicTime()
    {
        using var admin = await ApiAsAsync("Admin");
        var mrn = "AU" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var patient = await SendAsync(admin, HttpMethod.Post, "/api/patients",
            new { mrn, givenName = "Marisol", familyName = "Alvarez-Ortega", birthDate = "1981-04-09", heightCm = 170, weightKg = 70 });
        var patientId = patient.GetProperty("id").GetInt32();
        var regimen = await SendAsync(admin, HttpMethod.Post, $"/api/patients/{patientId}/regimens", new { protocol = "natalizumab", start = "2026-11-30" });
        var doseId = regimen.GetProperty("doses")[0].GetProperty("id").GetInt32();
        var chair = await SendAsync(admin, HttpMethod.Post, "/api/chairs", new { name = "Audit chair " + mrn, kind = "recliner" });
        var appointment = await SendAsync(admin, HttpMethod.Post, "/api/appointments",
            new { patientId, chairId = chair.GetProperty("id").GetInt32(), start = "2026-11-30T10:00", minutes = 120, doseId });
        await SendAsync(admin, HttpMethod.Post, $"/api/appointments/{appointment.GetProperty("id").GetInt32()}/checks/touch-authorization", new { });
        await SendAsync(admin, HttpMethod.Put, $"/api/patients/{patientId}/measurements", new { heightCm = 172, weightKg = 70 });

        var page = await browser.OpenInteractiveAsync(live.App.BaseAddress, "/audit", "Manager");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Audit trail");
        await Expect(page.GetByTestId("audit-zone")).ToContainTextAsync("America/New_York");

        // The measurement change: the patient by name, clinic time (09:xx in New York, not 14:xx UTC), before → after in words.
        var changed = page.Locator("tr.audit-row")
            .Filter(new LocatorFilterOptions { Has = page.GetByTestId("audit-entity-name").GetByText($"Patient Marisol Alvarez-Ortega (MRN {mrn})", new LocatorGetByTextOptions { Exact = true }) })
            .Filter(new LocatorFilterOptions { Has = page.GetByTestId("audit-action-chip").GetByText("Changed", new LocatorGetByTextOptions { Exact = true }) });
        await Expect(changed).ToHaveCountAsync(1);
        await Expect(changed.GetByTestId("audit-when")).ToContainTextAsync("2026-11-23 09:");
        await Expect(changed.GetByTestId("audit-user-cell")).ToHaveTextAsync("admin@infusion.test");
        await Expect(changed.GetByTestId("audit-change").First).ToHaveTextAsync("Height (cm): 170 → 172");
        await Expect(changed).Not.ToContainTextAsync("HeightCm");
        await Expect(changed).Not.ToContainTextAsync("{");

        // The filter offers the types recorded, safety checks included; a check's row names its patient.
        await page.Locator(".mud-select").Filter(new LocatorFilterOptions { Has = page.GetByTestId("audit-entity") }).First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText("Safety check", new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        await page.GetByTestId("audit-filter").ClickAsync();
        var check = page.Locator("tr.audit-row").Filter(new LocatorFilterOptions { HasText = $"MRN {mrn}" });
        await Expect(check).ToHaveCountAsync(1);
        await Expect(check.GetByTestId("audit-entity-name")).ToHaveTextAsync("Safety check TOUCH authorization on Mon 2026-11-23");
        await Expect(check.GetByTestId("audit-patient")).ToHaveTextAsync($"Marisol Alvarez-Ortega (MRN {mrn})");
        await Expect(page.Locator("tr.audit-row").Filter(new LocatorFilterOptions { HasNotText = "Safety check" })).ToHaveCountAsync(0);

        // Both widths, the whole trail (clear the filter).
        await page.GetByTestId("audit-clear").ClickAsync();
        await Expect(changed).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "audit-1440.png"), FullPage = true });
        await page.SetViewportSizeAsync(1024, 768);
        await page.WaitForTimeoutAsync(700); // the menu folds away below 1280 px
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "audit-1024.png"), FullPage = true });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "audit-1024-screen.png") });
    }
}
