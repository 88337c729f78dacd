using System.Net;
using System.Net.Http.Json;
using InfusionCenter.Testing;
using static InfusionCenter.Web.Tests.Readiness.ReadinessTestSupport;

namespace InfusionCenter.Web.Tests.Readiness;

/// <summary>
/// The clinic's readiness rules ("today" Monday 2026-11-23): a blocking item refuses a booking (409 naming the reason),
/// the same item as a warning lets it through with the warning in the reply; orders count only where the clinic requires
/// them; and the expiring list's window boundaries. Rules are clinic-wide, so this class has its own database.
/// </summary>
public sealed class ReadinessRulesTests(FixedClockAppFixture fixture) : IClassFixture<FixedClockAppFixture>
{
    private readonly HttpClient _coordinator = fixture.App.CreateClientAs("Coordinator");

    private readonly HttpClient _admin = fixture.App.CreateClientAs("Admin");

    private Task<HttpResponseMessage> SetRuleAsync(string code, bool blocking, bool? orderRequired = null) =>
        _admin.PutAsJsonAsync("/api/readiness/rules", new { orderRequired, rules = new[] { new { code, blocking } } });

    [Fact]
    public async Task Booking_OutsideTheAuthorization_IsRefusedWhenBlocking_WarnedOtherwise()
    {
        var (patientId, regimen) = await NatalizumabAsync(fixture.App, "2026-11-30"); // dose 2 on 2026-12-28
        await AddCoverageAsync(_coordinator, patientId);
        await ApproveAsync(_coordinator, regimen.Id(), "2026-11-30", "2026-12-15");
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_admin);
        var dose1 = AppointmentTestSupport.DoseId(regimen, 1);
        var dose2 = AppointmentTestSupport.DoseId(regimen, 2);

        var booked = await AppointmentTestSupport.BookedAsync(_coordinator, patientId, chairId, "2026-11-30T09:00", null, dose1);
        booked.GetProperty("warnings").EnumerateArray().ShouldBeEmpty();

        var refused = await AppointmentTestSupport.DetailAsync(
            await AppointmentTestSupport.BookAsync(_coordinator, patientId, chairId, "2026-12-28T09:00", null, dose2), HttpStatusCode.Conflict);
        refused.ShouldContain("Dose 2 cannot be booked on 2026-12-28");
        refused.ShouldContain("covers 2026-11-30 to 2026-12-15, not 2026-12-28");

