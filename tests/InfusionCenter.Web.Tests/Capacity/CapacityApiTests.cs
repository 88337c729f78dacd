using System.Net;
using InfusionCenter.Testing;

namespace InfusionCenter.Web.Tests.Capacity;

/// <summary>API.md "Capacity": CSV downloads, range checks in words, roles, and the page as the server first renders it.</summary>
[Collection(CapacityCollection.Name)]
public sealed class CapacityApiTests(CapacityFixture fixture)
{
    private const string Week = "from=2031-03-03&to=2031-03-09";

    private readonly InfusionAppFactory _app = fixture.App;

    private readonly HttpClient _client = fixture.App.CreateClientAs("Manager");

    private int OpenDay => fixture.ActiveChairs * 12 * 60; // demo clinic: Monday–Friday 07:00–19:00

    public static TheoryData<string, string> CsvTables => new()
    {
        { "daily", "date,openChairMinutes,bookedChairMinutes,utilization,peakChairsInUse" },
        { "weekdays", "weekday,openDays," },
        { "heatmap", "weekday,hour,days,avgChairsInUse,maxChairsInUse,peakHour" },
        { "nurse-load", "slot,days,avgStarts,maxStarts,startLimit,daysOverLimit" },
        { "outcomes", "outcome,appointments,share" },
        { "drugs", "protocol,appointments,chairHours," },
        { "forecast", "weekStart,capacityChairHours,bookedChairHours,plannedChairHours,plannedDoses,demandChairHours,load,status" },
        { "savings", "protocol,drug,way,comparedWith,givenDoses,givenHours,bookedDoses,bookedHours,plannedDoses,plannedHours" },
    };

    [Theory]
    [MemberData(nameof(CsvTables))]
    public async Task Csv_EveryTable_TextCsvWithHeaderRow(string table, string header)
    {
        var response = await _client.GetAsync($"/api/capacity/{table}.csv?{Week}");

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileNameStar.ShouldEndWith(".csv");
        var lines = body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith(header);
        lines.Length.ShouldBeGreaterThan(1);
        lines.Skip(1).ShouldAllBe(l => l.Split(',').Length == lines[0].Split(',').Length);
    }

    [Fact]
    public async Task Csv_Daily_SameFiguresAsTheJson()
    {
        var csv = await _client.GetStringAsync($"/api/capacity/daily.csv?{Week}");

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(8);
        lines[1].ShouldBe(FormattableString.Invariant($"2031-03-03,{OpenDay},375,{Math.Round(375.0 / OpenDay, 4)},3"));
        lines[3].ShouldBe("2031-03-05,0,60,0,1");
    }

    [Theory]
    [InlineData("", "from")]
    [InlineData("from=2031-03-03", "to")]
    [InlineData("from=2031-03-09&to=2031-03-03", "to")]
    [InlineData("from=2031-01-01&to=2032-01-02", "to")] // 367 days
    [InlineData("from=2031-02-30&to=2031-03-03", "from")]
    [InlineData("from=yesterday&to=2031-03-03", "from")]
    public async Task Daily_BadRange_Returns400WithFieldError(string query, string field)
    {
        await Api.ValidationProblemAsync(await _client.GetAsync($"/api/capacity/daily?{query}"), field);
        await Api.ValidationProblemAsync(await _client.GetAsync($"/api/capacity/drugs.csv?{query}"), field);
    }

    [Fact]
    public async Task Daily_FullYearRange_Returns366Days()
    {
        var body = await Api.ReadAsync(await _client.GetAsync("/api/capacity/daily?from=2032-01-01&to=2032-12-31"), HttpStatusCode.OK);
        body.GetArrayLength().ShouldBe(366);
    }

    [Fact]
    public async Task Csv_UnknownTable_Returns404()
    {
        await Api.ProblemAsync(await _client.GetAsync($"/api/capacity/patients.csv?{Week}"), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("Manager", HttpStatusCode.OK)]
    [InlineData("Admin", HttpStatusCode.OK)]
    [InlineData("Nurse", HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task Daily_ManagersAndAdminsOnly(string? role, HttpStatusCode expected)
    {
        using var client = _app.CreateClientAs(role);
        (await client.GetAsync($"/api/capacity/daily?{Week}")).StatusCode.ShouldBe(expected);
        (await client.GetAsync($"/api/capacity/daily.csv?{Week}")).StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task CapacityPage_ServerRendersTheDashboard()
    {
        using var client = _app.CreateClientAs("Manager");
        var html = await client.GetStringAsync("/capacity");
        html.ShouldContain("<h1 class=\"page-title\">Capacity</h1>");
        html.ShouldContain("data-testid=\"chart-daily\"");
        html.ShouldContain("api/capacity/daily.csv?from=");
    }

    [Theory]
    [InlineData("from=2031-03-09&to=2031-03-03", "to", "The end date must be on or after the start date.")]
    [InlineData("from=2031-03-03", "to", "Enter the end date (YYYY-MM-DD).")]
    [InlineData("to=2031-03-03", "from", "Enter the start date (YYYY-MM-DD).")]
    [InlineData("from=yesterday&to=2031-03-03", "from", "The start date must be a date written as YYYY-MM-DD.")]
    [InlineData("from=2031-01-01&to=2032-01-02", "to", "The dates may span at most 366 days.")]
    public async Task Daily_BadRange_SaysWhatIsWrongInWords_UnderTheApiFieldKey(string query, string field, string message)
    {
        var response = await _client.GetAsync($"/api/capacity/daily?{query}");
        await Api.ValidationProblemAsync(response, field);
        var problem = await Api.ReadAsync(response, HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()).ShouldBe([message]);
        problem.GetProperty("detail").GetString()!.ShouldNotContain("to must");
    }

    [Fact]
    public async Task CapacityPage_InvertedRange_ShowsAFieldMessageInWords_AndNoFigures()
    {
        using var client = _app.CreateClientAs("Manager");

        var html = await client.GetStringAsync("/capacity?from=2031-03-09&to=2031-03-03");

        html.ShouldContain("The end date must be on or after the start date.");
        html.ShouldNotContain("to must be on or after from");
        html.ShouldContain("data-testid=\"capacity-no-range\"");
        foreach (var figures in new[] { "capacity-figures", "stat-utilization", "chart-daily", "daily-row", "api/capacity/daily.csv" })
        {
            html.ShouldNotContain(figures);
        }
    }

    [Fact]
    public async Task CapacityPage_RangeInTheAddress_ShowsTheFiguresOfThatRange()
    {
        using var client = _app.CreateClientAs("Manager");

        var html = await client.GetStringAsync($"/capacity?{Week}");

        html.ShouldContain("data-testid=\"capacity-figures\"");
        html.ShouldContain($"api/capacity/daily.csv?{Week.Replace("&", "&amp;", StringComparison.Ordinal)}");
        WebUtility.HtmlDecode(html).ShouldContain("3 Mar 2031 – 9 Mar 2031 · 7 days");
        html.ShouldNotContain("must be on or after");
    }
}
