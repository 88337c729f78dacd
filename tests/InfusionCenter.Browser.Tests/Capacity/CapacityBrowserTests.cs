using System.Globalization;
using System.Text.Json;
using InfusionCenter.Testing;
using InfusionCenter.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InfusionCenter.Browser.Tests.Capacity;

[Collection(BrowserCollection.Name)]
public sealed class CapacityBrowserTests(BrowserFixture browser, LiveAppFixture live) : IClassFixture<LiveAppFixture>
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public async Task Capacity_ManagerSeesChartsThatMatchTheApi_AndDownloadsCsv()
    {
        var overWeek = await SeedHistoryAndAClosedWeekAsync();

        var page = await browser.OpenInteractiveAsync(live.App.BaseAddress, "/capacity", role: "Manager");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Capacity");
        // Default range: the last 4 weeks and the next 4 weeks around the clinic's today (Monday 23 November 2026).
        var href = await page.GetByTestId("csv-daily").GetAttributeAsync("href");
        href.ShouldBe("api/capacity/daily.csv?from=2026-10-26&to=2026-12-20");

        // Charts are drawn with data.
        foreach (var chart in new[] { "chart-daily", "chart-weekdays", "chart-nurse-load", "chart-drugs", "chart-forecast" })
        {
            var paths = page.GetByTestId(chart).Locator("svg path");
            await Expect(paths.First).ToBeAttachedAsync();
            (await paths.CountAsync()).ShouldBeGreaterThan(5, chart);
        }

        (await page.GetByTestId("heat-cell").CountAsync()).ShouldBeGreaterThan(12 * 5 - 1);
        await Expect(page.GetByTestId("peak-hour")).ToHaveCountAsync(1);

        // Every figure of the daily table equals GET /api/capacity/daily (same cookie, same range).
        var response = await page.APIRequest.GetAsync("/api/capacity/daily?from=2026-10-26&to=2026-12-20");
        response.Status.ShouldBe(200);
        using var json = JsonDocument.Parse(await response.TextAsync());
        var api = json.RootElement.EnumerateArray().ToArray();
        api.Length.ShouldBe(56);
        var rows = await page.GetByTestId("daily-row").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => [r.dataset.date, ...['open', 'booked', 'peak'].map(c => r.querySelector(`[data-col=${c}]`).textContent.trim())])");
        rows.Length.ShouldBe(56);
        for (var i = 0; i < api.Length; i++)
        {
            rows[i].ShouldBe(
            [
                api[i].GetProperty("date").GetString()!,
                api[i].GetProperty("openChairMinutes").GetInt32().ToString(CultureInfo.InvariantCulture),
                api[i].GetProperty("bookedChairMinutes").GetInt32().ToString(CultureInfo.InvariantCulture),
                api[i].GetProperty("peakChairsInUse").GetInt32().ToString(CultureInfo.InvariantCulture),
            ]);
        }

        var booked = api.Sum(d => d.GetProperty("bookedChairMinutes").GetInt32());
        var open = api.Sum(d => d.GetProperty("openChairMinutes").GetInt32());
        booked.ShouldBeGreaterThan(0);
        var utilization = (double)booked / open * 100;
        (await page.GetByTestId("stat-utilization").Locator(".stat-value").InnerTextAsync())
            .ShouldBe(utilization.ToString(utilization < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " %");
        (await page.GetByTestId("stat-peak").Locator(".stat-value").InnerTextAsync())
            .ShouldStartWith(api.Max(d => d.GetProperty("peakChairsInUse").GetInt32()).ToString(CultureInfo.InvariantCulture));

        // The closed week is over capacity and shown in red.
        var weeks = page.GetByTestId("forecast-week");
        await Expect(weeks).ToHaveCountAsync(26);
        var over = page.Locator("[data-testid=forecast-week][data-status=over]");
        await Expect(over).ToHaveCountAsync(1);
        await Expect(over).ToContainTextAsync(overWeek.ToString("d MMM yyyy", CultureInfo.InvariantCulture));
        (await over.Locator("td").First.EvaluateAsync<string>("td => getComputedStyle(td).backgroundColor")).ShouldBe("rgb(253, 236, 234)");
        await Expect(page.GetByTestId("stat-forecast").Locator(".stat-value")).ToHaveTextAsync("1");

        // The layout scrolls inside its body, so a tall viewport shows the whole page; at a desk (1440) and on a tablet (1024).
        foreach (var width in new[] { 1440, 1024 })
        {
            await ShootAsync(page, "capacity", width, 3600);
            foreach (var card in new[] { "card-daily", "card-weekdays", "card-heatmap", "card-nurse-load", "card-outcomes", "card-drugs", "card-forecast" })
            {
                await page.GetByTestId(card).ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"capacity-{card[5..]}-{width}.png") });
            }
        }

        await page.SetViewportSizeAsync(1440, 900);

        // "Download CSV" downloads the table with its header row.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("csv-daily").ClickAsync());
        download.SuggestedFilename.ShouldBe("capacity-daily-2026-10-26-to-2026-12-20.csv");
        var lines = await File.ReadAllLinesAsync((await download.PathAsync())!);
        lines[0].ShouldBe("date,openChairMinutes,bookedChairMinutes,utilization,peakChairsInUse");
        lines.Length.ShouldBe(57);
        lines[1].ShouldStartWith("2026-10-26,");

        var forecastCsv = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("csv-forecast").ClickAsync());
        (await File.ReadAllLinesAsync((await forecastCsv.PathAsync())!))[0].ShouldStartWith("weekStart,capacityChairHours");

        // Another range: the page reloads its figures.
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Last quarter" }).ClickAsync();
        await Expect(page.GetByTestId("csv-daily")).ToHaveAttributeAsync("href", "api/capacity/daily.csv?from=2026-08-23&to=2026-11-22");
        await Expect(page.GetByTestId("daily-row")).ToHaveCountAsync(92);
    }

    [Fact]
    public async Task Capacity_InvertedRange_SaysSoAtTheDateField_AndShowsNoFigures()
    {
        var page = await browser.OpenInteractiveAsync(live.App.BaseAddress, "/capacity", role: "Manager");
        await Expect(page.GetByTestId("stat-utilization")).ToBeVisibleAsync();
        // The end date before the start date (26 Oct 2026).
        var to = DateInput(page, "capacity-to");
        await to.FillAsync("2026-10-01");
        await to.PressAsync("Tab");

        // The message is the To field's own (under it, in words), not a banner and not the API's field names.
        var toField = page.Locator(".mud-input-control", new PageLocatorOptions { Has = page.GetByTestId("capacity-to") });
        await Expect(toField).ToContainTextAsync("The end date must be on or after the start date.");
        await Expect(page.Locator(".mud-input-control", new PageLocatorOptions { Has = page.GetByTestId("capacity-from") })).Not.ToContainTextAsync("must");
        await Expect(page.GetByTestId("capacity-figures")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("stat-utilization")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("csv-daily")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("capacity-range")).Not.ToContainTextAsync("2026");
        (await page.ContentAsync()).ShouldNotContain("to must be on or after from");
        await ShootAsync(page, "capacity-inverted-range", 1024, 900);

        // A valid range again: the figures come back, for that range.
        await to.FillAsync("2026-11-01");
        await to.PressAsync("Tab");
        await Expect(page.GetByTestId("csv-daily")).ToHaveAttributeAsync("href", "api/capacity/daily.csv?from=2026-10-26&to=2026-11-01");
        await Expect(page.GetByTestId("daily-row")).ToHaveCountAsync(7);
        await Expect(page.GetByText("The end date must be on or after the start date.")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Capacity_NurseIsNotAllowed()
    {
        var page = await browser.OpenInteractiveAsync(live.App.BaseAddress, "/", role: "Nurse");
        await Expect(page.Locator("[data-testid=side-menu] .mud-nav-link", new PageLocatorOptions { HasText = "Capacity" })).ToHaveCountAsync(0);
        (await page.APIRequest.GetAsync("/api/capacity/daily?from=2026-11-23&to=2026-11-29")).Status.ShouldBe(403);
        await page.GotoAsync("/capacity");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(page.GetByTestId("chart-daily")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Four weeks of realistic history before "today" (completed infusions of the six protocols with some overruns,
    /// no-shows and cancellations; staggered starts, so a midday peak), and a closure of the first later week that
    /// has a planned, unbooked dose (demand with no capacity: over). Returns that week's Monday.
    /// </summary>
    private async Task<DateOnly> SeedHistoryAndAClosedWeekAsync()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(LiveAppFixture.Monday, NewYork).DateTime);
        await using var db = await live.App.CreateDbContextAsync();
        var chairs = await db.Chairs.Where(c => c.Active).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).Select(c => c.Id).ToListAsync();
        var patients = await db.Patients.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
        var versions = await db.ProtocolVersions.Include(v => v.Protocol)
            .Where(v => v.Protocol!.CurrentVersion == v.Version).ToDictionaryAsync(v => v.Protocol!.Code, v => v.Id);
        var closures = await db.ClinicClosures.Select(c => c.Date).ToListAsync();
        (string Code, int Minutes, int Weight)[] mix =
        [
            ("natalizumab", 120, 34), ("ocrelizumab", 240, 22), ("methylprednisolone", 75, 16),
            ("mitoxantrone", 60, 10), ("ublituximab", 150, 12), ("alemtuzumab", 420, 6),
        ];
        var random = new Random(20261123);
        var regimens = new Dictionary<(int Patient, string Code), Regimen>();
        // The demo seed has history of its own (completed infusions in recent weeks): the extra history goes around it.
        var historyFrom = Utc(today.AddDays(-28), TimeOnly.MinValue);
        var existing = await db.Appointments.Where(a => a.StartsAt >= historyFrom && a.Status != AppointmentStatus.Cancelled)
            .Select(a => new { a.ChairId, a.PatientId, a.StartsAt, a.EndsAt }).ToListAsync();
        for (var day = today.AddDays(-28); day < today; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || closures.Contains(day))
            {
                continue;
            }

            for (var c = 0; c < chairs.Count; c++)
            {
                var patient = patients[(2 * c + day.DayNumber % 2) % patients.Count];
                var start = new TimeOnly(7, 0).AddMinutes(random.Next(0, 11) * 15);
                while (start < new TimeOnly(15, 30))
                {
                    var pick = random.Next(100);
                    var (code, minutes, _) = mix.First(m => (pick -= m.Weight) < 0);
                    var end = start.AddMinutes(minutes);
                    if (end > new TimeOnly(19, 0) || end < start)
                    {
                        break;
                    }

                    var roll = random.Next(100);
                    var status = roll < 4 ? AppointmentStatus.NoShow : roll < 9 ? AppointmentStatus.Cancelled : AppointmentStatus.Completed;
                    if (!regimens.TryGetValue((patient, code), out var regimen))
                    {
                        regimen = new Regimen
                        {
                            PatientId = patient, ProtocolVersionId = versions[code], Start = today.AddDays(-28), Until = today,
                            Status = RegimenStatus.Completed, CreatedAt = DateTimeOffset.UtcNow,
                        };
                        regimens[(patient, code)] = regimen;
                        db.Regimens.Add(regimen);
                    }

                    var startsAtUtc = Utc(day, start);
                    if (existing.Any(a => (a.ChairId == chairs[c] || a.PatientId == patient) && a.StartsAt < startsAtUtc.AddMinutes(minutes) && startsAtUtc < a.EndsAt))
                    {
                        start = end;
                        continue;
                    }

                    var dose = new Dose
                    {
                        Sequence = regimen.Doses.Count + 1, TargetDate = day, Earliest = day.AddDays(-3), Latest = day.AddDays(3), Amount = 300, Unit = "mg",
                        ChairMinutes = minutes, Course = 1, DayInCourse = 1, Label = "History", GivenOn = status == AppointmentStatus.Completed ? day : null,
                        Status = status == AppointmentStatus.NoShow ? DoseStatus.Missed : DoseStatus.Given,
                    };
                    regimen.Doses.Add(dose);
                    var startsAt = Utc(day, start);
                    var late = random.Next(100) < 18 ? random.Next(10, 50) : -random.Next(0, 15);
                    db.Appointments.Add(new Appointment
                    {
                        PatientId = patient, ChairId = chairs[c], Dose = dose, ProtocolCode = code, StartsAt = startsAt, EndsAt = startsAt.AddMinutes(minutes), Status = status,
                        BookedAt = startsAt.AddDays(-14), BookedBy = "history",
                        CheckedInAt = status == AppointmentStatus.Completed ? startsAt.AddMinutes(-10) : null,
                        InChairAt = status == AppointmentStatus.Completed ? startsAt.AddMinutes(random.Next(0, 10)) : null,
                        CompletedAt = status == AppointmentStatus.Completed ? startsAt.AddMinutes(minutes + late) : null,
                        CancelledAt = status == AppointmentStatus.Cancelled ? startsAt.AddDays(-2) : null,
                        CancelReason = status == AppointmentStatus.Cancelled ? "Patient unwell" : null,
                    });
                    start = end.AddMinutes(random.Next(0, 5) * 15);
                    if (start < end)
                    {
                        break; // wrapped past midnight
                    }
                }
            }
        }

        await db.SaveChangesAsync();

        // Close the first week from three weeks ahead that has a planned, unbooked dose of an active regimen.
        var planned = await db.Doses
            .Where(d => d.Status == DoseStatus.Planned && d.Regimen!.Status == RegimenStatus.Active && d.TargetDate >= today.AddDays(21))
            .Where(d => !db.Appointments.Any(a => a.DoseId == d.Id && a.Status != AppointmentStatus.Cancelled && a.Status != AppointmentStatus.NoShow))
            .OrderBy(d => d.TargetDate).Select(d => d.TargetDate).FirstAsync();
        var monday = planned.AddDays(-(((int)planned.DayOfWeek + 6) % 7));
        for (var i = 0; i < 5; i++)
        {
            if (!closures.Contains(monday.AddDays(i)))
            {
                db.ClinicClosures.Add(new ClinicClosure { Date = monday.AddDays(i), Reason = "Staff training week" });
            }
        }

        await db.SaveChangesAsync();
        return monday;
    }

    private static ILocator DateInput(IPage page, string testId) =>
        page.Locator($"[data-testid={testId}] input, input[data-testid={testId}]").First;

    private static async Task ShootAsync(IPage page, string name, int width, int height)
    {
        await page.SetViewportSizeAsync(width, height);
        await page.WaitForTimeoutAsync(600); // the charts re-measure their width
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, $"{name}-{width}.png") });
    }

    private static DateTime Utc(DateOnly day, TimeOnly time) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time), NewYork);
}
