using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InfusionCenter.Testing;

namespace InfusionCenter.Web.Tests.Monitoring;

/// <summary>After-treatment monitoring (protocol data): who is due, recording a step, and when monitoring ends. Today is 2026-11-23.</summary>
public sealed class MonitoringTests(FixedClockAppFixture fixture) : IClassFixture<FixedClockAppFixture>
{
    private readonly HttpClient _client = fixture.App.CreateClient();

    private async Task GiveAsync(JsonElement regimen, int sequence, string date) =>
        await Api.ReadAsync(await _client.PostJsonAsync($"/api/doses/{AppointmentTestSupport.DoseId(regimen, sequence)}/given", new { date }), HttpStatusCode.OK);

    private async Task<JsonElement[]> ListAsync(string query = "") =>
        (await Api.ReadAsync(await _client.GetAsync($"/api/monitoring{query}"), HttpStatusCode.OK)).EnumerateArray().ToArray();

    [Fact]
    public async Task AlemtuzumabLabs_DueAMonthAfterTheLastDose_RecordingMovesTheNextDue_For48Months()
    {
        var patientId = await Api.CreatePatientAsync(_client, "Lemtrada");
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "alemtuzumab", start = "2026-10-05" });
        (await ListAsync()).ShouldNotContain(i => i.GetProperty("patientId").GetInt32() == patientId, "monitoring starts with the first dose given");
        for (var day = 1; day <= 5; day++)
        {
            await GiveAsync(regimen, day, $"2026-10-{4 + day:00}");
        }

        var labs = (await ListAsync()).Single(i => i.GetProperty("patientId").GetInt32() == patientId && i.GetProperty("code").GetString() == "monthly-labs");
        labs.GetProperty("lastDose").GetString().ShouldBe("2026-10-09");
        labs.GetProperty("nextDue").GetString().ShouldBe("2026-11-09"); // a month after the last dose
        labs.GetProperty("status").GetString().ShouldBe("overdue");
        labs.GetProperty("until").GetString().ShouldBe("2030-10-09"); // 48 months after the last dose
        labs.GetProperty("lastDone").ValueKind.ShouldBe(JsonValueKind.Null);

        var recorded = await Api.ReadAsync(await _client.PostJsonAsync($"/api/patients/{patientId}/monitoring/monthly-labs", new { date = "2026-11-20", note = "CBC, creatinine, urinalysis normal" }), HttpStatusCode.OK);
        recorded.GetProperty("lastDone").GetString().ShouldBe("2026-11-20");
        recorded.GetProperty("lastDoneBy").GetString().ShouldBe("admin@infusion.test");
        recorded.GetProperty("nextDue").GetString().ShouldBe("2026-12-20");
        recorded.GetProperty("status").GetString().ShouldBe("upcoming");

        // Audited: who recorded which step for which patient.
        var audit = await Api.ReadAsync(await _client.GetAsync("/api/audit?entityType=SafetyCheck&action=Created&take=200"), HttpStatusCode.OK);
        audit.GetProperty("items").EnumerateArray().ShouldContain(a =>
            a.GetProperty("user").GetString() == "admin@infusion.test" && a.GetProperty("changes").GetString()!.Contains("monthly-labs")
            && a.GetProperty("changes").GetString()!.Contains("2026-11-20"));

        // Recorded without a date: today, due again a month later.
        var today = await Api.ReadAsync(await _client.PostJsonAsync($"/api/patients/{patientId}/monitoring/monthly-labs", new { }), HttpStatusCode.OK);
        today.GetProperty("lastDone").GetString().ShouldBe("2026-11-23");
        today.GetProperty("nextDue").GetString().ShouldBe("2026-12-23");
    }

    [Fact]
    public async Task MitoxantroneYearlyLvef_HasNoEnd_OverdueFirstInTheList()
    {
        var patientId = await Api.CreatePatientAsync(_client, "Novantrone", heightCm: 170, weightKg: 70);
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "mitoxantrone", start = "2025-08-04" });
        await GiveAsync(regimen, 1, "2025-08-04"); // a year ago: the yearly LVEF after it is overdue

        var list = await ListAsync();
        var lvef = list.Single(i => i.GetProperty("patientId").GetInt32() == patientId && i.GetProperty("code").GetString() == "yearly-lvef-after-stopping");
        lvef.GetProperty("nextDue").GetString().ShouldBe("2026-08-04");
        lvef.GetProperty("status").GetString().ShouldBe("overdue");
        lvef.GetProperty("until").ValueKind.ShouldBe(JsonValueKind.Null);
        var statuses = list.Select(i => i.GetProperty("status").GetString()).ToList();
        statuses.ShouldBe(statuses.OrderBy(s => s switch { "overdue" => 0, "due" => 1, "upcoming" => 2, _ => 3 }).ToList());
    }

    [Fact]
    public async Task MonitoringEnds_TheDurationAfterTheLastDose_AndEndedRowsAreHiddenUnlessAsked()
    {
        var patientId = await Api.CreatePatientAsync(_client, "Finished");
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "alemtuzumab", start = "2021-06-07", until = "2021-12-31" });
        for (var day = 1; day <= 5; day++)
        {
            await GiveAsync(regimen, day, $"2021-06-{6 + day:00}");
        }

        (await ListAsync()).ShouldNotContain(i => i.GetProperty("patientId").GetInt32() == patientId); // 2021-06-11 + 48 months = 2025-06-11
        var ended = (await ListAsync("?includeEnded=true")).Single(i => i.GetProperty("patientId").GetInt32() == patientId);
        ended.GetProperty("status").GetString().ShouldBe("ended");
        ended.GetProperty("until").GetString().ShouldBe("2025-06-11");
    }

    [Fact]
    public async Task Record_BadInput_IsRefusedWithAReason()
    {
        var patientId = await Api.CreatePatientAsync(_client, "NotMonitored");

        await Api.ProblemAsync(await _client.PostJsonAsync($"/api/patients/{patientId}/monitoring/monthly-labs", new { date = "2026-11-20" }), HttpStatusCode.NotFound);
        await Api.ProblemAsync(await _client.PostJsonAsync("/api/patients/987654321/monitoring/monthly-labs", new { }), HttpStatusCode.NotFound);
        await Api.ValidationProblemAsync(await _client.PostJsonAsync($"/api/patients/{patientId}/monitoring/monthly-labs", new { date = "2026-11-24" }), "date");
        await Api.ProblemAsync(await _client.PostRawAsync($"/api/patients/{patientId}/monitoring/monthly-labs", """{"date": "soon"}"""), HttpStatusCode.BadRequest);
        using var manager = fixture.App.CreateClientAs("Manager");
        (await manager.PostAsJsonAsync($"/api/patients/{patientId}/monitoring/monthly-labs", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await manager.GetAsync("/api/monitoring")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
