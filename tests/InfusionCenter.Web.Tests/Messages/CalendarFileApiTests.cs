using System.Net;
using System.Net.Http.Json;
using Ical.Net.CalendarComponents;
using InfusionCenter.Web.Features.Messages;
using Calendar = Ical.Net.Calendar;

namespace InfusionCenter.Web.Tests.Messages;

/// <summary>
/// API.md "Patient messages": <c>GET /api/appointments/{id}/ics</c> is one VEVENT in the clinic's time zone, read back by
/// Ical.Net to the same start, end and zone; a move keeps the UID with a higher SEQUENCE; a cancellation is METHOD:CANCEL.
/// Nothing clinical is in it. Today is Monday 2026-11-23 in New York (<see cref="FixedClockAppFixture"/>).
/// </summary>
public sealed class CalendarFileApiTests(FixedClockAppFixture fixture) : IClassFixture<FixedClockAppFixture>
{
    private readonly HttpClient _nurse = fixture.App.CreateClientAs("Nurse");
    private readonly HttpClient _admin = fixture.App.CreateClientAs("Admin");

    private async Task<(Calendar Calendar, CalendarEvent Event, HttpResponseMessage Response)> FileAsync(int appointmentId)
    {
        var response = await _nurse.GetAsync($"/api/appointments/{appointmentId}/ics");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        return (calendar, calendar.Events.Single(), response);
    }

    [Fact]
    public async Task Ics_IsTheAppointmentInTheClinicsTimeZone_WithoutClinicalDetails()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_admin);
        var patientId = await Api.CreatePatientAsync(_nurse, "Calendar");
        var booked = await AppointmentTestSupport.BookedAsync(_nurse, patientId, chairId, "2026-11-24T10:00", minutes: 90);

        var (calendar, vevent, response) = await FileAsync(booked.Id());

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe($"appointment-{booked.Id()}.ics");
        calendar.Method.ShouldBe("PUBLISH");
        calendar.TimeZones.Select(z => z.TzId).ShouldBe(["America/New_York"]);
        vevent.Uid.ShouldBe($"appointment-{booked.Id()}@infusioncenter.local");
        vevent.Sequence.ShouldBe(0);
        vevent.DtStart!.TzId.ShouldBe("America/New_York");
        vevent.DtStart.Value.ShouldBe(new DateTime(2026, 11, 24, 10, 0, 0));
        vevent.DtEnd!.Value.ShouldBe(new DateTime(2026, 11, 24, 11, 30, 0));
        vevent.DtStart.AsUtc.ShouldBe(new DateTime(2026, 11, 24, 15, 0, 0, DateTimeKind.Utc));
        vevent.Status.ShouldBe("CONFIRMED");
        vevent.Description!.ShouldStartWith("Alex, ");
        vevent.Description.ShouldNotContain("Calendar"); // the family name
    }

    [Fact]
    public async Task Move_KeepsTheUid_WithAHigherSequence_AndCancel_IsMethodCancel()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_admin);
        var patientId = await Api.CreatePatientAsync(_nurse, "Mover");
        var booked = await AppointmentTestSupport.BookedAsync(_nurse, patientId, chairId, "2026-11-25T09:00", minutes: 60);
        var uid = (await FileAsync(booked.Id())).Event.Uid;

        await Api.ReadAsync(await _nurse.PutAsJsonAsync($"/api/appointments/{booked.Id()}", new { start = "2026-11-25T13:00" }), HttpStatusCode.OK);
        var moved = (await FileAsync(booked.Id())).Event;

        moved.Uid.ShouldBe(uid);
        moved.Sequence.ShouldBe(1);
        moved.DtStart!.Value.ShouldBe(new DateTime(2026, 11, 25, 13, 0, 0));

        (await _nurse.DeleteAsync($"/api/appointments/{booked.Id()}?reason=Patient%20asked")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var (calendar, cancelled, _) = await FileAsync(booked.Id());

        calendar.Method.ShouldBe("CANCEL");
        cancelled.Uid.ShouldBe(uid);
        cancelled.Sequence.ShouldBe(2);
        cancelled.Status.ShouldBe("CANCELLED");
    }

    [Fact]
    public async Task UnknownAppointment_Is404_AndWithoutSignIn401()
    {
        await Api.ProblemAsync(await _nurse.GetAsync("/api/appointments/987654/ics"), HttpStatusCode.NotFound);
        (await fixture.App.CreateClientAs(null).GetAsync("/api/appointments/1/ics")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public void CalendarFile_InSummerTime_ReadsBackToTheSameInstant()
    {
        var start = new DateTime(2027, 7, 1, 14, 0, 0, DateTimeKind.Utc); // 10:00 EDT
        var text = CalendarFile.Write(
            new CalendarAppointment(7, "Riverside Infusion Center", "America/New_York", start, start.AddMinutes(225), 3, false, "Mei", start.AddDays(-30)),
            "clinic.example");

        var vevent = Calendar.Load(text)!.Events.Single();

        vevent.DtStart!.Value.ShouldBe(new DateTime(2027, 7, 1, 10, 0, 0));
        vevent.DtStart.AsUtc.ShouldBe(start);
        vevent.DtEnd!.AsUtc.ShouldBe(start.AddMinutes(225));
        vevent.Sequence.ShouldBe(3);
        vevent.Uid.ShouldBe("appointment-7@clinic.example");
        vevent.Location.ShouldBe("Riverside Infusion Center");
    }
}
