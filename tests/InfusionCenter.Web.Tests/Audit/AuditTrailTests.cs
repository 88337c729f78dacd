using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using InfusionCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Tests.Audit;

/// <summary>
/// Finding 6: the audit trail reads as words — clinic-local times (not UTC), entities by name (the patient for
/// patient-related rows), changed fields as "field: before → after" — and its entity filter offers every type recorded.
/// The clock stands at Monday 2026-11-23 14:30 UTC, 09:30 in the clinic (America/New_York).
/// </summary>
public sealed class AuditTrailTests(FixedClockAppFixture fixture) : IClassFixture<FixedClockAppFixture>
{
    private readonly HttpClient _admin = fixture.App.CreateClientAs("Admin");

    private async Task<(int Id, string Mrn)> CreatePatientAsync(string given = "Maria", string family = "Alvarez")
    {
        var mrn = "A" + Guid.NewGuid().ToString("N")[..9].ToUpperInvariant();
        var patient = await Api.ReadAsync(await _admin.PostJsonAsync("/api/patients",
            new { mrn, givenName = given, familyName = family, birthDate = "1979-05-02", heightCm = 170, weightKg = 70 }), HttpStatusCode.Created);
        return (patient.GetProperty("id").GetInt32(), mrn);
    }

    private async Task<JsonElement[]> AuditAsync(HttpClient client, string query)
    {
        var page = await Api.ReadAsync(await client.GetAsync($"/api/audit?{query}"), HttpStatusCode.OK);
        page.GetProperty("total").GetInt32().ShouldBeGreaterThan(0, query);
        return page.GetProperty("items").EnumerateArray().ToArray();
    }

    private static (string Field, string? Before, string? After)[] Changes(JsonElement row) =>
        row.GetProperty("changeList").EnumerateArray()
            .Select(c => (c.GetProperty("field").GetString()!, c.GetProperty("before").GetString(), c.GetProperty("after").GetString()))
            .ToArray();

    [Theory]
    [InlineData("Admin")]
    [InlineData("Manager")]
    public async Task PatientChange_ReadsInClinicTime_NamesThePatient_ListsBeforeAndAfterInWords(string role)
    {
        var (patientId, mrn) = await CreatePatientAsync();
        await Api.ReadAsync(await _admin.PutAsync($"/api/patients/{patientId}/measurements",
            System.Net.Http.Json.JsonContent.Create(new { heightCm = 172, weightKg = 70 })), HttpStatusCode.OK);

        using var reader = fixture.App.CreateClientAs(role);
        var rows = await AuditAsync(reader, $"entityType=Patient&entityId={patientId}");
        var updated = rows.First(r => r.GetProperty("action").GetString() == "Updated");

        // Clinic time, not UTC (the stored instant stays in "at").
        updated.GetProperty("at").GetString().ShouldStartWith("2026-11-23T14:30");
        updated.GetProperty("localAt").GetString().ShouldStartWith("2026-11-23T09:30");
        updated.GetProperty("timeZone").GetString().ShouldBe("America/New_York");

        // The entity by name, for the roles that open the trail (admins and managers may see patient names).
        updated.GetProperty("entityName").GetString().ShouldBe($"Patient Maria Alvarez (MRN {mrn})");
        updated.GetProperty("actionLabel").GetString().ShouldBe("Changed");

        // Before → after in words: readable field names, numbers as written, no keys or raw JSON.
        var changes = Changes(updated);
        changes.ShouldContain(("Height (cm)", "170", "172"));
        changes.ShouldNotContain(c => c.Field == "Weight (kg)", "an unchanged field is not listed");

        var created = rows.Single(r => r.GetProperty("action").GetString() == "Created");
        var fields = Changes(created);
        fields.ShouldContain(("Family name", null, "Alvarez"));
        fields.ShouldContain(("Given name", null, "Maria"));
        fields.ShouldContain(("MRN", null, mrn));
        fields.ShouldNotContain(c => c.Field == "Id" || c.Field == "Search text" || c.Field.Contains("Json", StringComparison.Ordinal));
        fields.ShouldNotContain(c => Regex.IsMatch(c.Field, "[a-z][A-Z]"), "field names are words, not identifiers");
        fields.ShouldContain(("Preferred time", null, "No preference"));

        // The recorded facts stay in the API for scripts (the contract keeps "changes" as recorded).
        updated.GetProperty("changes").GetString()!.ShouldContain("HeightCm");
    }

