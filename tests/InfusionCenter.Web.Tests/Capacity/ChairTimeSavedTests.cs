using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InfusionCenter.Testing;
using InfusionCenter.Web.Features.Capacity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionCenter.Web.Tests.Capacity;

/// <summary>
/// Issue 14: <c>GET /api/capacity/savings</c>, its CSV and card, and the forecast taking each dose's option, on the known
/// regimens of <see cref="ChairTimeSavedData"/> in 2035 and 2039 (no other data in those years). Shorter ocrelizumab infusion:
/// 315 − 225 = 90 min = 1.5 h per dose; subcutaneous maintenance dose: 315 − 55 = 260 min = 4 h 20 per dose.
/// </summary>
[Collection(CapacityCollection.Name)]
public sealed class ChairTimeSavedTests(CapacityFixture fixture)
{
    private const string Year = "from=2035-01-01&to=2035-12-31";

    private static readonly double Sc = Math.Round(260 / 60.0, 9);

    private static readonly SemaphoreSlim Once = new(1, 1);

    private static bool _seeded;

    private readonly InfusionAppFactory _app = fixture.App;

    private readonly HttpClient _client = fixture.App.CreateClientAs("Manager");

    [Fact]
    public async Task Savings_KnownYear_GivenBookedAndPlanned_EachWay()
    {
        await SeedAsync();

        var body = await Api.ReadAsync(await _client.GetAsync($"/api/capacity/savings?{Year}"), HttpStatusCode.OK);

        body.GetProperty("from").GetString().ShouldBe("2035-01-01");
        body.GetProperty("to").GetString().ShouldBe("2035-12-31");
        // Given: the shorter dose 3 completed on 18 June. The SC first dose completed on 2 January counts for nothing.
        Figures(body, "given").ShouldBe((1, 1.5, 0, 0.0));
        // Booked: the SC maintenance dose on 18 June. Not the standard dose (saves nothing), not the no-show.
        Figures(body, "booked").ShouldBe((0, 0.0, 1, Sc));
        // Planned: shorter dose 4 (3 December) and the dose whose booking was cancelled; SC dose 3 (3 December).
        Figures(body, "planned").ShouldBe((2, 3.0, 1, Sc));
        Figures(body, "inRange").ShouldBe((1, 1.5, 1, Sc));
        body.GetProperty("inRange").GetProperty("hours").GetDouble().ShouldBe(1.5 + Sc, 1e-9);

        var rows = body.GetProperty("byProtocol").EnumerateArray().ToList();
        rows.Select(r => (r.GetProperty("protocol").GetString(), r.GetProperty("way").GetString(), r.GetProperty("comparedWith").GetString()))
            .ShouldBe([("ocrelizumab-sc", "sc", "ocrelizumab"), ("ocrelizumab", "shorter", "ocrelizumab")], "most hours saved first");
        rows[0].GetProperty("name").GetString().ShouldBe("ocrelizumab (Ocrevus Zunovo)");
        rows[0].GetProperty("comparedWithName").GetString().ShouldBe("ocrelizumab (Ocrevus) maintenance dose");
        Count(rows[0], "booked").ShouldBe((1, Sc));
        Count(rows[0], "planned").ShouldBe((1, Sc));
        rows[1].GetProperty("comparedWithName").GetString().ShouldBe("Standard (about 3.5 h)");
        Count(rows[1], "given").ShouldBe((1, 1.5));
        Count(rows[1], "booked").ShouldBe((0, 0.0));
        Count(rows[1], "planned").ShouldBe((2, 3.0));
    }

