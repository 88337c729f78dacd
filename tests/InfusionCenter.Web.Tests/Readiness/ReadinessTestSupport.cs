using System.Net;
using System.Text.Json;

namespace InfusionCenter.Web.Tests.Readiness;

/// <summary>Helpers for the readiness tests: records through the API and a dose's missing codes.</summary>
internal static class ReadinessTestSupport
{
    public static async Task<JsonElement> ReadinessAsync(HttpClient client, int doseId) =>
        await Api.ReadAsync(await client.GetAsync($"/api/doses/{doseId}/readiness"), HttpStatusCode.OK);

    public static async Task<string[]> CodesAsync(HttpClient client, int doseId) =>
        [.. (await ReadinessAsync(client, doseId)).GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("code").GetString()!)];

    public static async Task<JsonElement> AddCoverageAsync(HttpClient client, int patientId, string? verifiedOn = "2026-11-20") =>
        await Api.ReadAsync(await client.PostJsonAsync($"/api/patients/{patientId}/coverage",
            new { payer = "Aetna", plan = "PPO", memberId = "W" + Guid.NewGuid().ToString("N")[..9], primary = true, verifiedOn }), HttpStatusCode.Created);

    public static async Task<JsonElement> ApproveAsync(HttpClient client, int regimenId, string from, string to, int? approvedDoses = null) =>
        await Api.ReadAsync(await client.PostJsonAsync($"/api/regimens/{regimenId}/authorizations",
            new { status = "approved", number = "PA-" + Guid.NewGuid().ToString("N")[..8], approvedFrom = from, approvedTo = to, approvedDoses, siteOfCare = "Infusion center" }),
            HttpStatusCode.Created);

    /// <summary>A patient on natalizumab (every 4 weeks) from <paramref name="start"/>: (patient id, regimen).</summary>
    /// <remarks>Enrolment is a nurse's (clinical) action: coordinators may not enrol.</remarks>
    public static async Task<(int PatientId, JsonElement Regimen)> NatalizumabAsync(InfusionCenter.Testing.InfusionAppFactory app, string start)
    {
        using var nurse = app.CreateClientAs("Nurse");
        var patientId = await Api.CreatePatientAsync(nurse, "Readiness");
        return (patientId, await Api.EnrolAsync(nurse, patientId, new { protocol = "natalizumab", start }));
    }
}