        try
        {
            await Api.ReadAsync(await SetRuleAsync("authorization-not-covering-date", false), HttpStatusCode.OK);
            var warned = await AppointmentTestSupport.BookedAsync(_coordinator, patientId, chairId, "2026-12-28T09:00", null, dose2);
            var warning = warned.GetProperty("warnings").EnumerateArray().Single();
            warning.GetProperty("code").GetString().ShouldBe("authorization-not-covering-date");
            warning.GetProperty("blocking").GetBoolean().ShouldBeFalse();
        }
        finally
        {
            await SetRuleAsync("authorization-not-covering-date", true);
        }
    }

    [Fact]
    public async Task Booking_WithNoApprovedDosesLeft_IsRefused_AndAWarningRuleMakesMissingCoverageBlocking()
    {
        var (patientId, regimen) = await NatalizumabAsync(fixture.App, "2026-11-30");
        await AddCoverageAsync(_coordinator, patientId);
        await ApproveAsync(_coordinator, regimen.Id(), "2026-11-30", "2027-11-29", approvedDoses: 1);
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_admin);
        await AppointmentTestSupport.BookedAsync(_coordinator, patientId, chairId, "2026-11-30T11:00", null, AppointmentTestSupport.DoseId(regimen, 1));
        var detail = await AppointmentTestSupport.DetailAsync(await AppointmentTestSupport.BookAsync(
            _coordinator, patientId, chairId, "2026-12-28T11:00", null, AppointmentTestSupport.DoseId(regimen, 2)), HttpStatusCode.Conflict);
        detail.ShouldContain("approved 1 dose, all given or booked already");

        var (other, otherRegimen) = await NatalizumabAsync(fixture.App, "2026-11-30");
        try
        {
            await Api.ReadAsync(await SetRuleAsync("coverage-missing", true), HttpStatusCode.OK);
            var readiness = await ReadinessAsync(_coordinator, AppointmentTestSupport.DoseId(otherRegimen, 1));
            readiness.GetProperty("bookable").GetBoolean().ShouldBeFalse();
            (await AppointmentTestSupport.DetailAsync(await AppointmentTestSupport.BookAsync(
                _coordinator, other, chairId, "2026-11-30T14:00", null, AppointmentTestSupport.DoseId(otherRegimen, 1)), HttpStatusCode.Conflict))
                .ShouldContain("No insurance on file");
        }
        finally
        {
            await SetRuleAsync("coverage-missing", false);
        }
    }

    [Fact]
    public async Task Orders_CountOnlyWhereRequired()
    {
        var (patientId, regimen) = await NatalizumabAsync(fixture.App, "2026-12-07");
        await AddCoverageAsync(_coordinator, patientId);
        await ApproveAsync(_coordinator, regimen.Id(), "2026-12-01", "2027-11-30");
        var dose1 = AppointmentTestSupport.DoseId(regimen, 1);
        (await CodesAsync(_coordinator, dose1)).ShouldBeEmpty();
        try
        {
            var rules = await Api.ReadAsync(await _admin.PutAsJsonAsync("/api/readiness/rules", new { orderRequired = true }), HttpStatusCode.OK);
            rules.GetProperty("orderRequired").GetBoolean().ShouldBeTrue();
            (await CodesAsync(_coordinator, dose1)).ShouldBe(["order-missing"]);
            await Api.ReadAsync(await _coordinator.PostJsonAsync($"/api/regimens/{regimen.Id()}/orders",
                new { signedBy = "Dr. Park", signedOn = "2026-11-20", validUntil = "2026-12-31" }), HttpStatusCode.Created);
            (await CodesAsync(_coordinator, dose1)).ShouldBeEmpty();
            (await CodesAsync(_coordinator, AppointmentTestSupport.DoseId(regimen, 2))).ShouldContain("order-expired"); // 2027-01-04 (re-verification due too)
        }
        finally
        {
            await _admin.PutAsJsonAsync("/api/readiness/rules", new { orderRequired = false });
        }
    }

    [Fact]
    public async Task Rules_OnlyAdminsChangeThem_UnknownCodesAre400()
    {
        (await _coordinator.PutAsJsonAsync("/api/readiness/rules", new { orderRequired = true })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await Api.ValidationProblemAsync(await SetRuleAsync("no-such-rule", true), "rules[0].code");
        var rules = await Api.ReadAsync(await _coordinator.GetAsync("/api/readiness/rules"), HttpStatusCode.OK);
        rules.GetProperty("rules").GetArrayLength().ShouldBe(11);
    }

    [Fact]
    public async Task Expiring_IncludesBothEndsOfTheWindow()
    {
        // Today 2026-11-23: with 45 days the window ends 2027-01-07.
        var (p1, ending) = await NatalizumabAsync(fixture.App, "2026-11-24");
        var atEdge = await ApproveAsync(_coordinator, ending.Id(), "2026-11-24", "2027-01-07");
        var (_, after) = await NatalizumabAsync(fixture.App, "2026-11-24");
        var pastEdge = await ApproveAsync(_coordinator, after.Id(), "2026-11-24", "2027-01-08");
        var (_, counted) = await NatalizumabAsync(fixture.App, "2026-11-24");
        var runningOut = await ApproveAsync(_coordinator, counted.Id(), "2026-11-24", "2027-11-23", approvedDoses: 1);
        var dueCoverage = await Api.ReadAsync(await _coordinator.PostJsonAsync($"/api/patients/{p1}/coverage",
            new { payer = "Aetna", memberId = "W2", verifiedOn = "2026-02-01", reverifyBy = "2027-01-07" }), HttpStatusCode.Created);
        var laterCoverage = await Api.ReadAsync(await _coordinator.PostJsonAsync($"/api/patients/{p1}/coverage",
            new { payer = "Cigna", memberId = "C2", primary = false, verifiedOn = "2026-02-01", reverifyBy = "2027-01-08" }), HttpStatusCode.Created);

        var list = await Api.ReadAsync(await _coordinator.GetAsync("/api/readiness/expiring"), HttpStatusCode.OK);
        list.GetProperty("days").GetInt32().ShouldBe(45);
        list.GetProperty("until").GetString().ShouldBe("2027-01-07");
        var ids = list.GetProperty("authorizations").EnumerateArray().ToDictionary(a => a.Id(), a => a.GetProperty("reason").GetString());
        ids[atEdge.Id()].ShouldBe("ending");
        ids.ShouldNotContainKey(pastEdge.Id());
        ids[runningOut.Id()].ShouldBe("doses-running-out");
        var coverages = list.GetProperty("coverages").EnumerateArray().Select(c => c.Id()).ToList();
        coverages.ShouldContain(dueCoverage.Id());
        coverages.ShouldNotContain(laterCoverage.Id());

        var wider = await Api.ReadAsync(await _coordinator.GetAsync("/api/readiness/expiring?days=46"), HttpStatusCode.OK);
        wider.GetProperty("authorizations").EnumerateArray().Select(a => a.Id()).ShouldContain(pastEdge.Id());
        wider.GetProperty("coverages").EnumerateArray().Select(c => c.Id()).ShouldContain(laterCoverage.Id());
    }

    [Fact]
    public async Task ReverifyDay_IsAClinicSetting_UsedWhenAPlanIsVerified_AndAnImpossibleDayIs400()
    {
        var patientId = await Api.CreatePatientAsync(_admin, "Reverify");
        try
        {
            var saved = await Api.ReadAsync(await _admin.PutAsJsonAsync("/api/readiness/rules", new { reverifyMonth = 7, reverifyDay = 1 }), HttpStatusCode.OK);
            saved.GetProperty("reverifyMonth").GetInt32().ShouldBe(7);
            saved.GetProperty("reverifyDay").GetInt32().ShouldBe(1);
            var plan = await Api.ReadAsync(await _coordinator.PostJsonAsync($"/api/patients/{patientId}/coverage",
                new { payer = "Aetna", memberId = "W7", verifiedOn = "2026-11-20" }), HttpStatusCode.Created);
            plan.GetProperty("reverifyBy").GetString().ShouldBe("2027-07-01");

            await Api.ValidationProblemAsync(await _admin.PutAsJsonAsync("/api/readiness/rules", new { reverifyMonth = 2, reverifyDay = 30 }), "reverifyDay");
            await Api.ValidationProblemAsync(await _admin.PutAsJsonAsync("/api/readiness/rules", new { reverifyMonth = 3 }), "reverifyDay");
            (await Api.ReadAsync(await _coordinator.GetAsync("/api/readiness/rules"), HttpStatusCode.OK)).GetProperty("reverifyMonth").GetInt32().ShouldBe(7);
        }
        finally
        {
            await _admin.PutAsJsonAsync("/api/readiness/rules", new { reverifyMonth = 1, reverifyDay = 1 });
        }
    }
}
