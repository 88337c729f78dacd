using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace InfusionCenter.Web.Tests.Regimens;

/// <summary>
/// Issue 12, "Regimen lifecycle": a weight change that moves the BSA by more than the clinic's share (default 10 %) flags
/// the doses still to give of a BSA-dosed regimen (the regimen and the due list say so), and a nurse re-doses them in one
/// audited action. Mitoxantrone 12 mg/m², doses rounded to 0.1 mg. 170 cm: 58.4 kg → BSA 1.66 m² (√(170 × 58.4 / 3600)
/// = 1.6607), 72.5 kg → 1.85 m² (1.8503), 62 kg → 1.71 m² (1.7111). Today is Monday 2026-11-23.
/// </summary>
public sealed class RegimenRedoseTests(FixedClockAppFixture fixture) : IClassFixture<FixedClockAppFixture>
{
    /// <summary>Dose 1 given at 1.66 m² (19.9 mg), doses 2–11 at 1.85 m² (22.2 mg).</summary>
    private static readonly decimal[] OneOldThenNew = [19.9m, .. Enumerable.Repeat(22.2m, 10)];

    private readonly HttpClient _nurse = fixture.App.CreateClientAs("Nurse");

    [Fact]
    public async Task Mitoxantrone_WeightChangeTo1Point85_FlagsRegimenAndDueList_RedoseSetsNewAmounts_KeepsGivenDoseAndCap_Audited()
    {
        var patientId = await Api.CreatePatientAsync(_nurse, "Redose", heightCm: 170, weightKg: 58.4m);
        var regimen = await Api.EnrolAsync(_nurse, patientId, new { protocol = "mitoxantrone", start = "2026-08-24", until = "2029-12-31" });
        var regimenId = regimen.GetProperty("id").GetInt32();
        regimen.GetProperty("bsa").GetDecimal().ShouldBe(1.66m);
        regimen.Doses().Length.ShouldBe(11); // 11 × 12 = 132 ≤ 140 mg/m²; a 12th would be 144
        regimen.GetProperty("stopReason").GetString().ShouldBe("cumulative-cap");
        regimen.Doses().ShouldAllBe(d => d.GetProperty("amount").GetDecimal() == 19.9m); // 12 × 1.66 = 19.92
        regimen.GetProperty("bsaChange").ValueKind.ShouldBe(JsonValueKind.Null);
        var ids = regimen.Doses().Select(d => d.GetProperty("id").GetInt32()).ToArray();
        await Api.ReadAsync(await _nurse.PostJsonAsync($"/api/doses/{ids[0]}/given", new { date = "2026-08-24" }), HttpStatusCode.OK);

        await Measure(patientId, 72.5m);

        // Flagged on the regimen: the doses still to give, each with its amount now and at the new BSA (12 × 1.85 = 22.2).
        var change = (await RegimenAsync(regimenId)).GetProperty("bsaChange");
        change.GetProperty("enrolledBsa").GetDecimal().ShouldBe(1.66m);
        change.GetProperty("currentBsa").GetDecimal().ShouldBe(1.85m);
        change.GetProperty("changePercent").GetDecimal().ShouldBe(11.4m); // 0.19 / 1.66
        var lines = change.GetProperty("doses").EnumerateArray().ToArray();
        lines.Select(l => l.GetProperty("doseId").GetInt32()).ShouldBe(ids[1..]);
        lines.ShouldAllBe(l => l.GetProperty("amount").GetDecimal() == 19.9m && l.GetProperty("newAmount").GetDecimal() == 22.2m);

        // ...and on the due list (dose 2: target 2026-11-24, window open since 11-17).
        var row = (await DueAsync()).Single(d => d.GetProperty("doseId").GetInt32() == ids[1]);
        row.GetProperty("bsaChange").GetProperty("currentBsa").GetDecimal().ShouldBe(1.85m);
        row.GetProperty("bsaChange").GetProperty("doses")[0].GetProperty("newAmount").GetDecimal().ShouldBe(22.2m);

        var redosed = await Api.ReadAsync(await _nurse.PostJsonAsync($"/api/regimens/{regimenId}/redose", new { bsa = 1.85m }), HttpStatusCode.OK);

        redosed.GetProperty("bsa").GetDecimal().ShouldBe(1.85m);
        redosed.GetProperty("bsaChange").ValueKind.ShouldBe(JsonValueKind.Null);
        var doses = redosed.Doses();
        doses.Select(d => d.GetProperty("amount").GetDecimal()).ShouldBe(OneOldThenNew); // dose 1 was given at 19.9
        doses.ShouldAllBe(d => d.GetProperty("amountPerM2").GetDecimal() == 12m);
        redosed.GetProperty("plannedMgPerM2").GetDecimal().ShouldBe(132m); // the cap counts mg/m²: same doses, same total
        (await DueAsync()).Single(d => d.GetProperty("doseId").GetInt32() == ids[1]).GetProperty("bsaChange").ValueKind.ShouldBe(JsonValueKind.Null);

        // Audited: each dose's amount before → after, and the regimen's BSA, by the nurse.
        using var admin = fixture.App.CreateClientAs("Admin");
        var doseChange = await AuditedChangeAsync(admin, "Dose", ids[1], "Amount");
        (doseChange.Before, doseChange.After, doseChange.User).ShouldBe((19.9m, 22.2m, "nurse@infusion.test"));
        var bsaAudit = await AuditedChangeAsync(admin, "Regimen", regimenId, "Bsa");
        (bsaAudit.Before, bsaAudit.After).ShouldBe((1.66m, 1.85m));

        // Nothing left to apply.
        var again = await Api.ProblemAsync(await _nurse.PostJsonAsync($"/api/regimens/{regimenId}/redose", new { }), HttpStatusCode.Conflict);
        again.GetProperty("detail").GetString()!.ShouldContain("already calculated for the patient's current BSA (1.85 m²)");

        // Recording the next dose recalculates the series at the new BSA and leaves the dose given at 19.9 mg as it was.
        var after = await Api.ReadAsync(await _nurse.PostJsonAsync($"/api/doses/{ids[1]}/given", new { date = "2026-11-23" }), HttpStatusCode.OK);
        after.Doses().Select(d => d.GetProperty("amount").GetDecimal()).ShouldBe(OneOldThenNew);
    }

