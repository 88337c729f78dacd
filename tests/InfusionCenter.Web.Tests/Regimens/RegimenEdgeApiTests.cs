using System.Net;

namespace InfusionCenter.Web.Tests.Regimens;

/// <summary>Edge inputs of the regimen endpoints that must stay 4xx (never 500).</summary>
public sealed class RegimenEdgeApiTests(FixedClockAppFixture fixture) : IClassFixture<FixedClockAppFixture>
{
    private readonly HttpClient _client = fixture.App.CreateClient();

    [Theory]
    [InlineData("{\"protocol\": \"natalizumab\", \"start\": \"9999-12-31\"}", "start")]
    [InlineData("{\"protocol\": \"natalizumab\", \"start\": \"9999-12-31\", \"until\": \"9999-12-31\"}", "start")]
    [InlineData("{\"protocol\": \"natalizumab\", \"start\": \"0001-01-01\"}", "start")]
    [InlineData("{\"protocol\": \"natalizumab\", \"start\": \"2026-02-02\", \"until\": \"2099-01-01\"}", "until")]
    [InlineData("{\"protocol\": \"natalizumab\", \"start\": \"2026-02-02\", \"days\": 3}", "days")]
    [InlineData("{\"protocol\": \"natalizumab\", \"start\": \"2026-02-02\", \"intervalWeeks\": 0}", "intervalWeeks")]
    public async Task Enrol_ExtremeDates_Return400(string json, string field)
    {
        var patientId = await Api.CreatePatientAsync(_client);

        await Api.ValidationProblemAsync(await _client.PostRawAsync($"/api/patients/{patientId}/regimens", json), field);
    }

    [Theory]
    [InlineData("/api/protocols/natalizumab/calendar?start=9999-12-31")]
    [InlineData("/api/protocols/natalizumab/calendar?start=9999-12-31&until=9999-12-31")]
    [InlineData("/api/protocols/natalizumab/calendar?start=0001-01-01")]
    [InlineData("/api/protocols/natalizumab/calendar?start=2026-01-05&intervalWeeks=0")]
    public async Task Calendar_ExtremeDates_Return400(string url)
    {
        await Api.ProblemAsync(await _client.GetAsync(url), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Given_BeforeThePreviousDoseWasGiven_Returns400()
    {
        var patientId = await Api.CreatePatientAsync(_client);
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "natalizumab", start = "2026-09-07" });
        var doses = regimen.Doses();

        await Api.ReadAsync(await _client.PostJsonAsync($"/api/doses/{doses[0].GetProperty("id").GetInt32()}/given", new { date = "2026-09-10" }), HttpStatusCode.OK);

        // A dose given before the previous one is a data-entry error: refused, nothing changes.
        await Api.ValidationProblemAsync(
            await _client.PostJsonAsync($"/api/doses/{doses[1].GetProperty("id").GetInt32()}/given", new { date = "2026-09-01" }), "date");
    }

    [Fact]
    public async Task Given_MoreThanAMonthBeforeTheStart_Returns400()
    {
        var patientId = await Api.CreatePatientAsync(_client);
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "natalizumab", start = "2026-09-07" });

        await Api.ValidationProblemAsync(
            await _client.PostJsonAsync($"/api/doses/{regimen.Doses()[0].GetProperty("id").GetInt32()}/given", new { date = "2026-07-01" }), "date");
        await Api.ValidationProblemAsync(
            await _client.PostJsonAsync($"/api/doses/{regimen.Doses()[0].GetProperty("id").GetInt32()}/given", new { date = "0001-01-01" }), "date");
    }

    [Fact]
    public async Task Given_AgainWithAnotherDate_ReanchorsFromTheNewDate()
    {
        var patientId = await Api.CreatePatientAsync(_client);
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "natalizumab", start = "2026-09-07" });
        var doseId = regimen.Doses()[0].GetProperty("id").GetInt32();

        await Api.ReadAsync(await _client.PostJsonAsync($"/api/doses/{doseId}/given", new { date = "2026-09-10" }), HttpStatusCode.OK);
        var corrected = await Api.ReadAsync(await _client.PostJsonAsync($"/api/doses/{doseId}/given", new { date = "2026-09-08" }), HttpStatusCode.OK);

        corrected.Doses()[1].GetProperty("date").GetString().ShouldBe("2026-10-06");
    }

    /// <summary>
    /// Issue 11, finding 5: the enrolment answers in its own fields and in words (never the calendar engine's
    /// "intervalOverride ... must not be shorter than the minimum spacing").
    /// </summary>
    [Theory]
    [InlineData("{\"protocol\": \"ocrelizumab\", \"start\": \"2026-02-02\", \"intervalWeeks\": 4}", "intervalWeeks", "The interval must be at least 20 weeks: doses of Ocrelizumab are given at least 20 weeks apart.")]
    [InlineData("{\"protocol\": \"methylprednisolone\", \"start\": \"2026-02-02\", \"days\": 2}", "days", "The course length must be between 3 and 5 days.")]
    [InlineData("{\"protocol\": \"natalizumab\", \"start\": \"2026-02-02\", \"days\": 3}", "days", "Natalizumab is not given in courses: leave the course length empty.")]
    [InlineData("{\"protocol\": \"natalizumab\", \"start\": \"2026-02-02\", \"until\": \"2099-01-01\"}", "until", "Plan at most 10 years ahead.")]
    public async Task Enrol_RefusedOptions_AreNamedByTheEnrolmentsFields_InWords(string json, string field, string words)
    {
        var patientId = await Api.CreatePatientAsync(_client);

        var response = await _client.PostRawAsync($"/api/patients/{patientId}/regimens", json);

        var keys = await Api.ValidationProblemAsync(response, field);
        keys.ShouldNotContain("intervalOverride");
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain(words);
        body.ShouldNotContain("intervalOverride");
    }
}
