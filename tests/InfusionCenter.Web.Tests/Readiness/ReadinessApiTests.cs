using System.Net;
using InfusionCenter.Testing;
using Microsoft.EntityFrameworkCore;
using static InfusionCenter.Web.Tests.Readiness.ReadinessTestSupport;

namespace InfusionCenter.Web.Tests.Readiness;

/// <summary>
/// API.md "Readiness" with the clinic's default rules and "today" fixed at Monday 2026-11-23: each missing item, approved
/// doses counted as doses are given, the intake worklist, the records' bad input and concurrent edits, and their audit rows.
/// </summary>
public sealed class ReadinessApiTests(FixedClockAppFixture fixture) : IClassFixture<FixedClockAppFixture>
{
    private readonly HttpClient _client = fixture.App.CreateClientAs("Coordinator");

    [Fact]
    public async Task EachMissingItem_AppearsUntilRecorded()
    {
        var (patientId, regimen) = await NatalizumabAsync(fixture.App, "2026-11-30");
        var dose1 = AppointmentTestSupport.DoseId(regimen, 1);
        var dose3 = AppointmentTestSupport.DoseId(regimen, 3); // 2027-01-25

        var first = await ReadinessAsync(_client, dose1);
        first.GetProperty("ready").GetBoolean().ShouldBeFalse();
        (await CodesAsync(_client, dose1)).ShouldBe(["coverage-missing", "authorization-missing"]);
        first.GetProperty("missing")[0].GetProperty("blocking").GetBoolean().ShouldBeFalse("missing records only warn by default");
        first.GetProperty("missing")[0].GetProperty("detail").GetString()!.ShouldContain("No insurance on file");

        var coverage = await AddCoverageAsync(_client, patientId, verifiedOn: null);
        (await CodesAsync(_client, dose1)).ShouldBe(["coverage-unverified", "authorization-missing"]);
        var verified = await Api.ReadAsync(await _client.PutAsync($"/api/coverage/{coverage.Id()}", System.Net.Http.Json.JsonContent.Create(
            new { payer = "Aetna", memberId = "W1", verifiedOn = "2026-11-20", version = coverage.GetProperty("version").GetUInt32() })), HttpStatusCode.OK);
        verified.GetProperty("reverifyBy").GetString().ShouldBe("2027-01-01");
        verified.GetProperty("verifiedBy").GetString().ShouldBe("coordinator@infusion.test");
        (await CodesAsync(_client, dose1)).ShouldBe(["authorization-missing"]);
        (await CodesAsync(_client, dose3)).ShouldContain("reverify-due");

        await Api.ReadAsync(await _client.PostJsonAsync($"/api/regimens/{regimen.Id()}/authorizations", new { status = "requested", submittedOn = "2026-11-20" }), HttpStatusCode.Created);
        var requested = await ReadinessAsync(_client, dose1);
        requested.GetProperty("missing")[0].GetProperty("detail").GetString().ShouldBe("Authorization requested on 2026-11-20, no answer yet.");

        var approval = await ApproveAsync(_client, regimen.Id(), "2026-11-30", "2026-12-31");
        (await ReadinessAsync(_client, dose1)).GetProperty("ready").GetBoolean().ShouldBeTrue();
        var later = await ReadinessAsync(_client, dose3);
        later.GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("code").GetString()).ShouldBe(["reverify-due", "authorization-not-covering-date"]);
        later.GetProperty("bookable").GetBoolean().ShouldBeFalse();

        await Api.ReadAsync(await _client.PutAsync($"/api/authorizations/{approval.Id()}", System.Net.Http.Json.JsonContent.Create(
            new { status = "denied", number = "PA-1", submittedOn = "2026-11-01", decidedOn = "2026-11-20" })), HttpStatusCode.OK);
        (await CodesAsync(_client, dose1)).ShouldBe(["authorization-denied"]);

