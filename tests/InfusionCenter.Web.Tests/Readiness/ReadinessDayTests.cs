using System.Net;
using System.Net.Http.Json;
using InfusionCenter.Testing;
using InfusionCenter.Web.Features.Readiness;
using Microsoft.Extensions.DependencyInjection;
using static InfusionCenter.Web.Tests.Readiness.ReadinessTestSupport;

namespace InfusionCenter.Web.Tests.Readiness;

/// <summary>
/// Readiness where days change ("today" Monday 2026-11-23): moving a booking to a day its authorization does not cover is
/// refused like booking there (a chair change on the same day is not); the slot finder's per-day readiness; the
/// day-before check (<c>GET /api/readiness/day</c>) lists a dose whose drug has not arrived until it is received.
/// </summary>
public sealed class ReadinessDayTests(FixedClockAppFixture fixture) : IClassFixture<FixedClockAppFixture>
{
    private readonly HttpClient _coordinator = fixture.App.CreateClientAs("Coordinator");

    private readonly HttpClient _admin = fixture.App.CreateClientAs("Admin");

    [Fact]
    public async Task Moving_ToADayTheAuthorizationDoesNotCover_IsRefused_ButAChairChangeThatDayIsNot()
    {
        var (patientId, regimen) = await NatalizumabAsync(fixture.App, "2026-11-30");
        await AddCoverageAsync(_coordinator, patientId);
        await ApproveAsync(_coordinator, regimen.Id(), "2026-11-30", "2026-12-01");
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_admin);
        var (otherChair, _) = await AppointmentTestSupport.CreateChairAsync(_admin);
        var booked = await AppointmentTestSupport.BookedAsync(_coordinator, patientId, chairId, "2026-11-30T09:00", null, AppointmentTestSupport.DoseId(regimen, 1));

        var refused = await AppointmentTestSupport.DetailAsync(
            await _coordinator.PutAsJsonAsync($"/api/appointments/{booked.Id()}", new { start = "2026-12-02T09:00" }), HttpStatusCode.Conflict);
        refused.ShouldContain("Dose 1 cannot be booked on 2026-12-02");
        refused.ShouldContain("covers 2026-11-30 to 2026-12-01, not 2026-12-02");

        await Api.ReadAsync(await _coordinator.PutAsJsonAsync($"/api/appointments/{booked.Id()}", new { chairId = otherChair }), HttpStatusCode.OK);
        await Api.ReadAsync(await _coordinator.PutAsJsonAsync($"/api/appointments/{booked.Id()}", new { start = "2026-12-01T10:00" }), HttpStatusCode.OK);
        (await ReadinessAsync(_coordinator, AppointmentTestSupport.DoseId(regimen, 1))).GetProperty("date").GetString().ShouldBe("2026-12-01");
    }

    [Fact]
    public async Task SlotFinderReadiness_DiffersByDay_AsTheAuthorizationCoversIt()
    {
        var (patientId, regimen) = await NatalizumabAsync(fixture.App, "2026-11-30");
        await AddCoverageAsync(_coordinator, patientId);
        await ApproveAsync(_coordinator, regimen.Id(), "2026-11-30", "2026-12-01");
        using var scope = fixture.App.Services.CreateScope();
        var readiness = scope.ServiceProvider.GetRequiredService<ReadinessService>();

        var days = await readiness.ForDoseOnDatesAsync(AppointmentTestSupport.DoseId(regimen, 1), [new(2026, 11, 30), new(2026, 12, 2)]);

        days[new(2026, 11, 30)].Ready.ShouldBeTrue();
        days[new(2026, 12, 2)].Bookable.ShouldBeFalse();
        days[new(2026, 12, 2)].Missing.Single().Code.ShouldBe("authorization-not-covering-date");
    }

    [Fact]
    public async Task DayCheck_ListsTheDoseWhoseDrugHasNotArrived_UntilItIsReceived()
    {
        var (patientId, regimen) = await NatalizumabAsync(fixture.App, "2026-11-24");
        await AddCoverageAsync(_coordinator, patientId);
        await ApproveAsync(_coordinator, regimen.Id(), "2026-11-24", "2027-05-31");
        var dose1 = AppointmentTestSupport.DoseId(regimen, 1);
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_admin);
        var booked = await AppointmentTestSupport.BookedAsync(_coordinator, patientId, chairId, "2026-11-24T13:00", null, dose1);
        await Api.ReadAsync(await _coordinator.PutAsJsonAsync($"/api/doses/{dose1}/drug",
            new { source = "specialtyPharmacy", status = "shipped", expectedArrival = "2026-11-24" }), HttpStatusCode.OK);

        var check = await Api.ReadAsync(await _coordinator.GetAsync("/api/readiness/day?date=2026-11-24"), HttpStatusCode.OK);
        check.GetProperty("appointments").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        var item = check.GetProperty("notReady").EnumerateArray().Single(i => i.GetProperty("appointmentId").GetInt32() == booked.Id());
        item.GetProperty("doseId").GetInt32().ShouldBe(dose1);
        item.GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("code").GetString()).ShouldBe(["drug-not-received"]);
        item.GetProperty("missing")[0].GetProperty("detail").GetString()!.ShouldContain("from the specialty pharmacy has not been received (shipped)");

        await Api.ReadAsync(await _coordinator.PutAsJsonAsync($"/api/doses/{dose1}/drug", new { source = "specialtyPharmacy", status = "received" }), HttpStatusCode.OK);
        var after = await Api.ReadAsync(await _coordinator.GetAsync("/api/readiness/day?date=2026-11-24"), HttpStatusCode.OK);
        after.GetProperty("notReady").EnumerateArray().ShouldNotContain(i => i.GetProperty("appointmentId").GetInt32() == booked.Id());
    }

    [Theory]
    [InlineData("", "date is required")]
    [InlineData("?date=24-11-2026", "YYYY-MM-DD")]
    [InlineData("?date=9999-12-31", "Enter a date between")]
    public async Task DayCheck_WithoutAGoodDate_Is400(string query, string message)
    {
        var detail = await Api.ReadAsync(await _coordinator.GetAsync($"/api/readiness/day{query}"), HttpStatusCode.BadRequest);
        detail.GetProperty("errors").GetProperty("date")[0].GetString()!.ShouldContain(message);
    }
}