    [Fact]
    public async Task Savings_CountedOnTheAppointmentsDay_AndPlannedOnTheTargetDay()
    {
        await SeedAsync();

        var june = await Api.ReadAsync(await _client.GetAsync("/api/capacity/savings?from=2035-06-01&to=2035-06-30"), HttpStatusCode.OK);
        Figures(june, "given").ShouldBe((1, 1.5, 0, 0.0));
        Figures(june, "booked").ShouldBe((0, 0.0, 1, Sc));
        Figures(june, "planned").ShouldBe((1, 1.5, 0, 0.0)); // the cancelled booking's dose, due 18 June

        // January: loading doses and the SC first dose (given on 2 January) save nothing.
        var january = await Api.ReadAsync(await _client.GetAsync("/api/capacity/savings?from=2035-01-01&to=2035-01-31"), HttpStatusCode.OK);
        foreach (var kind in new[] { "given", "booked", "planned" })
        {
            Figures(january, kind).ShouldBe((0, 0.0, 0, 0.0), kind);
        }

        january.GetProperty("byProtocol").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Forecast_AShorterOptionDose_Forecasts225Minutes_AndTheStandardOne315()
    {
        using var admin = _app.CreateClient();
        var patientId = await Api.CreatePatientAsync(admin, "ForecastShorter");
        var regimen = await Api.EnrolAsync(admin, patientId, new { protocol = "ocrelizumab", start = "2039-01-03", until = "2039-12-31" });
        var dose3 = regimen.Doses().Single(d => d.GetProperty("sequence").GetInt32() == 3);
        dose3.GetProperty("option").GetString().ShouldBe("shorter");
        dose3.GetProperty("chairMinutes").GetInt32().ShouldBe(225);
        var week = new DateOnly(2039, 6, 20); // dose 3: 24 weeks after 3 January, a Monday

        var shorter = (await DashboardAsync(week)).Forecast.Weeks[0];

        shorter.WeekStart.ShouldBe(week);
        shorter.PlannedDoses.ShouldBe(1);
        shorter.PlannedChairHours.ShouldBe(225 / 60.0, 1e-9);
        var saved = await Api.ReadAsync(await _client.GetAsync("/api/capacity/savings?from=2039-06-20&to=2039-06-26"), HttpStatusCode.OK);
        Figures(saved, "planned").ShouldBe((1, 1.5, 0, 0.0));

        await Api.ReadAsync(await admin.PutAsJsonAsync($"/api/doses/{dose3.Id()}/option", new { option = "standard" }), HttpStatusCode.OK);

        (await DashboardAsync(week)).Forecast.Weeks[0].PlannedChairHours.ShouldBe(315 / 60.0, 1e-9);
        saved = await Api.ReadAsync(await _client.GetAsync("/api/capacity/savings?from=2039-06-20&to=2039-06-26"), HttpStatusCode.OK);
        Figures(saved, "planned").ShouldBe((0, 0.0, 0, 0.0));
    }

    [Fact]
    public async Task Csv_OneRowPerDrugAndWay_ThenAll()
    {
        await SeedAsync();

        var response = await _client.GetAsync($"/api/capacity/savings.csv?{Year}");

        var csv = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, csv);
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("capacity-savings-2035-01-01-to-2035-12-31.csv");
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ShouldBe(
        [
            "protocol,drug,way,comparedWith,givenDoses,givenHours,bookedDoses,bookedHours,plannedDoses,plannedHours",
            "ocrelizumab-sc,ocrelizumab (Ocrevus Zunovo),sc,ocrelizumab (Ocrevus) maintenance dose,0,0,1,4.3333,1,4.3333",
            "ocrelizumab,ocrelizumab (Ocrevus),shorter,Standard (about 3.5 h),1,1.5,0,0,2,3",
            ",All,,,1,1.5,1,4.3333,3,7.3333",
        ]);
    }

    [Theory]
    [InlineData("", "from")]
    [InlineData("from=2035-01-01", "to")]
    [InlineData("to=2035-01-01", "from")]
    [InlineData("from=2035-12-31&to=2035-01-01", "to")]
    [InlineData("from=2035-01-01&to=2036-01-02", "to")] // 367 days
    [InlineData("from=2035-02-30&to=2035-03-01", "from")]
    [InlineData("from=soon&to=2035-03-01", "from")]
    public async Task Savings_BadRange_Returns400WithFieldError(string query, string field)
    {
        await Api.ValidationProblemAsync(await _client.GetAsync($"/api/capacity/savings?{query}"), field);
        await Api.ValidationProblemAsync(await _client.GetAsync($"/api/capacity/savings.csv?{query}"), field);
    }

    [Theory]
    [InlineData("Manager", HttpStatusCode.OK)]
    [InlineData("Admin", HttpStatusCode.OK)]
    [InlineData("Nurse", HttpStatusCode.Forbidden)]
    [InlineData("Coordinator", HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task Savings_ManagersAndAdminsOnly(string? role, HttpStatusCode expected)
    {
        using var client = _app.CreateClientAs(role);
        (await client.GetAsync($"/api/capacity/savings?{Year}")).StatusCode.ShouldBe(expected);
        (await client.GetAsync($"/api/capacity/savings.csv?{Year}")).StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task CapacityPage_ShowsTheChairTimeSavedCard_InWords()
    {
        await SeedAsync();

        var html = WebUtility.HtmlDecode(await _client.GetStringAsync($"/capacity?{Year}"));

        var start = html.IndexOf("data-testid=\"card-savings\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0);
        var end = html.IndexOf("data-testid=\"card-", start + 10, StringComparison.Ordinal);
        html = end < 0 ? html[start..] : html[start..end];
        html.ShouldContain("Chair time saved");
        html.ShouldContain("5.8 h");
        html.ShouldContain("1 shorter infusion ·");
        html.ShouldContain("1 under-the-skin dose");
        html.ShouldContain("SC first doses are not counted: they replace a split IV start.");
        html.ShouldContain("ocrelizumab (Ocrevus Zunovo)");
        html.ShouldContain("api/capacity/savings.csv?from=2035-01-01&to=2035-12-31");
        html.ShouldNotContain("ocrelizumab-sc<"); // the drug's name, never the protocol's code
    }

    private async Task<CapacityDashboard> DashboardAsync(DateOnly week)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CapacityService>().DashboardAsync(week, week.AddDays(6), week);
    }

    private static (int, double, int, double) Figures(JsonElement body, string kind)
    {
        var f = body.GetProperty(kind);
        return (f.GetProperty("shorterDoses").GetInt32(), Math.Round(f.GetProperty("shorterHours").GetDouble(), 9),
            f.GetProperty("scDoses").GetInt32(), Math.Round(f.GetProperty("scHours").GetDouble(), 9));
    }

    private static (int, double) Count(JsonElement row, string kind) =>
        (row.GetProperty(kind).GetProperty("doses").GetInt32(), Math.Round(row.GetProperty(kind).GetProperty("hours").GetDouble(), 9));

    /// <summary>The known regimens, once per database (the tests of this class only read them).</summary>
    private async Task SeedAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (!_seeded)
            {
                await ChairTimeSavedData.SeedAsync(_app);
                _seeded = true;
            }
        }
        finally
        {
            Once.Release();
        }
    }
}