    [Fact]
    public async Task AChangeUnderTheShare_IsNotFlagged_ButANurseMayStillRedose()
    {
        var patientId = await Api.CreatePatientAsync(_nurse, "Smallchange", heightCm: 170, weightKg: 58.4m);
        var regimen = await Api.EnrolAsync(_nurse, patientId, new { protocol = "mitoxantrone", start = "2026-11-30" });
        var regimenId = regimen.GetProperty("id").GetInt32();

        await Measure(patientId, 62m); // 1.66 → 1.71 m²: +3.0 %

        (await RegimenAsync(regimenId)).GetProperty("bsaChange").ValueKind.ShouldBe(JsonValueKind.Null);
        var row = (await DueAsync()).Single(d => d.GetProperty("patientId").GetInt32() == patientId);
        row.GetProperty("bsaChange").ValueKind.ShouldBe(JsonValueKind.Null);

        // The share decides what is flagged; re-dosing on purpose (no body) still applies the current BSA: 12 × 1.71 = 20.52.
        var redosed = await Api.ReadAsync(await _nurse.PostAsync($"/api/regimens/{regimenId}/redose", null), HttpStatusCode.OK);
        redosed.GetProperty("bsa").GetDecimal().ShouldBe(1.71m);
        redosed.Doses().ShouldAllBe(d => d.GetProperty("amount").GetDecimal() == 20.5m);
    }

    [Fact]
    public async Task ANonBsaDrug_IsNeverFlagged_AndCannotBeRedosed()
    {
        var patientId = await Api.CreatePatientAsync(_nurse, "Flatdose", heightCm: 170, weightKg: 58.4m);
        var regimen = await Api.EnrolAsync(_nurse, patientId, new { protocol = "natalizumab", start = "2026-11-30" });
        var regimenId = regimen.GetProperty("id").GetInt32();

        await Measure(patientId, 72.5m);

        var current = await RegimenAsync(regimenId);
        current.GetProperty("bsaChange").ValueKind.ShouldBe(JsonValueKind.Null);
        current.Doses().ShouldAllBe(d => d.GetProperty("amount").GetDecimal() == 300m);
        (await DueAsync()).Where(d => d.GetProperty("patientId").GetInt32() == patientId)
            .ShouldAllBe(d => d.GetProperty("bsaChange").ValueKind == JsonValueKind.Null);
        var refused = await Api.ProblemAsync(await _nurse.PostJsonAsync($"/api/regimens/{regimenId}/redose", new { }), HttpStatusCode.Conflict);
        refused.GetProperty("detail").GetString()!.ShouldContain("Natalizumab is not dosed by body surface area");
    }

