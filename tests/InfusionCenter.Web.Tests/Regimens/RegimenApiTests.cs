using System.Net;
using System.Text.Json;

namespace InfusionCenter.Web.Tests.Regimens;

/// <summary>
/// API.md "Patients and regimens": enrolling on a protocol and recording doses as given or missed.
/// The clinic's "today" is fixed at Monday 2026-11-23 (<see cref="FixedClockAppFixture"/>).
/// </summary>
public sealed class RegimenApiTests(FixedClockAppFixture fixture) : IClassFixture<FixedClockAppFixture>
{
    private readonly HttpClient _client = fixture.App.CreateClient();

    private async Task<JsonElement> GivenAsync(int doseId, string date, HttpStatusCode expected = HttpStatusCode.OK) =>
        await Api.ReadAsync(await _client.PostJsonAsync($"/api/doses/{doseId}/given", new { date }), expected);

    private static JsonElement Dose(JsonElement regimen, int sequence) =>
        regimen.Doses().Single(d => d.GetProperty("sequence").GetInt32() == sequence);

    private static int DoseId(JsonElement regimen, int sequence) => Dose(regimen, sequence).GetProperty("id").GetInt32();

    [Fact]
    public async Task Enrol_Natalizumab_Returns201_DosesEvery28DaysPlanned()
    {
        var patientId = await Api.CreatePatientAsync(_client, "Natalie");

        var response = await _client.PostJsonAsync($"/api/patients/{patientId}/regimens", new { protocol = "natalizumab", start = "2026-02-02" });

        var regimen = await Api.ReadAsync(response, HttpStatusCode.Created);
        var id = regimen.GetProperty("id").GetInt32();
        response.Headers.Location!.ToString().ShouldEndWith($"/api/regimens/{id}");
        regimen.GetProperty("patientId").GetInt32().ShouldBe(patientId);
        regimen.GetProperty("protocol").GetString().ShouldBe("natalizumab");
        regimen.GetProperty("version").GetInt32().ShouldBe(1);
        var doses = regimen.Doses();
        doses.Length.ShouldBe(27); // 2026-02-02 + 26 × 28 days = 2028-01-31, within the default 2 years
        doses.Select(d => d.Date()).ShouldBe(Enumerable.Range(0, 27).Select(k => new DateOnly(2026, 2, 2).AddDays(28 * k)));
        doses.Select(d => d.GetProperty("sequence").GetInt32()).ShouldBe(Enumerable.Range(1, 27));
        doses.ShouldAllBe(d => d.GetProperty("status").GetString() == "planned");
        doses.ShouldAllBe(d => d.GetProperty("id").GetInt32() > 0);
        doses.ShouldAllBe(d => d.GetProperty("amount").GetDecimal() == 300m);
        doses.ShouldAllBe(d => d.Date("earliest") <= d.Date() && d.Date() <= d.Date("latest"));
        doses.Select(d => d.GetProperty("id").GetInt32()).Distinct().Count().ShouldBe(27);

        // Readable back, and listed on the patient.
        var reread = await Api.ReadAsync(await _client.GetAsync($"/api/regimens/{id}"), HttpStatusCode.OK);
        reread.Doses().Length.ShouldBe(27);
        var patient = await Api.ReadAsync(await _client.GetAsync($"/api/patients/{patientId}"), HttpStatusCode.OK);
        patient.GetProperty("regimens").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()).ShouldContain(id);
        var list = await Api.ReadAsync(await _client.GetAsync($"/api/patients/{patientId}/regimens"), HttpStatusCode.OK);
        list.EnumerateArray().Select(r => r.GetProperty("id").GetInt32()).ShouldContain(id);
    }

    [Fact]
    public async Task Enrol_NatalizumabExtendedInterval_Every6Weeks()
    {
        var patientId = await Api.CreatePatientAsync(_client, "Extended");

        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "natalizumab", start = "2026-02-02", intervalWeeks = 6, until = "2026-06-30" });

        regimen.Doses().Select(d => d.Date()).ShouldBe(Enumerable.Range(0, 4).Select(k => new DateOnly(2026, 2, 2).AddDays(42 * k)));
    }

    [Fact]
    public async Task Enrol_UnknownProtocol_Returns400()
    {
        var patientId = await Api.CreatePatientAsync(_client);

        await Api.ValidationProblemAsync(
            await _client.PostJsonAsync($"/api/patients/{patientId}/regimens", new { protocol = "aspirin", start = "2026-02-02" }), "protocol");
    }

    [Fact]
    public async Task Enrol_UnknownPatient_Returns404()
    {
        await Api.ProblemAsync(
            await _client.PostJsonAsync("/api/patients/987654321/regimens", new { protocol = "natalizumab", start = "2026-02-02" }),
            HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Enrol_MissingFields_Returns400()
    {
        var patientId = await Api.CreatePatientAsync(_client);

        await Api.ValidationProblemAsync(await _client.PostRawAsync($"/api/patients/{patientId}/regimens", "{}"), "protocol", "start");
    }

    [Theory]
    [InlineData("{\"protocol\": \"natalizumab\", \"start\": \"2026-02-30\"}")]
    [InlineData("{\"protocol\": \"natalizumab\", \"start\": ")]
    [InlineData("{\"protocol\": \"natalizumab\", \"start\": \"2026-02-02\", \"days\": \"five\"}")]
    public async Task Enrol_MalformedBody_Returns400(string json)
    {
        var patientId = await Api.CreatePatientAsync(_client);

        await Api.ProblemAsync(await _client.PostRawAsync($"/api/patients/{patientId}/regimens", json), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("{\"protocol\": \"methylprednisolone\", \"start\": \"2026-02-02\", \"days\": 2}", "days")]
    [InlineData("{\"protocol\": \"natalizumab\", \"start\": \"2026-02-02\", \"until\": \"2026-01-01\"}", "until")]
    [InlineData("{\"protocol\": \"natalizumab\", \"start\": \"2026-02-02\", \"priorCumulativeMgPerM2\": -1}", "priorCumulativeMgPerM2")]
    public async Task Enrol_InvalidOptions_Return400(string json, string field)
    {
        var patientId = await Api.CreatePatientAsync(_client);

        await Api.ValidationProblemAsync(await _client.PostRawAsync($"/api/patients/{patientId}/regimens", json), field);
    }

    [Fact]
    public async Task Enrol_MethylprednisoloneThreeDays_ThreeConsecutiveDoses()
    {
        var patientId = await Api.CreatePatientAsync(_client);

        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "methylprednisolone", start = "2026-02-02", days = 3 });

        regimen.Doses().Select(d => d.GetProperty("date").GetString()).ShouldBe(["2026-02-02", "2026-02-03", "2026-02-04"]);
    }

    [Fact]
    public async Task Enrol_MitoxantroneWithoutHeightAndWeight_Returns400OnHeight()
    {
        var patientId = await Api.CreatePatientAsync(_client, "Unmeasured");

        await Api.ValidationProblemAsync(
            await _client.PostJsonAsync($"/api/patients/{patientId}/regimens", new { protocol = "mitoxantrone", start = "2026-02-02" }), "heightCm");
    }

    [Fact]
    public async Task Enrol_MitoxantroneWithHeightAndWeight_AmountsFromTheBsa()
    {
        var patientId = await Api.CreatePatientAsync(_client, "Measured", heightCm: 162, weightKg: 72); // BSA √(162·72/3600) = 1.8

        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "mitoxantrone", start = "2026-02-02" });

        regimen.GetProperty("bsa").GetDecimal().ShouldBe(1.8m);
        var doses = regimen.Doses();
        doses.ShouldNotBeEmpty();
        doses.ShouldAllBe(d => d.GetProperty("amount").GetDecimal() == 21.6m && d.GetProperty("unit").GetString() == "mg");
        doses.ShouldAllBe(d => d.GetProperty("amountPerM2").GetDecimal() == 12m);
        doses.Select(d => d.Date()).ShouldBe(Enumerable.Range(0, doses.Length).Select(k => new DateOnly(2026, 2, 2).AddMonths(3 * k)));
    }

    [Fact]
    public async Task Enrol_MitoxantroneWithPriorDose_StopsAtTheCap()
    {
        var patientId = await Api.CreatePatientAsync(_client, "Capped", heightCm: 162, weightKg: 72);

        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "mitoxantrone", start = "2026-02-02", priorCumulativeMgPerM2 = 100 });

        regimen.Doses().Length.ShouldBe(3);
        regimen.GetProperty("stopReason").GetString().ShouldBe("cumulative-cap");
    }

    [Fact]
    public async Task Given_OcrelizumabMaintenance3WeeksLate_NextDose24WeeksAfterTheActualDate()
    {
        var patientId = await Api.CreatePatientAsync(_client, "Latecomer");
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "ocrelizumab", start = "2026-01-05" });
        Dose(regimen, 3).GetProperty("date").GetString().ShouldBe("2026-06-22");
        Dose(regimen, 4).GetProperty("date").GetString().ShouldBe("2026-12-07");

        await GivenAsync(DoseId(regimen, 1), "2026-01-05");
        await GivenAsync(DoseId(regimen, 2), "2026-01-19");
        var after = await GivenAsync(DoseId(regimen, 3), "2026-07-13"); // 3 weeks late

        var third = Dose(after, 3);
        third.GetProperty("status").GetString().ShouldBe("given");
        third.GetProperty("givenOn").GetString().ShouldBe("2026-07-13");
        var actual = new DateOnly(2026, 7, 13);
        Dose(after, 4).Date().ShouldBe(actual.AddDays(7 * 24)); // 2026-12-28
        Dose(after, 5).Date().ShouldBe(actual.AddDays(7 * 48));
        Dose(after, 4).GetProperty("status").GetString().ShouldBe("planned");
        // Doses keep their ids when re-anchored.
        DoseId(after, 4).ShouldBe(DoseId(regimen, 4));

        // And the stored regimen says the same.
        var reread = await Api.ReadAsync(await _client.GetAsync($"/api/regimens/{regimen.GetProperty("id").GetInt32()}"), HttpStatusCode.OK);
        Dose(reread, 4).GetProperty("date").GetString().ShouldBe("2026-12-28");
    }

    [Fact]
    public async Task Given_Today_Returns200_Tomorrow_Returns400()
    {
        var patientId = await Api.CreatePatientAsync(_client, "Punctual");
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "natalizumab", start = "2026-11-23" });
        var doseId = DoseId(regimen, 1);

        var tomorrow = FixedClockAppFixture.Today.AddDays(1).ToString("yyyy-MM-dd");
        await Api.ValidationProblemAsync(await _client.PostJsonAsync($"/api/doses/{doseId}/given", new { date = tomorrow }), "date");
        Dose(await Api.ReadAsync(await _client.GetAsync($"/api/regimens/{regimen.GetProperty("id").GetInt32()}"), HttpStatusCode.OK), 1)
            .GetProperty("status").GetString().ShouldBe("planned");

        var after = await GivenAsync(doseId, "2026-11-23");
        Dose(after, 1).GetProperty("status").GetString().ShouldBe("given");
    }

    [Fact]
    public async Task Given_MissingOrEmptyBody_Returns400()
    {
        var patientId = await Api.CreatePatientAsync(_client);
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "natalizumab", start = "2026-03-02" });
        var doseId = DoseId(regimen, 1);

        await Api.ProblemAsync(await _client.PostAsync($"/api/doses/{doseId}/given", null), HttpStatusCode.BadRequest);
        await Api.ValidationProblemAsync(await _client.PostRawAsync($"/api/doses/{doseId}/given", "{}"), "date");
        await Api.ProblemAsync(await _client.PostRawAsync($"/api/doses/{doseId}/given", "{\"date\": \"yesterday\"}"), HttpStatusCode.BadRequest);
        await Api.ProblemAsync(await _client.PostRawAsync($"/api/doses/{doseId}/given", "{\"date\": "), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Given_UnknownDose_Returns404()
    {
        await Api.ProblemAsync(await _client.PostJsonAsync("/api/doses/987654321/given", new { date = "2026-11-02" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Missed_UnknownDose_Returns404()
    {
        await Api.ProblemAsync(await _client.PostAsync("/api/doses/987654321/missed", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Given_OutOfOrder_Returns409()
    {
        var patientId = await Api.CreatePatientAsync(_client);
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "natalizumab", start = "2026-08-03" });

        await Api.ProblemAsync(
            await _client.PostJsonAsync($"/api/doses/{DoseId(regimen, 2)}/given", new { date = "2026-08-31" }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Missed_ThenGiven_Works_AndReanchors()
    {
        var patientId = await Api.CreatePatientAsync(_client, "Forgetful");
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "natalizumab", start = "2026-09-07" });
        var doseId = DoseId(regimen, 1);

        var missed = await Api.ReadAsync(await _client.PostAsync($"/api/doses/{doseId}/missed", null), HttpStatusCode.OK);
        Dose(missed, 1).GetProperty("status").GetString().ShouldBe("missed");
        Dose(missed, 2).GetProperty("status").GetString().ShouldBe("planned");

        var given = await GivenAsync(doseId, "2026-09-10");
        Dose(given, 1).GetProperty("status").GetString().ShouldBe("given");
        Dose(given, 1).GetProperty("givenOn").GetString().ShouldBe("2026-09-10");
        Dose(given, 2).GetProperty("date").GetString().ShouldBe("2026-10-08"); // 28 days after the actual date

        var problem = await Api.ProblemAsync(await _client.PostAsync($"/api/doses/{doseId}/missed", null), HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("given");
    }

    [Fact]
    public async Task Missed_ThenLaterDoseGiven_IsAllowed()
    {
        var patientId = await Api.CreatePatientAsync(_client, "Skipper");
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "natalizumab", start = "2026-08-03" });

        await Api.ReadAsync(await _client.PostAsync($"/api/doses/{DoseId(regimen, 1)}/missed", null), HttpStatusCode.OK);
        var after = await GivenAsync(DoseId(regimen, 2), "2026-08-31");

        Dose(after, 1).GetProperty("status").GetString().ShouldBe("missed");
        Dose(after, 2).GetProperty("status").GetString().ShouldBe("given");
    }

    [Fact]
    public async Task Given_MitoxantroneWholeSeries_CompletesAtTheCap()
    {
        var patientId = await Api.CreatePatientAsync(_client, "Completer", heightCm: 162, weightKg: 72);
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "mitoxantrone", start = "2026-02-02", priorCumulativeMgPerM2 = 108 });
        regimen.Doses().Length.ShouldBe(2); // 108 + 2 × 12 = 132 ≤ 140

        await GivenAsync(DoseId(regimen, 1), "2026-02-02");
        var done = await GivenAsync(DoseId(regimen, 2), "2026-05-04");

        done.Doses().ShouldAllBe(d => d.GetProperty("status").GetString() == "given");
        done.GetProperty("status").GetString().ShouldBe("completed");
    }

    [Fact]
    public async Task Regimen_Unknown_Returns404()
    {
        await Api.ProblemAsync(await _client.GetAsync("/api/regimens/987654321"), HttpStatusCode.NotFound);
        await Api.ProblemAsync(await _client.GetAsync("/api/patients/987654321/regimens"), HttpStatusCode.NotFound);
    }
}