    [Fact]
    public async Task AppointmentDoseAndCheck_NameTheirPatientChairAndDrug_StatusesInWords()
    {
        var (patientId, mrn) = await CreatePatientAsync("Hana", "Quinlan");
        var regimen = await Api.EnrolAsync(_admin, patientId, new { protocol = "natalizumab", start = "2026-11-30" });
        var doseId = AppointmentTestSupport.DoseId(regimen, 1);
        var (chairId, chairName) = await AppointmentTestSupport.CreateChairAsync(_admin);
        var appointment = await AppointmentTestSupport.BookedAsync(_admin, patientId, chairId, "2026-11-30T10:00", minutes: 120, doseId: doseId);
        var appointmentId = appointment.Id();
        await Api.ReadAsync(await _admin.PostJsonAsync($"/api/appointments/{appointmentId}/checks/touch-authorization", new { note = "TOUCH authorized" }), HttpStatusCode.OK);
        var patient = $"Hana Quinlan (MRN {mrn})";

        var booked = (await AuditAsync(_admin, $"entityType=Appointment&entityId={appointmentId}")).Single();
        booked.GetProperty("entityName").GetString().ShouldBe($"Appointment Mon 2026-11-30 10:00 on {chairName} (Natalizumab)");
        booked.GetProperty("patient").GetString().ShouldBe(patient);
        var fields = Changes(booked);
        fields.ShouldContain(("Chair", null, chairName));
        fields.ShouldContain(("Starts", null, "2026-11-30 10:00"));
        fields.ShouldContain(("Ends", null, "2026-11-30 12:00"));
        fields.ShouldContain(("Status", null, "Booked"));
        fields.ShouldNotContain(c => c.Field == "Patient id" || c.Field == "Dose id");

        var dose = (await AuditAsync(_admin, $"entityType=Dose&entityId={doseId}")).First(r => r.GetProperty("action").GetString() == "Updated");
        dose.GetProperty("entityName").GetString()!.ShouldStartWith("Dose 1 of Natalizumab");
        dose.GetProperty("patient").GetString().ShouldBe(patient);
        Changes(dose).ShouldContain(("Status", "Planned", "Booked"));

        var check = (await AuditAsync(_admin, "entityType=SafetyCheck&action=Created&take=20")).First(r => r.GetProperty("patient").GetString() == patient);
        check.GetProperty("entityName").GetString().ShouldBe("Safety check TOUCH authorization on Mon 2026-11-23");
        Changes(check).ShouldContain(("Note", null, "TOUCH authorized"));
    }

    [Fact]
    public async Task CreatedRows_RecordTheStoredKeys_NotTemporaryOnes()
    {
        var (patientId, _) = await CreatePatientAsync("Ines", "Sørensen");
        var regimen = await Api.EnrolAsync(_admin, patientId, new { protocol = "natalizumab", start = "2026-12-07" });
        var regimenId = regimen.GetProperty("id").GetInt32();
        var doseId = AppointmentTestSupport.DoseId(regimen, 2);

        await using var db = await fixture.App.CreateDbContextAsync();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == "Dose" && a.EntityId == doseId.ToString() && a.Action == "Created");
        using var json = JsonDocument.Parse(entry.Changes!);
        json.RootElement.GetProperty("Id").GetProperty("after").GetInt32().ShouldBe(doseId);
        json.RootElement.GetProperty("RegimenId").GetProperty("after").GetInt32().ShouldBe(regimenId, "the regimen was inserted in the same save");
    }

    [Fact]
    public async Task EntityTypeFilter_ListsTheTypesRecorded_SafetyChecksOnceOneIsRecorded()
    {
        await using (var db = await fixture.App.CreateDbContextAsync())
        {
            await db.AuditEntries.Where(a => a.EntityType == "SafetyCheck").ExecuteDeleteAsync();
        }

        async Task<(string Type, string Label)[]> TypesAsync() =>
            (await Api.ReadAsync(await _admin.GetAsync("/api/audit/entity-types"), HttpStatusCode.OK)).EnumerateArray()
                .Select(t => (t.GetProperty("type").GetString()!, t.GetProperty("label").GetString()!)).ToArray();

        (await TypesAsync()).ShouldNotContain(t => t.Type == "SafetyCheck");

        var (patientId, _) = await CreatePatientAsync("Olu", "Okafor");
        var regimen = await Api.EnrolAsync(_admin, patientId, new { protocol = "natalizumab", start = "2026-12-14" });
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_admin);
        var appointment = await AppointmentTestSupport.BookedAsync(_admin, patientId, chairId, "2026-12-14T09:00", minutes: 120, doseId: AppointmentTestSupport.DoseId(regimen, 1));
        await Api.ReadAsync(await _admin.PostJsonAsync($"/api/appointments/{appointment.Id()}/checks/touch-authorization", new { }), HttpStatusCode.OK);

        var types = await TypesAsync();
        types.ShouldContain(("SafetyCheck", "Safety check"));
        types.ShouldContain(("ProtocolVersion", "Protocol version"));

        // Exactly the types in the table: derived from the rows, not a list kept by hand.
        await using var check = await fixture.App.CreateDbContextAsync();
        var recorded = await check.AuditEntries.Select(a => a.EntityType).Distinct().ToListAsync();
        types.Select(t => t.Type).Order().ShouldBe(recorded.Order());
        types.ShouldNotContain(t => Regex.IsMatch(t.Label, "[a-z][A-Z]"), "labels are words");
    }

    [Fact]
    public async Task Search_Pages_NewestFirst_AndNamesTheWholePageInOneGo()
    {
        for (var i = 0; i < 3; i++)
        {
            await CreatePatientAsync("Page", $"Tester{i}");
        }

        var page = await Api.ReadAsync(await _admin.GetAsync("/api/audit?entityType=Patient&action=Created&take=2"), HttpStatusCode.OK);
        var items = page.GetProperty("items").EnumerateArray().ToArray();
        items.Length.ShouldBe(2);
        page.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(3);
        items[0].GetProperty("id").GetInt64().ShouldBeGreaterThan(items[1].GetProperty("id").GetInt64());
        items.ShouldAllBe(r => r.GetProperty("entityName").GetString()!.StartsWith("Patient Page Tester", StringComparison.Ordinal));

        var next = await Api.ReadAsync(await _admin.GetAsync("/api/audit?entityType=Patient&action=Created&take=2&skip=2"), HttpStatusCode.OK);
        next.GetProperty("items").EnumerateArray().First().GetProperty("id").GetInt64().ShouldBeLessThan(items[1].GetProperty("id").GetInt64());
    }
}
