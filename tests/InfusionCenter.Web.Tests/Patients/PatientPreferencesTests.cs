using System.Globalization;
using System.Net;
using System.Text.Json;
using InfusionCenter.Testing;

namespace InfusionCenter.Web.Tests.Patients;

/// <summary>A patient's scheduling preferences (time of day, weekdays): stored, validated, and used by the slot searches.</summary>
public sealed class PatientPreferencesTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly HttpClient _client = fixture.App.CreateClient();

    private async Task<JsonElement> SetAsync(int patientId, string json, HttpStatusCode expected = HttpStatusCode.OK) =>
        await Api.ReadAsync(await _client.PutRawAsync($"/api/patients/{patientId}/preferences", json), expected);

    [Fact]
    public async Task Preferences_AreStored_ShownOnThePatient_AndClearedWhenOmitted()
    {
        var patientId = await Api.CreatePatientAsync(_client, "Preferring");

        var saved = await SetAsync(patientId, """{"preferredTime": "morning", "preferredWeekdays": ["thursday", "tuesday", "tuesday"]}""");

        saved.GetProperty("preferredTime").GetString().ShouldBe("morning");
        saved.GetProperty("preferredWeekdays").EnumerateArray().Select(d => d.GetString()).ShouldBe(["tuesday", "thursday"]);
        saved.GetProperty("preferencesText").GetString().ShouldBe("mornings · Tue, Thu");
        var read = (await Api.ReadAsync(await _client.GetAsync($"/api/patients/{patientId}"), HttpStatusCode.OK)).GetProperty("patient");
        read.GetProperty("preferredTime").GetString().ShouldBe("morning");

        var cleared = await SetAsync(patientId, "{}");
        cleared.GetProperty("preferredTime").GetString().ShouldBe("none");
        cleared.GetProperty("preferredWeekdays").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task BadPreferences_Return400_AndChangeNothing()
    {
        var patientId = await Api.CreatePatientAsync(_client, "Unchanged");
        await SetAsync(patientId, """{"preferredTime": "afternoon"}""");

        await Api.ProblemAsync(await _client.PutRawAsync($"/api/patients/{patientId}/preferences", """{"preferredTime": "evening"}"""), HttpStatusCode.BadRequest);
        await Api.ValidationProblemAsync(await _client.PutRawAsync($"/api/patients/{patientId}/preferences", """{"preferredWeekdays": [9]}"""), "preferredWeekdays[0]");
        await Api.ProblemAsync(await _client.PutRawAsync("/api/patients/987654321/preferences", "{}"), HttpStatusCode.NotFound);

        var read = (await Api.ReadAsync(await _client.GetAsync($"/api/patients/{patientId}"), HttpStatusCode.OK)).GetProperty("patient");
        read.GetProperty("preferredTime").GetString().ShouldBe("afternoon");
    }

    [Fact]
    public async Task Slots_ForADose_FollowThePatientsPreferredWeekdayAndTime()
    {
        // Natalizumab from Thursday 2027-04-15: dose 1's window is 12..22 April. The patient comes on Tuesdays, mornings.
        var patientId = await Api.CreatePatientAsync(_client, "Tuesday");
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "natalizumab", start = "2027-04-15" });
        var doseId = AppointmentTestSupport.DoseId(regimen, 1);
        var before = (await Api.ReadAsync(await _client.GetAsync($"/api/slots?doseId={doseId}"), HttpStatusCode.OK)).EnumerateArray().ToArray();
        DateOnly.FromDateTime(before[0].Time("start").DateTime).ShouldBe(new DateOnly(2027, 4, 15)); // no preference: the target day

        await SetAsync(patientId, """{"preferredTime": "morning", "preferredWeekdays": ["tuesday"]}""");
        var slots = (await Api.ReadAsync(await _client.GetAsync($"/api/slots?doseId={doseId}"), HttpStatusCode.OK)).EnumerateArray().ToArray();

        var first = slots[0].Time("start");
        DateOnly.FromDateTime(first.DateTime).ShouldBe(new DateOnly(2027, 4, 13)); // the Tuesday two days before the target
        first.Hour.ShouldBeLessThan(12);
        var worklist = (await Api.ReadAsync(await _client.GetAsync("/api/worklist?weeks=52"), HttpStatusCode.OK)).EnumerateArray();
        worklist.Single(d => d.GetProperty("doseId").GetInt32() == doseId).GetProperty("preferences").GetString().ShouldBe("mornings · Tue");
    }
}
