using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using InfusionCenter.Testing;

namespace InfusionCenter.Web.Tests.Protocols;

/// <summary>API.md "Protocols and dosing calendars": the read-only part (list, get, calendar previews).</summary>
public sealed partial class ProtocolApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly string[] SeededCodes =
        ["ocrelizumab", "ublituximab", "natalizumab", "alemtuzumab", "mitoxantrone", "methylprednisolone", "ocrelizumab-sc", "natalizumab-sztn"];

    private readonly HttpClient _client = fixture.App.CreateClient();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();

    [Fact]
    public async Task List_ReturnsExactlyTheSeededProtocols_AtVersion1()
    {
        var list = await Api.ReadAsync(await _client.GetAsync("/api/protocols"), HttpStatusCode.OK);

        list.ValueKind.ShouldBe(JsonValueKind.Array);
        var items = list.EnumerateArray().ToArray();
        items.Select(p => p.GetProperty("code").GetString()).ShouldBe(SeededCodes, ignoreOrder: true);
        items.ShouldAllBe(p => p.GetProperty("version").GetInt32() == 1);
        items.ShouldAllBe(p => !string.IsNullOrWhiteSpace(p.GetProperty("name").GetString()));
    }

    [Theory]
    [InlineData("ocrelizumab")]
    [InlineData("mitoxantrone")]
    [InlineData("methylprednisolone")]
    public async Task Get_KnownCode_ReturnsDefinitionAndVersion(string code)
    {
        var protocol = await Api.ReadAsync(await _client.GetAsync($"/api/protocols/{code}"), HttpStatusCode.OK);

        protocol.GetProperty("version").GetInt32().ShouldBe(1);
        var definition = protocol.GetProperty("definition");
        definition.GetProperty("code").GetString().ShouldBe(code);
        definition.GetProperty("name").GetString().ShouldNotBeNullOrWhiteSpace();
        definition.GetProperty("drug").GetProperty("genericName").GetString().ShouldBe(code);
        definition.GetProperty("window").GetProperty("daysBefore").GetInt32().ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task Get_Ocrelizumab_DefinitionCarriesTheLabelSchedule()
    {
        var definition = (await Api.ReadAsync(await _client.GetAsync("/api/protocols/ocrelizumab"), HttpStatusCode.OK)).GetProperty("definition");

        var steps = definition.GetProperty("steps").EnumerateArray().ToArray();
        steps.Select(s => s.GetProperty("dayOffset").GetInt32()).ShouldBe([0, 14]);
        var interval = definition.GetProperty("maintenance").GetProperty("interval");
        interval.GetProperty("value").GetInt32().ShouldBe(24);
        interval.GetProperty("unit").GetString().ShouldBe("weeks");
    }

    [Theory]
    [InlineData("/api/protocols/no-such-drug")]
    [InlineData("/api/protocols/no-such-drug/calendar?start=2026-01-05")]
    public async Task UnknownCode_Returns404Problem(string url)
    {
        var problem = await Api.ProblemAsync(await _client.GetAsync(url), HttpStatusCode.NotFound);
        problem.GetProperty("detail").GetString()!.ShouldContain("no-such-drug");
    }

    [Fact]
    public async Task Calendar_Ocrelizumab_TwoLoadingDosesThenEvery24WeeksFromInfusion1()
    {
        var calendar = await Api.ReadAsync(await _client.GetAsync("/api/protocols/ocrelizumab/calendar?start=2026-01-05"), HttpStatusCode.OK);

        calendar.GetProperty("protocol").GetString().ShouldBe("ocrelizumab");
        calendar.GetProperty("version").GetInt32().ShouldBe(1);
        calendar.GetProperty("stopReason").GetString().ShouldBe("until");
        var doses = calendar.Doses();
        doses.Select(d => d.GetProperty("date").GetString()).ShouldBe(
            ["2026-01-05", "2026-01-19", "2026-06-22", "2026-12-07", "2027-05-24", "2027-11-08"]);
        doses.Select(d => d.GetProperty("amount").GetDecimal()).ShouldBe([300m, 300m, 600m, 600m, 600m, 600m]);
        doses.Select(d => d.GetProperty("sequence").GetInt32()).ShouldBe([1, 2, 3, 4, 5, 6]);
        doses.Select(d => d.GetProperty("course").GetInt32()).ShouldBe([1, 1, 2, 3, 4, 5]);
        doses.Select(d => d.GetProperty("dayInCourse").GetInt32()).ShouldBe([1, 2, 1, 1, 1, 1]);
        foreach (var dose in doses)
        {
            foreach (var field in new[] { "date", "earliest", "latest" })
            {
                IsoDate().IsMatch(dose.GetProperty(field).GetString()!).ShouldBeTrue($"{field} is YYYY-MM-DD: {dose}");
            }

            dose.Date("earliest").ShouldBeLessThanOrEqualTo(dose.Date());
            dose.Date("latest").ShouldBeGreaterThanOrEqualTo(dose.Date());
            dose.GetProperty("unit").GetString().ShouldBe("mg");
            dose.GetProperty("chairMinutes").GetInt32().ShouldBeGreaterThan(0);
        }

        // Protocol windows: 14 days either side of infusion 1; day-15 infusion 2 days before, 7 after.
        doses[0].GetProperty("earliest").GetString().ShouldBe("2025-12-22");
        doses[0].GetProperty("latest").GetString().ShouldBe("2026-01-19");
        doses[1].GetProperty("earliest").GetString().ShouldBe("2026-01-17");
        doses[1].GetProperty("latest").GetString().ShouldBe("2026-01-26");
        // 600 mg takes longer in the chair than 300 mg.
        doses[2].GetProperty("chairMinutes").GetInt32().ShouldBeGreaterThan(doses[0].GetProperty("chairMinutes").GetInt32());
    }

    [Fact]
    public async Task Calendar_UntilIsInclusive()
    {
        var calendar = await Api.ReadAsync(
            await _client.GetAsync("/api/protocols/ocrelizumab/calendar?start=2026-01-05&until=2026-06-22"), HttpStatusCode.OK);

        calendar.Doses().Select(d => d.GetProperty("date").GetString()).ShouldBe(["2026-01-05", "2026-01-19", "2026-06-22"]);
        calendar.GetProperty("stopReason").GetString().ShouldBe("until");
    }

    [Fact]
    public async Task Calendar_Mitoxantrone_StopsAtTheLifetimeCap_After11Doses()
    {
        var calendar = await Api.ReadAsync(
            await _client.GetAsync("/api/protocols/mitoxantrone/calendar?start=2026-01-05&until=2030-12-31&bsa=1.8"), HttpStatusCode.OK);

        calendar.GetProperty("stopReason").GetString().ShouldBe("cumulative-cap");
        var doses = calendar.Doses();
        doses.Length.ShouldBe(11); // 11 × 12 = 132 ≤ 140; a 12th would be 144
        doses.ShouldAllBe(d => d.GetProperty("amount").GetDecimal() == 21.6m); // 12 mg/m² × 1.8 m²
        doses.ShouldAllBe(d => d.GetProperty("unit").GetString() == "mg");
        // Every 3 calendar months from the anchor.
        doses.Select(d => d.Date()).ShouldBe(Enumerable.Range(0, 11).Select(k => new DateOnly(2026, 1, 5).AddMonths(3 * k)));
    }

    [Fact]
    public async Task Calendar_Mitoxantrone_CountsThePriorCumulativeDose()
    {
        var calendar = await Api.ReadAsync(
            await _client.GetAsync("/api/protocols/mitoxantrone/calendar?start=2026-01-05&bsa=1.8&priorCumulativeMgPerM2=100"), HttpStatusCode.OK);

        calendar.GetProperty("stopReason").GetString().ShouldBe("cumulative-cap");
        calendar.Doses().Length.ShouldBe(3); // 100 + 3 × 12 = 136 ≤ 140
    }

    [Fact]
    public async Task Calendar_Mitoxantrone_WithoutBsa_Returns400OnBsa()
    {
        await Api.ValidationProblemAsync(await _client.GetAsync("/api/protocols/mitoxantrone/calendar?start=2026-01-05"), "bsa");
    }

    [Theory]
    [InlineData("/api/protocols/mitoxantrone/calendar?start=2026-01-05&bsa=abc", "bsa")]
    [InlineData("/api/protocols/mitoxantrone/calendar?start=2026-01-05&bsa=-1", "bsa")]
    [InlineData("/api/protocols/mitoxantrone/calendar?start=2026-01-05&bsa=99", "bsa")]
    [InlineData("/api/protocols/mitoxantrone/calendar?start=2026-01-05&bsa=1.8&priorCumulativeMgPerM2=-5", "priorCumulativeMgPerM2")]
    [InlineData("/api/protocols/mitoxantrone/calendar?start=2026-01-05&bsa=1.8&priorCumulativeMgPerM2=x", "priorCumulativeMgPerM2")]
    [InlineData("/api/protocols/ocrelizumab/calendar", "start")]
    [InlineData("/api/protocols/ocrelizumab/calendar?start=", "start")]
    [InlineData("/api/protocols/ocrelizumab/calendar?start=2026-13-45", "start")]
    [InlineData("/api/protocols/ocrelizumab/calendar?start=tomorrow", "start")]
    [InlineData("/api/protocols/ocrelizumab/calendar?start=05/01/2026", "start")]
    [InlineData("/api/protocols/ocrelizumab/calendar?start=2026-01-05&until=2026-01-04", "until")]
    [InlineData("/api/protocols/ocrelizumab/calendar?start=2026-01-05&until=2026-02-30", "until")]
    [InlineData("/api/protocols/methylprednisolone/calendar?start=2026-01-05&days=2", "days")]
    [InlineData("/api/protocols/methylprednisolone/calendar?start=2026-01-05&days=6", "days")]
    [InlineData("/api/protocols/methylprednisolone/calendar?start=2026-01-05&days=three", "days")]
    [InlineData("/api/protocols/methylprednisolone/calendar?start=2026-01-05&days=99999999999", "days")]
    [InlineData("/api/protocols/natalizumab/calendar?start=2026-01-05&days=3", "days")]
    public async Task Calendar_BadParameters_Return400WithFieldErrors(string url, string field)
    {
        await Api.ValidationProblemAsync(await _client.GetAsync(url), field);
    }

    [Fact]
    public async Task Calendar_UntilMoreThan30YearsAhead_Returns400NotA500()
    {
        await Api.ValidationProblemAsync(
            await _client.GetAsync("/api/protocols/natalizumab/calendar?start=2026-01-05&until=2199-12-31"), "until");
    }

    [Fact]
    public async Task Calendar_Methylprednisolone_ThreeDays_IsThreeConsecutiveDaysOf1000Mg()
    {
        var calendar = await Api.ReadAsync(
            await _client.GetAsync("/api/protocols/methylprednisolone/calendar?start=2026-01-05&days=3"), HttpStatusCode.OK);

        var doses = calendar.Doses();
        doses.Select(d => d.GetProperty("date").GetString()).ShouldBe(["2026-01-05", "2026-01-06", "2026-01-07"]);
        doses.ShouldAllBe(d => d.GetProperty("amount").GetDecimal() == 1000m && d.GetProperty("course").GetInt32() == 1);
        doses.Select(d => d.GetProperty("dayInCourse").GetInt32()).ShouldBe([1, 2, 3]);
    }

    [Fact]
    public async Task Calendar_Methylprednisolone_DefaultsToFiveDays()
    {
        var calendar = await Api.ReadAsync(
            await _client.GetAsync("/api/protocols/methylprednisolone/calendar?start=2026-01-05"), HttpStatusCode.OK);

        calendar.Doses().Select(d => d.Date()).ShouldBe(Enumerable.Range(0, 5).Select(i => new DateOnly(2026, 1, 5).AddDays(i)));
    }

    [Fact]
    public async Task Calendar_Alemtuzumab_FiveDayCourseThenThreeDayCourse12MonthsAfterDay1()
    {
        var calendar = await Api.ReadAsync(
            await _client.GetAsync("/api/protocols/alemtuzumab/calendar?start=2026-01-05"), HttpStatusCode.OK);

        var doses = calendar.Doses();
        doses.Select(d => d.GetProperty("date").GetString()).ShouldBe(
            ["2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08", "2026-01-09", "2027-01-05", "2027-01-06", "2027-01-07"]);
        doses.Select(d => d.GetProperty("course").GetInt32()).ShouldBe([1, 1, 1, 1, 1, 2, 2, 2]);
        doses.Select(d => d.GetProperty("dayInCourse").GetInt32()).ShouldBe([1, 2, 3, 4, 5, 1, 2, 3]);
        doses.ShouldAllBe(d => d.GetProperty("amount").GetDecimal() == 12m);
        doses.Select(d => d.GetProperty("sequence").GetInt32()).ShouldBe(Enumerable.Range(1, 8));
        // The planned courses end the series by themselves: no stop reason.
        calendar.GetProperty("stopReason").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Calendar_Alemtuzumab_CourseDaysRunAcrossMonthEnd()
    {
        var calendar = await Api.ReadAsync(
            await _client.GetAsync("/api/protocols/alemtuzumab/calendar?start=2027-02-26"), HttpStatusCode.OK);

        var doses = calendar.Doses();
        doses.Length.ShouldBe(8);
        doses[0].GetProperty("date").GetString().ShouldBe("2027-02-26");
        doses[4].GetProperty("date").GetString().ShouldBe("2027-03-02"); // consecutive calendar days across month end
        doses[5].GetProperty("date").GetString().ShouldBe("2028-02-26");
    }

    [Fact]
    public async Task Calendar_Natalizumab_Every28Days()
    {
        var calendar = await Api.ReadAsync(
            await _client.GetAsync("/api/protocols/natalizumab/calendar?start=2026-02-02&until=2026-06-30"), HttpStatusCode.OK);

        calendar.Doses().Select(d => d.Date()).ShouldBe(Enumerable.Range(0, 6).Select(k => new DateOnly(2026, 2, 2).AddDays(28 * k)));
        calendar.Doses().ShouldAllBe(d => d.GetProperty("amount").GetDecimal() == 300m);
    }
}