        await Api.ReadAsync(await _client.PutAsync($"/api/doses/{dose1}/drug", System.Net.Http.Json.JsonContent.Create(new { source = "specialtyPharmacy", status = "shipped", expectedArrival = "2026-11-30" })), HttpStatusCode.OK);
        (await CodesAsync(_client, dose1)).ShouldContain("drug-not-received", "expected on the infusion day, after the day before");
        var received = await Api.ReadAsync(await _client.PutAsync($"/api/doses/{dose1}/drug", System.Net.Http.Json.JsonContent.Create(new { source = "specialtyPharmacy", status = "received" })), HttpStatusCode.OK);
        received.GetProperty("receivedOn").GetString().ShouldBe("2026-11-23");
        (await CodesAsync(_client, dose1)).ShouldNotContain("drug-not-received");
    }

    [Fact]
    public async Task ExpiredAuthorization_AndApprovedDoses_CountedAsDosesAreGiven()
    {
        using var nurse = fixture.App.CreateClientAs("Nurse");
        var (patientId, regimen) = await NatalizumabAsync(fixture.App, "2026-09-07"); // doses 09-07, 10-05, 11-02, 11-30
        await AddCoverageAsync(_client, patientId);
        await ApproveAsync(_client, regimen.Id(), "2026-09-01", "2026-10-31", approvedDoses: 2);
        var dose2 = AppointmentTestSupport.DoseId(regimen, 2);
        var dose3 = AppointmentTestSupport.DoseId(regimen, 3);
        (await CodesAsync(_client, dose2)).ShouldBeEmpty();
        (await CodesAsync(_client, dose3)).ShouldBe(["authorization-expired"], "it ended on 2026-10-31, before today");

        await Api.ReadAsync(await nurse.PostJsonAsync($"/api/doses/{AppointmentTestSupport.DoseId(regimen, 1)}/given", new { date = "2026-09-07" }), HttpStatusCode.OK);
        (await CodesAsync(_client, dose2)).ShouldBeEmpty("one of two approved doses used");
        var regimenNow = await Api.ReadAsync(await nurse.GetAsync($"/api/regimens/{regimen.Id()}"), HttpStatusCode.OK);
        var secondDate = regimenNow.Doses().Single(d => d.GetProperty("sequence").GetInt32() == 2).GetProperty("date").GetString();
        await Api.ReadAsync(await nurse.PostJsonAsync($"/api/doses/{dose2}/given", new { date = secondDate }), HttpStatusCode.OK);

        // A renewal from November approving one dose: the third dose uses it up, so the fourth has none left.
        var renewal = await ApproveAsync(_client, regimen.Id(), "2026-11-01", "2027-04-30", approvedDoses: 1);
        (await CodesAsync(_client, dose3)).ShouldBeEmpty();
        await Api.ReadAsync(await nurse.PostJsonAsync($"/api/doses/{dose3}/given", new { date = "2026-11-20" }), HttpStatusCode.OK);
        var dose4 = AppointmentTestSupport.DoseId(regimen, 4);
        (await CodesAsync(_client, dose4)).ShouldBe(["authorization-no-doses-left"]);
        var listed = await Api.ReadAsync(await _client.GetAsync($"/api/regimens/{regimen.Id()}/authorizations"), HttpStatusCode.OK);
        listed.EnumerateArray().Single(a => a.Id() == renewal.Id()).GetProperty("dosesUsed").GetInt32().ShouldBe(1);
        listed.EnumerateArray().Single(a => a.Id() != renewal.Id()).GetProperty("dosesUsed").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Intake_ListsRegimensWhoseNextDoseIsNotReady_ByDate_UntilCleared()
    {
        var (patientId, regimen) = await NatalizumabAsync(fixture.App, "2026-12-14");
        var intake = await Api.ReadAsync(await _client.GetAsync("/api/intake"), HttpStatusCode.OK);
        var row = intake.EnumerateArray().Single(r => r.GetProperty("regimenId").GetInt32() == regimen.Id());
        row.GetProperty("doseId").GetInt32().ShouldBe(AppointmentTestSupport.DoseId(regimen, 1));
        row.GetProperty("date").GetString().ShouldBe("2026-12-14");
        row.GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("code").GetString()).ShouldBe(["coverage-missing", "authorization-missing"]);
        var dates = intake.EnumerateArray().Select(r => r.GetProperty("date").GetString()).ToList();
        dates.ShouldBe(dates.Order(StringComparer.Ordinal).ToList(), "ordered by the next target date");

        await AddCoverageAsync(_client, patientId);
        await ApproveAsync(_client, regimen.Id(), "2026-12-01", "2027-11-30");
        var after = await Api.ReadAsync(await _client.GetAsync("/api/intake"), HttpStatusCode.OK);
        after.EnumerateArray().ShouldNotContain(r => r.GetProperty("regimenId").GetInt32() == regimen.Id());
    }

    [Fact]
    public async Task BadInput_Is400_WithFieldMessages()
    {
        var (patientId, regimen) = await NatalizumabAsync(fixture.App, "2026-12-07");
        var auth = $"/api/regimens/{regimen.Id()}/authorizations";
        await Api.ValidationProblemAsync(await _client.PostJsonAsync(auth, new { status = "approved", approvedFrom = "2026-12-31", approvedTo = "2026-12-01" }), "approvedTo");
        await Api.ValidationProblemAsync(await _client.PostJsonAsync(auth, new { status = "approved", approvedFrom = "2026-12-01", approvedTo = "2027-12-01", approvedDoses = 0 }), "approvedDoses");
        await Api.ValidationProblemAsync(await _client.PostJsonAsync(auth, new { status = "approved", approvedFrom = "2026-12-01", approvedTo = "2027-12-01", approvedDoses = -2 }), "approvedDoses");
        await Api.ValidationProblemAsync(await _client.PostJsonAsync(auth, new { status = "approved" }), "approvedFrom", "approvedTo");
        await Api.ValidationProblemAsync(await _client.PostJsonAsync(auth, new { status = "requested", submittedOn = "2026-11-20", decidedOn = "2026-11-19" }), "decidedOn");
        var notFirst = await Api.ValidationProblemAsync(await _client.PostJsonAsync(auth, new { status = "approved", approvedFrom = "2026-12-08", approvedTo = "2027-12-01" }), "approvedFrom");
        await Api.ValidationProblemAsync(await _client.PostJsonAsync(auth, new { status = "maybe" }), "status");

        var dose = AppointmentTestSupport.DoseId(regimen, 1);
        await Api.ValidationProblemAsync(await _client.PutAsync($"/api/doses/{dose}/drug", System.Net.Http.Json.JsonContent.Create(
            new { source = "clinicStock", status = "received", receivedOn = "2026-11-24" })), "receivedOn");
        await Api.ValidationProblemAsync(await _client.PutAsync($"/api/doses/{dose}/drug", System.Net.Http.Json.JsonContent.Create(
            new { source = "clinicStock", status = "ordered", receivedOn = "2026-11-20" })), "receivedOn");
        await Api.ValidationProblemAsync(await _client.PostJsonAsync($"/api/patients/{patientId}/coverage",
            new { payer = "Aetna", memberId = "W1", verifiedOn = "2026-11-20", reverifyBy = "2026-11-01" }), "reverifyBy");
        await Api.ValidationProblemAsync(await _client.PostJsonAsync($"/api/patients/{patientId}/coverage", new { payer = "", memberId = "" }), "payer", "memberId");
        await Api.ValidationProblemAsync(await _client.PostJsonAsync($"/api/patients/{patientId}/coverage", new { payer = "A", memberId = "W1", verifiedOn = "2026-11-24" }), "verifiedOn");
        await Api.ValidationProblemAsync(await _client.PostJsonAsync($"/api/regimens/{regimen.Id()}/orders",
            new { signedBy = "Dr. Park", signedOn = "2026-11-20", validUntil = "2026-11-19" }), "validUntil");
        await Api.ValidationProblemAsync(await _client.GetAsync("/api/readiness/expiring?days=-1"), "days");
        notFirst.ShouldContain("approvedFrom");
    }

    [Fact]
    public async Task ConcurrentEdit_WithAStaleVersion_Is409()
    {
        var (patientId, _) = await NatalizumabAsync(fixture.App, "2026-12-07");
        var coverage = await AddCoverageAsync(_client, patientId);
        var version = coverage.GetProperty("version").GetUInt32();
        await Api.ReadAsync(await _client.PutAsync($"/api/coverage/{coverage.Id()}", System.Net.Http.Json.JsonContent.Create(new { payer = "Cigna", memberId = "C1", version })), HttpStatusCode.OK);
        await Api.ProblemAsync(await _client.PutAsync($"/api/coverage/{coverage.Id()}", System.Net.Http.Json.JsonContent.Create(new { payer = "Humana", memberId = "H1", version })), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Records_AreAudited_WithTheActingUser()
    {
        var (patientId, regimen) = await NatalizumabAsync(fixture.App, "2026-12-07");
        var coverage = await AddCoverageAsync(_client, patientId);
        var approval = await ApproveAsync(_client, regimen.Id(), "2026-12-01", "2027-11-30");
        var order = await Api.ReadAsync(await _client.PostJsonAsync($"/api/regimens/{regimen.Id()}/orders",
            new { signedBy = "Dr. Park", signedOn = "2026-11-20", validUntil = "2027-11-20" }), HttpStatusCode.Created);
        var dose = AppointmentTestSupport.DoseId(regimen, 1);
        await Api.ReadAsync(await _client.PutAsync($"/api/doses/{dose}/drug", System.Net.Http.Json.JsonContent.Create(new { source = "patientOwn", status = "toOrder" })), HttpStatusCode.OK);
        await Api.ReadAsync(await _client.PutAsync($"/api/doses/{dose}/drug", System.Net.Http.Json.JsonContent.Create(new { source = "patientOwn", status = "received" })), HttpStatusCode.OK);
        (await _client.DeleteAsync($"/api/coverage/{coverage.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await using var db = await fixture.App.CreateDbContextAsync();
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.User == "coordinator@infusion.test").ToListAsync();
        entries.ShouldContain(a => a.EntityType == "Coverage" && a.EntityId == coverage.Id().ToString() && a.Action == "Created");
        entries.ShouldContain(a => a.EntityType == "Coverage" && a.EntityId == coverage.Id().ToString() && a.Action == "Deleted");
        entries.ShouldContain(a => a.EntityType == "PriorAuthorization" && a.EntityId == approval.Id().ToString() && a.Action == "Created");
        entries.ShouldContain(a => a.EntityType == "TreatmentOrder" && a.EntityId == order.Id().ToString() && a.Action == "Created");
        entries.ShouldContain(a => a.EntityType == "DrugSupply" && a.Action == "Updated" && a.Changes!.Contains("Received"));
    }
}
