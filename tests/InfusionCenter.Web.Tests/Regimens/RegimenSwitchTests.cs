using System.Net;
using System.Text.Json;

namespace InfusionCenter.Web.Tests.Regimens;

/// <summary>
/// Switching therapy in one step (issue 12): <c>POST /api/regimens/{id}/switch</c> stops the regimen (doses not given
/// and their appointments cancelled) and enrols the patient on the new protocol in one transaction; when the new
/// enrolment is refused the old regimen is untouched. Today is Monday 2026-11-23 (<see cref="FixedClockAppFixture"/>).
/// </summary>
public sealed class RegimenSwitchTests(FixedClockAppFixture fixture) : IClassFixture<FixedClockAppFixture>
{
    private readonly HttpClient _client = fixture.App.CreateClientAs("Nurse");

    [Fact]
    public async Task Switch_StopsTheOldRegimen_CancelsItsAppointment_AndEnrolsTheNewOne()
    {
        var patientId = await Api.CreatePatientAsync(_client, "Switcher");
        var old = await Api.EnrolAsync(_client, patientId, new { protocol = "natalizumab", start = "2026-11-30" });
        var oldId = old.GetProperty("id").GetInt32();
        var appointmentId = await BookFirstDoseAsync(patientId, old, "2026-11-30T10:00");

        var created = await _client.PostJsonAsync($"/api/regimens/{oldId}/switch", new { enrol = new { protocol = "ocrelizumab", start = "2026-12-14" } });
        var regimen = await Api.ReadAsync(created, HttpStatusCode.Created);

        created.Headers.Location!.ToString().ShouldBe($"/api/regimens/{regimen.GetProperty("id").GetInt32()}");
        regimen.GetProperty("status").GetString().ShouldBe("active");
        regimen.Doses()[0].GetProperty("date").GetString().ShouldBe("2026-12-14");
        regimen.GetProperty("protocol").GetString().ShouldBe("ocrelizumab");
        var stopped = await Api.ReadAsync(await _client.GetAsync($"/api/regimens/{oldId}"), HttpStatusCode.OK);
        stopped.GetProperty("status").GetString().ShouldBe("stopped");
        stopped.GetProperty("stoppedBecause").GetString().ShouldBe("Switching therapy");
        var appointment = await Api.ReadAsync(await _client.GetAsync($"/api/appointments/{appointmentId}"), HttpStatusCode.OK);
        appointment.GetProperty("status").GetString().ShouldBe("cancelled");
    }

    [Fact]
    public async Task Switch_RefusedEnrolment_LeavesTheOldRegimenAndItsAppointmentAsTheyWere()
    {
        var patientId = await Api.CreatePatientAsync(_client, "Stayer");
        var old = await Api.EnrolAsync(_client, patientId, new { protocol = "natalizumab", start = "2026-11-30" });
        var oldId = old.GetProperty("id").GetInt32();
        var appointmentId = await BookFirstDoseAsync(patientId, old, "2026-11-30T13:00");
        await Api.EnrolAsync(_client, patientId, new { protocol = "ocrelizumab", start = "2026-12-07" });

        // The new enrolment would be a second active ocrelizumab regimen: refused after the stop, inside the same transaction.
        var refused = await _client.PostJsonAsync($"/api/regimens/{oldId}/switch", new { reason = "Switching to ocrelizumab", enrol = new { protocol = "ocrelizumab", start = "2026-12-14" } });
        await Api.ProblemAsync(refused, HttpStatusCode.Conflict);

        var still = await Api.ReadAsync(await _client.GetAsync($"/api/regimens/{oldId}"), HttpStatusCode.OK);
        still.GetProperty("status").GetString().ShouldBe("active");
        var appointment = await Api.ReadAsync(await _client.GetAsync($"/api/appointments/{appointmentId}"), HttpStatusCode.OK);
        appointment.GetProperty("status").GetString().ShouldBe("booked");
    }

    [Fact]
    public async Task Switch_WithoutANewProtocol_Is400_AndAnUnknownRegimen404()
    {
        var patientId = await Api.CreatePatientAsync(_client, "Unsure");
        var old = await Api.EnrolAsync(_client, patientId, new { protocol = "natalizumab", start = "2026-11-30" });

        await Api.ValidationProblemAsync(await _client.PostJsonAsync($"/api/regimens/{old.GetProperty("id").GetInt32()}/switch", new { reason = "x" }), "enrol");
        await Api.ValidationProblemAsync(await _client.PostJsonAsync($"/api/regimens/{old.GetProperty("id").GetInt32()}/switch", new { enrol = new { start = "2026-12-14" } }), "protocol");
        await Api.ProblemAsync(await _client.PostJsonAsync("/api/regimens/999999/switch", new { enrol = new { protocol = "ocrelizumab", start = "2026-12-14" } }), HttpStatusCode.NotFound);
    }

    private async Task<int> BookFirstDoseAsync(int patientId, JsonElement regimen, string start)
    {
        var chairs = await Api.ReadAsync(await _client.GetAsync("/api/chairs"), HttpStatusCode.OK);
        var booked = await Api.ReadAsync(await _client.PostJsonAsync("/api/appointments",
            new { patientId, chairId = chairs[0].GetProperty("id").GetInt32(), start, doseId = regimen.Doses()[0].GetProperty("id").GetInt32() }), HttpStatusCode.Created);
        return booked.GetProperty("id").GetInt32();
    }
}