    [Fact]
    public async Task Redose_ABsaOtherThanTheOneConfirmed_Is409AndSavesNothing_ManagersAre403_BadInput400_Unknown404()
    {
        var patientId = await Api.CreatePatientAsync(_nurse, "Stale", heightCm: 170, weightKg: 58.4m);
        var regimen = await Api.EnrolAsync(_nurse, patientId, new { protocol = "mitoxantrone", start = "2026-11-30" });
        var regimenId = regimen.GetProperty("id").GetInt32();
        await Measure(patientId, 72.5m);

        // The nurse confirmed the amounts for 1.85 m², then someone measured again (1.71 m²): nothing is applied.
        await Measure(patientId, 62m);
        var stale = await Api.ProblemAsync(await _nurse.PostJsonAsync($"/api/regimens/{regimenId}/redose", new { bsa = 1.85m }), HttpStatusCode.Conflict);
        stale.GetProperty("detail").GetString()!.ShouldContain("now 1.71 m², not the 1.85 m² you confirmed");
        var unchanged = await RegimenAsync(regimenId);
        unchanged.GetProperty("bsa").GetDecimal().ShouldBe(1.66m);
        unchanged.Doses().ShouldAllBe(d => d.GetProperty("amount").GetDecimal() == 19.9m);

        using var manager = fixture.App.CreateClientAs("Manager");
        (await manager.PostJsonAsync($"/api/regimens/{regimenId}/redose", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await Api.ValidationProblemAsync(await _nurse.PostJsonAsync($"/api/regimens/{regimenId}/redose", new { bsa = 40 }), "bsa");
        await Api.ProblemAsync(await _nurse.PostJsonAsync("/api/regimens/999999/redose", new { }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ConcurrentRedoses_OneApplies_TheOthersAre409_NeverA500()
    {
        var patientId = await Api.CreatePatientAsync(_nurse, "Racer", heightCm: 170, weightKg: 58.4m);
        var regimen = await Api.EnrolAsync(_nurse, patientId, new { protocol = "mitoxantrone", start = "2026-11-30" });
        var regimenId = regimen.GetProperty("id").GetInt32();
        await Measure(patientId, 72.5m);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
            (await _nurse.PostJsonAsync($"/api/regimens/{regimenId}/redose", new { bsa = 1.85m })).StatusCode)));

        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(1, string.Join(",", statuses));
        statuses.Count(s => s == HttpStatusCode.Conflict).ShouldBe(5, string.Join(",", statuses));
        (await RegimenAsync(regimenId)).Doses().ShouldAllBe(d => d.GetProperty("amount").GetDecimal() == 22.2m);
    }

    private async Task Measure(int patientId, decimal weightKg) =>
        await Api.ReadAsync(await _nurse.PutAsJsonAsync($"/api/patients/{patientId}/measurements", new { heightCm = 170, weightKg }), HttpStatusCode.OK);

    private async Task<JsonElement> RegimenAsync(int regimenId) =>
        await Api.ReadAsync(await _nurse.GetAsync($"/api/regimens/{regimenId}"), HttpStatusCode.OK);

    private async Task<JsonElement[]> DueAsync() =>
        (await Api.ReadAsync(await _nurse.GetAsync("/api/worklist?weeks=4"), HttpStatusCode.OK)).EnumerateArray().ToArray();

    /// <summary>The one audited update of <paramref name="field"/> on an entity: its value before and after, and who made it.</summary>
    private static async Task<(decimal Before, decimal After, string User)> AuditedChangeAsync(HttpClient admin, string entityType, int id, string field)
    {
        var page = await Api.ReadAsync(await admin.GetAsync($"/api/audit?entityType={entityType}&entityId={id}&action=Updated"), HttpStatusCode.OK);
        var row = page.GetProperty("items").EnumerateArray().Single(r => JsonDocument.Parse(r.GetProperty("changes").GetString()!).RootElement.TryGetProperty(field, out _));
        var change = JsonDocument.Parse(row.GetProperty("changes").GetString()!).RootElement.GetProperty(field);
        return (change.GetProperty("before").GetDecimal(), change.GetProperty("after").GetDecimal(), row.GetProperty("user").GetString()!);
    }
}
