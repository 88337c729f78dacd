using System.Net;
using System.Text.Json;
using InfusionCenter.Testing;

namespace InfusionCenter.Web.Tests.Worklist;

/// <summary>
/// Issue 12 "Closures, relapse courses, overrides": when no slot fits a dose's window the app says why, and a dose can be
/// booked outside its window only with a recorded reason (who and why), shown with the appointment. Clinic today: Mon 2026-11-23.
/// </summary>
public sealed class WindowOverrideTests(FixedClockAppFixture fixture) : IClassFixture<FixedClockAppFixture>
{
    private readonly HttpClient _client = fixture.App.CreateClient();

    [Fact]
    public async Task BookingOutsideTheWindow_WithoutAReason_Is400_WithOne_IsBookedAndShowsWhoAndWhy()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client, "Traveller");
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "natalizumab", start = "2026-11-24" });
        var doseId = AppointmentTestSupport.DoseId(regimen, 1);
        var latest = regimen.Doses()[0].Date("latest");
        var outside = $"{latest.AddDays(3):yyyy-MM-dd}T10:00";

        var refused = await Api.ProblemAsync(await _client.PostJsonAsync("/api/appointments",
            new { patientId, chairId, start = outside, doseId }), HttpStatusCode.BadRequest);
        refused.GetProperty("errors").GetProperty("start")[0].GetString()!.ShouldContain("give the reason");

        var booked = await Api.ReadAsync(await _client.PostJsonAsync("/api/appointments",
            new { patientId, chairId, start = outside, doseId, windowOverrideReason = "Prescriber agreed: patient abroad until then" }), HttpStatusCode.Created);

        var shown = await Api.ReadAsync(await _client.GetAsync($"/api/appointments/{booked.Id()}"), HttpStatusCode.OK);
        shown.GetProperty("windowOverrideReason").GetString().ShouldBe("Prescriber agreed: patient abroad until then");
        shown.GetProperty("windowOverrideBy").GetString().ShouldBe("admin@infusion.test");
    }

    [Fact]
    public async Task BookingInsideTheWindow_RecordsNoOverride_EvenWithAReason()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client, "Inside");
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "natalizumab", start = "2026-11-24" });

        var booked = await Api.ReadAsync(await _client.PostJsonAsync("/api/appointments", new
        {
            patientId, chairId, start = "2026-11-24T10:00", doseId = AppointmentTestSupport.DoseId(regimen, 1), windowOverrideReason = "not needed",
        }), HttpStatusCode.Created);

        var shown = await Api.ReadAsync(await _client.GetAsync($"/api/appointments/{booked.Id()}"), HttpStatusCode.OK);
        shown.GetProperty("windowOverrideReason").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task FiveDayRelapseCourse_WithAWindowOfWednesdayToFriday_SaysTheWeekendIsWhyNoSlotFits()
    {
        await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client, "Relapse");
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "methylprednisolone", start = "2026-11-25", days = 5 });
        var doseId = AppointmentTestSupport.DoseId(regimen, 1);

        (await Api.ReadAsync(await _client.GetAsync($"/api/slots?doseId={doseId}"), HttpStatusCode.OK)).GetArrayLength().ShouldBe(0);
        var reason = (await Api.ReadAsync(await _client.GetAsync($"/api/doses/{doseId}/slot-reason"), HttpStatusCode.OK)).GetProperty("reason").GetString();

        reason.ShouldNotBeNull();
        reason.ShouldContain("5 consecutive clinic days never fit between 2026-11-25 and 2026-11-27");
        reason.ShouldContain("weekends");
    }

    [Fact]
    public async Task ADoseWithFreeSlots_HasNoReason()
    {
        await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client, "Easy");
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "natalizumab", start = "2026-11-30" });

        var reason = await Api.ReadAsync(await _client.GetAsync($"/api/doses/{AppointmentTestSupport.DoseId(regimen, 1)}/slot-reason"), HttpStatusCode.OK);

        reason.GetProperty("reason").ValueKind.ShouldBe(JsonValueKind.Null);
    }
}
