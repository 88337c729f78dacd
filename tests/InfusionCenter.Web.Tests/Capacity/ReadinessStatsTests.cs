using System.Globalization;
using System.Net;
using System.Text.Json;
using InfusionCenter.Domain.Readiness;
using InfusionCenter.Testing;
using InfusionCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Tests.Capacity;

/// <summary>
/// <c>GET /api/capacity/readiness</c> (issue 13, the manager's figures) on known regimens and appointments in 2024, far from
/// the demo data (today is 2026-11-23, New York): days from referral to first dose per drug (median, nearest-rank 90th
/// percentile), the appointments not ready the day before with their reasons, the range checks and the card.
/// </summary>
public sealed class ReadinessStatsTests(FixedClockAppFixture fixture) : IClassFixture<FixedClockAppFixture>
{
    private const string April = "from=2024-04-01&to=2024-04-30";

    private const string JuneWeek = "from=2024-06-03&to=2024-06-07";

    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static readonly SemaphoreSlim Once = new(1, 1);

    private static bool _seeded;

    private readonly HttpClient _client = fixture.App.CreateClientAs("Manager");

    [Fact]
    public async Task FirstDoses_KnownWaits_GiveMedianAndNearestRankP90_PerDrugAndForAllDrugs()
    {
        await SeedAsync();

        var body = await Api.ReadAsync(await _client.GetAsync($"/api/capacity/readiness?{April}"), HttpStatusCode.OK);

        var waits = body.GetProperty("firstDoses");
        var drugs = waits.GetProperty("drugs").EnumerateArray().ToList();
        drugs.Select(d => d.GetProperty("protocol").GetString()).ShouldBe(["ocrelizumab", "natalizumab"], "most patients first");
        Row(drugs[0]).ShouldBe(("ocrelizumab (Ocrevus)", 5, 30.0, 100)); // 10, 20, 30, 40, 100: rank ⌈4.5⌉ = 5
        Row(drugs[1]).ShouldBe(("natalizumab (Tysabri)", 2, 10.5, 14)); // 7, 14: mean of the two middle values; rank ⌈1.8⌉ = 2
        Row(waits.GetProperty("allDrugs")).ShouldBe(("All drugs", 7, 20.0, 100)); // 7, 10, 14, 20, 30, 40, 100: rank ⌈6.3⌉ = 7
        waits.GetProperty("enteredAfterFirstDose").GetInt32().ShouldBe(1);
        body.GetProperty("timeZone").GetString().ShouldBe("America/New_York");
    }

    [Fact]
    public async Task DayBefore_DrugReceivedOnTheDay_NotReady_ReceivedTwoDaysBefore_Ready_EarlierCancellationNotCounted()
    {
        await SeedAsync();

        var body = await Api.ReadAsync(await _client.GetAsync($"/api/capacity/readiness?{JuneWeek}"), HttpStatusCode.OK);

        var dayBefore = body.GetProperty("dayBefore");
        dayBefore.GetProperty("through").GetString().ShouldBe("2024-06-07");
        dayBefore.GetProperty("appointments").GetInt32().ShouldBe(3, "Tuesday, Thursday, and Friday's cancelled on the day; not Wednesday's cancelled two days before");
        dayBefore.GetProperty("notReady").GetInt32().ShouldBe(2);
        dayBefore.GetProperty("notReadyShare").GetDouble().ShouldBe(2.0 / 3, 1e-9);
        var reasons = dayBefore.GetProperty("reasons").EnumerateArray().Select(r => (r.GetProperty("code").GetString(), r.GetProperty("appointments").GetInt32())).ToList();
        reasons.ShouldBe([(ReadinessCodes.DrugNotReceived, 2)]);
        body.GetProperty("firstDoses").GetProperty("drugs").GetArrayLength().ShouldBe(0, "no first dose that week");
    }

    [Fact]
    public async Task DayBefore_OnlyTheDaysUpToToday_AFutureRangeHasNone()
    {
        var future = await Api.ReadAsync(await _client.GetAsync("/api/capacity/readiness?from=2026-12-01&to=2026-12-31"), HttpStatusCode.OK);
        var dayBefore = future.GetProperty("dayBefore");
        dayBefore.GetProperty("through").ValueKind.ShouldBe(JsonValueKind.Null);
        dayBefore.GetProperty("appointments").GetInt32().ShouldBe(0);

        var across = await Api.ReadAsync(await _client.GetAsync("/api/capacity/readiness?from=2026-11-01&to=2026-12-31"), HttpStatusCode.OK);
        across.GetProperty("dayBefore").GetProperty("through").GetString().ShouldBe(FixedClockAppFixture.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("", "from")]
    [InlineData("from=2024-04-01", "to")]
    [InlineData("from=2024-04-30&to=2024-04-01", "to")]
    [InlineData("from=2024-01-01&to=2025-01-02", "to")] // 368 days
    [InlineData("from=0001-01-01&to=9999-12-31", "from")]
    [InlineData("from=2024-02-30&to=2024-04-01", "from")]
    public async Task BadRange_Returns400WithFieldError(string query, string field)
    {
        await Api.ValidationProblemAsync(await _client.GetAsync($"/api/capacity/readiness?{query}"), field);
    }

    [Theory]
    [InlineData("Manager", HttpStatusCode.OK)]
    [InlineData("Admin", HttpStatusCode.OK)]
    [InlineData("Nurse", HttpStatusCode.Forbidden)]
    [InlineData("Coordinator", HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task ManagersAndAdminsOnly(string? role, HttpStatusCode expected)
    {
        using var client = fixture.App.CreateClientAs(role);
        (await client.GetAsync($"/api/capacity/readiness?{April}")).StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task CapacityPage_ShowsTheReadinessCard_InWords()
    {
        await SeedAsync();

        var html = WebUtility.HtmlDecode(await _client.GetStringAsync("/capacity?from=2024-04-01&to=2024-06-07"));

        html.ShouldContain("data-testid=\"card-readiness\"");
        html.ShouldContain("ocrelizumab (Ocrevus)");
        html.ShouldContain("Drug not received");
        html.ShouldNotContain(ReadinessCodes.DrugNotReceived);
    }

    private static (string?, int, double?, int?) Row(JsonElement row) => (
        row.GetProperty("name").GetString(), row.GetProperty("started").GetInt32(),
        row.GetProperty("medianDays").ValueKind == JsonValueKind.Null ? null : row.GetProperty("medianDays").GetDouble(),
        row.GetProperty("percentile90Days").ValueKind == JsonValueKind.Null ? null : row.GetProperty("percentile90Days").GetInt32());

    /// <summary>The known data, once per database (the tests of this class share it and only read it).</summary>
    private async Task SeedAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (!_seeded)
            {
                await ReadinessStatsData.SeedAsync(fixture.App);
                _seeded = true;
            }
        }
        finally
        {
            Once.Release();
        }
    }

    /// <summary>A clinic-local instant in New York as UTC.</summary>
    internal static DateTime Utc(string localDateTime) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.ParseExact(localDateTime, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), NewYork);
}
