using System.Net;
using System.Text.Json;

namespace InfusionCenter.Web.Tests.Regimens;

/// <summary>
/// API.md "Lifecycles" for regimens: stopping cancels future doses and their appointments in one transaction; a second
/// active regimen on the same drug needs a confirmation with a reason; a prior dose at the lifetime cap is refused.
/// Today is Monday 2026-11-23 (<see cref="FixedClockAppFixture"/>).
/// </summary>
public sealed class RegimenLifecycleTests(FixedClockAppFixture fixture) : IClassFixture<FixedClockAppFixture>
{
    private readonly HttpClient _client = fixture.App.CreateClientAs("Nurse");

    [Fact]
    public async Task Stop_CancelsTheDosesNotGiven_AndTheirAppointments_AndIsFinal()
    {
        var patientId = await Api.CreatePatientAsync(_client, "Stopper");
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "natalizumab", start = "2026-11-30" });
        var firstDose = regimen.Doses()[0].GetProperty("id").GetInt32();
        var chairs = await Api.ReadAsync(await _client.GetAsync("/api/chairs"), HttpStatusCode.OK);
        var booked = await Api.ReadAsync(await _client.PostJsonAsync("/api/appointments",
            new { patientId, chairId = chairs[0].GetProperty("id").GetInt32(), start = "2026-11-30T10:00", doseId = firstDose }), HttpStatusCode.Created);
        var appointmentId = booked.GetProperty("id").GetInt32();

        var stopped = await Api.ReadAsync(await _client.PostJsonAsync($"/api/regimens/{regimen.GetProperty("id").GetInt32()}/stop",
            new { reason = "Switching therapy" }), HttpStatusCode.OK);

        stopped.GetProperty("status").GetString().ShouldBe("stopped");
        stopped.GetProperty("stoppedBecause").GetString().ShouldBe("Switching therapy");
        stopped.GetProperty("stoppedOn").GetString().ShouldBe("2026-11-23");
        stopped.Doses().ShouldAllBe(d => d.GetProperty("status").GetString() == "cancelled");
        var appointment = await Api.ReadAsync(await _client.GetAsync($"/api/appointments/{appointmentId}"), HttpStatusCode.OK);
        appointment.GetProperty("status").GetString().ShouldBe("cancelled");
        appointment.GetProperty("cancelReason").GetString()!.ShouldContain("Switching therapy");

        await Api.ProblemAsync(await _client.PostJsonAsync($"/api/regimens/{regimen.GetProperty("id").GetInt32()}/stop", new { reason = "again" }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Stop_WithoutAReason_Is400_AndUnknownRegimen404()
    {
        var patientId = await Api.CreatePatientAsync(_client, "Noreason");
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "natalizumab", start = "2026-11-30" });

        await Api.ValidationProblemAsync(await _client.PostJsonAsync($"/api/regimens/{regimen.GetProperty("id").GetInt32()}/stop", new { reason = " " }), "reason");
        await Api.ProblemAsync(await _client.PostJsonAsync("/api/regimens/999999/stop", new { reason = "x" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ASecondActiveRegimenOnTheSameDrug_Is409_UnlessConfirmedWithAReason()
    {
        var patientId = await Api.CreatePatientAsync(_client, "Twice");
        await Api.EnrolAsync(_client, patientId, new { protocol = "natalizumab", start = "2026-11-30" });

        var again = await _client.PostJsonAsync($"/api/patients/{patientId}/regimens", new { protocol = "natalizumab", start = "2026-12-07" });
        var problem = await Api.ProblemAsync(again, HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("already has an active");

        await Api.ValidationProblemAsync(await _client.PostJsonAsync($"/api/patients/{patientId}/regimens",
            new { protocol = "natalizumab", start = "2026-12-07", confirmDuplicate = true }), "reason");

        var confirmed = await Api.ReadAsync(await _client.PostJsonAsync($"/api/patients/{patientId}/regimens",
            new { protocol = "natalizumab", start = "2026-12-07", confirmDuplicate = true, reason = "Restart after pregnancy; old plan to be stopped" }), HttpStatusCode.Created);
        confirmed.GetProperty("duplicateReason").GetString()!.ShouldStartWith("Restart");
    }

    [Fact]
    public async Task ConcurrentEnrolmentsOnTheSameDrug_OnlyOneIsAccepted()
    {
        var patientId = await Api.CreatePatientAsync(_client, "Racer");

        var statuses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
            (await _client.PostJsonAsync($"/api/patients/{patientId}/regimens", new { protocol = "natalizumab", start = "2026-11-30" })).StatusCode)));

        statuses.Count(s => s == HttpStatusCode.Created).ShouldBe(1);
        statuses.Count(s => s == HttpStatusCode.Conflict).ShouldBe(5);
    }

    [Fact]
    public async Task APriorCumulativeDoseAtTheCap_Is400OnThatField()
    {
        var patientId = await Api.CreatePatientAsync(_client, "Capped", heightCm: 170, weightKg: 70);

        var response = await _client.PostJsonAsync($"/api/patients/{patientId}/regimens",
            new { protocol = "mitoxantrone", start = "2026-11-30", priorCumulativeMgPerM2 = 200 });

        await Api.ValidationProblemAsync(response, "priorCumulativeMgPerM2");
        (await response.Content.ReadAsStringAsync()).ShouldContain("lifetime cap of 140");
    }
}
