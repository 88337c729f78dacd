using System.Net;

namespace InfusionCenter.Web.Tests.Regimens;

/// <summary>
/// Issue 14: a patient can be enrolled on Ocrevus Zunovo (ocrelizumab-sc) and on Tyruko (natalizumab-sztn) through the
/// API, with the protocols' dates, amounts and chair times; each is the same drug as its IV or reference form.
/// Today is Monday 2026-11-23 (<see cref="FixedClockAppFixture"/>).
/// </summary>
public sealed class NewerFormsEnrolTests(FixedClockAppFixture fixture) : IClassFixture<FixedClockAppFixture>
{
    private readonly HttpClient _client = fixture.App.CreateClientAs("Nurse");

    [Fact]
    public async Task Enrol_OcrelizumabSc_Every24Weeks_920Mg_LongerObservationOnlyAfterTheFirstInjection()
    {
        var patientId = await Api.CreatePatientAsync(_client, "Zunovo");

        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "ocrelizumab-sc", start = "2026-12-07", until = "2027-12-31" });

        regimen.GetProperty("protocol").GetString().ShouldBe("ocrelizumab-sc");
        regimen.GetProperty("version").GetInt32().ShouldBe(1);
        var doses = regimen.Doses();
        doses.Select(d => d.GetProperty("date").GetString()).ShouldBe(["2026-12-07", "2027-05-24", "2027-11-08"]);
        doses.ShouldAllBe(d => d.GetProperty("amount").GetDecimal() == 920m);
        doses.Select(d => d.GetProperty("chairMinutes").GetInt32()).ShouldBe([100, 55, 55]);
    }

    [Fact]
    public async Task Enrol_Tyruko_Every4Weeks_300Mg()
    {
        var patientId = await Api.CreatePatientAsync(_client, "Tyruko");

        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "natalizumab-sztn", start = "2026-11-30", until = "2027-02-28" });

        regimen.GetProperty("protocol").GetString().ShouldBe("natalizumab-sztn");
        var doses = regimen.Doses();
        doses.Select(d => d.Date()).ShouldBe(Enumerable.Range(0, 4).Select(k => new DateOnly(2026, 11, 30).AddDays(28 * k)));
        doses.ShouldAllBe(d => d.GetProperty("amount").GetDecimal() == 300m && d.GetProperty("chairMinutes").GetInt32() == 120);
    }

    [Fact]
    public async Task Enrol_OcrelizumabScWhileOnIv_IsASecondRegimenOnTheSameDrug_409()
    {
        var patientId = await Api.CreatePatientAsync(_client, "Bothforms");
        await Api.EnrolAsync(_client, patientId, new { protocol = "ocrelizumab", start = "2026-11-30" });

        var refused = await _client.PostJsonAsync($"/api/patients/{patientId}/regimens", new { protocol = "ocrelizumab-sc", start = "2027-05-17" });

        var problem = await Api.ProblemAsync(refused, HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("ocrelizumab");
    }

    [Fact]
    public async Task Enrol_TyrukoWhileOnTysabri_IsASecondRegimenOnTheSameDrug_409()
    {
        var patientId = await Api.CreatePatientAsync(_client, "Biosimilar");
        await Api.EnrolAsync(_client, patientId, new { protocol = "natalizumab", start = "2026-11-30" });

        var refused = await _client.PostJsonAsync($"/api/patients/{patientId}/regimens", new { protocol = "natalizumab-sztn", start = "2026-12-28" });

        await Api.ProblemAsync(refused, HttpStatusCode.Conflict);
    }
}
