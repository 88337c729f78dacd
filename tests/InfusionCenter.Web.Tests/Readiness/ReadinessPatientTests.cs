using System.Net;
using InfusionCenter.Testing;
using InfusionCenter.Web.Features.Readiness;
using Microsoft.Extensions.DependencyInjection;
using static InfusionCenter.Web.Tests.Readiness.ReadinessTestSupport;

namespace InfusionCenter.Web.Tests.Readiness;

/// <summary>
/// The patient page's reads ("today" Monday 2026-11-23): every dose still to give of several regimens in one call, each the
/// same as the single-dose readiness; and the patient's records with each authorization's doses used.
/// </summary>
public sealed class ReadinessPatientTests(FixedClockAppFixture fixture) : IClassFixture<FixedClockAppFixture>
{
    private readonly HttpClient _client = fixture.App.CreateClientAs("Coordinator");

    [Fact]
    public async Task ForRegimens_GivesEveryDoseStillToGive_OfEveryRegimen_AsForDoseDoes()
    {
        using var nurse = fixture.App.CreateClientAs("Nurse");
        var (patientId, first) = await NatalizumabAsync(fixture.App, "2026-11-30"); // doses 11-30, 12-28, 2027-01-25, ...
        await AddCoverageAsync(_client, patientId);
        await ApproveAsync(_client, first.Id(), "2026-11-30", "2026-12-31");
        var (_, second) = await NatalizumabAsync(fixture.App, "2026-10-26"); // doses 10-26 (given below), 11-23, ...
        var given = AppointmentTestSupport.DoseId(second, 1);
        await Api.ReadAsync(await nurse.PostJsonAsync($"/api/doses/{given}/given", new { date = "2026-10-26" }), HttpStatusCode.OK);

        using var scope = fixture.App.Services.CreateScope();
        var readiness = scope.ServiceProvider.GetRequiredService<ReadinessService>();
        var all = await readiness.ForRegimensAsync([first.Id(), second.Id()]);

        var toGive = first.Doses().Concat(second.Doses()).Select(d => d.Id()).Where(id => id != given).ToList();
        all.Keys.Order().ShouldBe(toGive.Order(), "every dose still to give, and not the one given");
        foreach (var doseId in toGive)
        {
            var single = await readiness.ForDoseAsync(doseId);
            all[doseId].Date.ShouldBe(single.Date);
            all[doseId].Missing.ShouldBe(single.Missing);
            all[doseId].Bookable.ShouldBe(single.Bookable);
        }

        all[AppointmentTestSupport.DoseId(first, 1)].Ready.ShouldBeTrue();
        all[AppointmentTestSupport.DoseId(first, 3)].Missing.Select(m => m.Code).ShouldBe(["reverify-due", "authorization-not-covering-date"]);
        all[AppointmentTestSupport.DoseId(second, 2)].Missing.Select(m => m.Code).ShouldBe(["coverage-missing", "authorization-missing"]);
        (await readiness.ForRegimensAsync([])).ShouldBeEmpty();
    }

    [Fact]
    public async Task ForPatient_ReadsPlansAuthorizationsOrdersAndDrugs_OfAllTheirRegimens()
    {
        using var nurse = fixture.App.CreateClientAs("Nurse");
        var (patientId, regimen) = await NatalizumabAsync(fixture.App, "2026-10-26");
        var other = await Api.EnrolAsync(nurse, patientId, new { protocol = "ocrelizumab", start = "2026-12-07" });
        await AddCoverageAsync(_client, patientId);
        var approval = await ApproveAsync(_client, regimen.Id(), "2026-10-01", "2027-09-30", approvedDoses: 6);
        await Api.ReadAsync(await nurse.PostJsonAsync($"/api/doses/{AppointmentTestSupport.DoseId(regimen, 1)}/given", new { date = "2026-10-26" }), HttpStatusCode.OK);
        await Api.ReadAsync(await _client.PostJsonAsync($"/api/regimens/{other.Id()}/orders",
            new { signedBy = "Dr. Park", signedOn = "2026-11-20", validUntil = "2027-11-20" }), HttpStatusCode.Created);
        var drugDose = AppointmentTestSupport.DoseId(other, 1);
        await Api.ReadAsync(await _client.PutAsync($"/api/doses/{drugDose}/drug", System.Net.Http.Json.JsonContent.Create(
            new { source = "specialtyPharmacy", status = "shipped", expectedArrival = "2026-12-01" })), HttpStatusCode.OK);

        using var scope = fixture.App.Services.CreateScope();
        var records = await scope.ServiceProvider.GetRequiredService<ReadinessRecordService>().ForPatientAsync(patientId);

        records.Coverages.Single().Payer.ShouldBe("Aetna");
        var authorization = records.Authorizations.Single();
        authorization.Id.ShouldBe(approval.Id());
        authorization.DosesUsed.ShouldBe(1);
        records.Orders.Single().RegimenId.ShouldBe(other.Id());
        records.Drugs.Keys.ShouldBe([drugDose]);
        records.Drugs[drugDose].ExpectedArrival.ShouldBe(new DateOnly(2026, 12, 1));
    }
}
