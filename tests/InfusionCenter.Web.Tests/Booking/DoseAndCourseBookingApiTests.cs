using System.Globalization;
using System.Net;
using System.Text.Json;
using InfusionCenter.Testing;

namespace InfusionCenter.Web.Tests.Booking;

/// <summary>
/// Booking doses (chair time, window, the dose's status) and consecutive-day courses (booked, moved and cancelled as one),
/// and moving appointments, on the real clock with chairs and patients of each test's own.
/// </summary>
public sealed class DoseAndCourseBookingApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly HttpClient _client = fixture.App.CreateClient();

    [Fact]
    public async Task DoseBooking_DefaultsToChairMinutes_WindowChecked_DoubleBookingIs409_StatusFollows()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client, "Tysabri");
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "natalizumab", start = "2027-03-09" });
        var doseId = AppointmentTestSupport.DoseId(regimen, 1); // target 2027-03-09, window 03-06..03-16

        // Outside the dose window (Wednesday 17 March is a day too late).
        await Api.ValidationProblemAsync(await AppointmentTestSupport.BookAsync(_client, patientId, chairId, "2027-03-17T09:00", null, doseId), "start");
        (await AppointmentTestSupport.PatientDoseAsync(_client, patientId, 1)).Status().ShouldBe("planned");

        var booked = await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2027-03-09T09:00", null, doseId);
        booked.GetProperty("doseId").GetInt32().ShouldBe(doseId);
        booked.GetProperty("minutes").GetInt32().ShouldBe(120);
        (booked.Time("end") - booked.Time("start")).ShouldBe(TimeSpan.FromMinutes(120));
        booked.GetProperty("courseAppointments").ValueKind.ShouldBe(JsonValueKind.Null);
        (await AppointmentTestSupport.PatientDoseAsync(_client, patientId, 1)).Status().ShouldBe("booked");

        // The same dose again (another day, so only the dose clashes).
        var detail = await AppointmentTestSupport.DetailAsync(await AppointmentTestSupport.BookAsync(_client, patientId, chairId, "2027-03-10T09:00", null, doseId), HttpStatusCode.Conflict);
        detail.ShouldContain("already booked");

        // Another patient's dose cannot be booked for this patient.
        var otherPatient = await Api.CreatePatientAsync(_client);
        await Api.ValidationProblemAsync(await AppointmentTestSupport.BookAsync(_client, otherPatient, chairId, "2027-03-11T09:00", null, AppointmentTestSupport.DoseId(regimen, 2)), "doseId");

        await Api.ReadAsync(await _client.DeleteAsync($"/api/appointments/{booked.Id()}?reason=rescheduled"), HttpStatusCode.NoContent);
        (await AppointmentTestSupport.PatientDoseAsync(_client, patientId, 1)).Status().ShouldBe("planned");
        await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2027-03-10T09:00", null, doseId);
    }

    [Fact]
    public async Task CourseBooking_ThreeConsecutiveDays_SameChairAndTime_CancelOneCancelsAll()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client, "Solumedrol");
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "methylprednisolone", start = "2027-03-22", days = 3 });
        var doseIds = Enumerable.Range(1, 3).Select(s => AppointmentTestSupport.DoseId(regimen, s)).ToArray();

        // Not from the course's first day.
        await Api.ValidationProblemAsync(await AppointmentTestSupport.BookAsync(_client, patientId, chairId, "2027-03-23T09:00", null, doseIds[1]), "doseId");

        var booked = await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2027-03-22T09:00", null, doseIds[0]);

        var course = booked.GetProperty("courseAppointments").EnumerateArray().ToArray();
        course.Length.ShouldBe(3);
        course.Select(c => c.GetProperty("chairId").GetInt32()).ShouldAllBe(c => c == chairId);
        course.Select(c => c.Time("start")).ShouldBe(Enumerable.Range(0, 3).Select(d => new DateTimeOffset(2027, 3, 22 + d, 9, 0, 0, TimeSpan.FromHours(-4))));
        course.Select(c => c.GetProperty("doseId").GetInt32()).ShouldBe(doseIds);
        course.ShouldAllBe(c => (c.Time("end") - c.Time("start")) == TimeSpan.FromMinutes(75));
        course.Select(c => c.Id()).Distinct().Count().ShouldBe(3);
        course[0].Id().ShouldBe(booked.Id());
        booked.GetProperty("courseGroup").GetString().ShouldNotBeNullOrWhiteSpace();
        for (var s = 1; s <= 3; s++)
        {
            (await AppointmentTestSupport.PatientDoseAsync(_client, patientId, s)).Status().ShouldBe("booked");
        }

        // Cancelling the middle day cancels the course.
        await Api.ReadAsync(await _client.DeleteAsync($"/api/appointments/{course[1].Id()}?reason=relapse%20resolved"), HttpStatusCode.NoContent);
        foreach (var c in course)
        {
            (await Api.ReadAsync(await _client.GetAsync($"/api/appointments/{c.Id()}"), HttpStatusCode.OK)).Status().ShouldBe("cancelled");
        }

        for (var s = 1; s <= 3; s++)
        {
            (await AppointmentTestSupport.PatientDoseAsync(_client, patientId, s)).Status().ShouldBe("planned");
        }

        // And the whole course can be booked again.
        await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2027-03-22T09:00", null, doseIds[0]);
    }

    [Fact]
    public async Task CourseBooking_OneDayOccupied_Returns409_AndNothingIsBooked()
    {
        var (chairId, chairName) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client, "Blocked");
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "methylprednisolone", start = "2027-03-29", days = 3 });
        var blocker = await Api.CreatePatientAsync(_client, "Blocker");
        await AppointmentTestSupport.BookedAsync(_client, blocker, chairId, "2027-03-31T09:30", 60); // day 3 of the course

        var detail = await AppointmentTestSupport.DetailAsync(await AppointmentTestSupport.BookAsync(_client, patientId, chairId, "2027-03-29T09:00", null, AppointmentTestSupport.DoseId(regimen, 1)), HttpStatusCode.Conflict);

        detail.ShouldContain(chairName);
        detail.ShouldContain("2027-03-31");
        foreach (var date in new[] { "2027-03-29", "2027-03-30", "2027-03-31" })
        {
            (await AppointmentTestSupport.DayAsync(_client, date)).ShouldNotContain(a => a.GetProperty("patientId").GetInt32() == patientId);
        }

        for (var s = 1; s <= 3; s++)
        {
            (await AppointmentTestSupport.PatientDoseAsync(_client, patientId, s)).Status().ShouldBe("planned");
        }

        // Later that morning the chair is free all three days.
        var booked = await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2027-03-29T10:30", null, AppointmentTestSupport.DoseId(regimen, 1));
        booked.GetProperty("courseAppointments").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public async Task CourseBooking_ClinicClosedOnALaterDay_Returns400()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client);
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "methylprednisolone", start = "2027-03-11", days = 3 }); // Thu, Fri, Sat

        await Api.ValidationProblemAsync(await AppointmentTestSupport.BookAsync(_client, patientId, chairId, "2027-03-11T09:00", null, AppointmentTestSupport.DoseId(regimen, 1)), "start");

        (await AppointmentTestSupport.PatientDoseAsync(_client, patientId, 1)).Status().ShouldBe("planned");
    }

    [Fact]
    public async Task CourseBooking_StartedLateInTheDayOneWindow_CanBeMovedWithinTheDay()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client);
        // Day 1 target Monday 2027-04-05 (window 0/+2 days): the course is booked a day late, Tue–Thu.
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "methylprednisolone", start = "2027-04-05", days = 3 });
        var booked = await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2027-04-06T09:00", null, AppointmentTestSupport.DoseId(regimen, 1));
        booked.GetProperty("courseAppointments").GetArrayLength().ShouldBe(3);

        var moved = await Api.ReadAsync(await _client.PutRawAsync($"/api/appointments/{booked.Id()}", "{\"start\": \"2027-04-06T11:00\"}"), HttpStatusCode.OK);

        moved.EnumerateArray().Select(a => a.Time("start"))
            .ShouldBe(Enumerable.Range(0, 3).Select(d => new DateTimeOffset(2027, 4, 6 + d, 11, 0, 0, TimeSpan.FromHours(-4))));
    }

    [Fact]
    public async Task Move_ToFreeTime_Returns200_OntoOccupiedTime_Returns409()
    {
        var (chairId, chairName) = await AppointmentTestSupport.CreateChairAsync(_client);
        var (otherChair, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var first = await Api.CreatePatientAsync(_client);
        var second = await Api.CreatePatientAsync(_client);
        var a = await AppointmentTestSupport.BookedAsync(_client, first, chairId, "2027-03-19T09:00", 60);
        await AppointmentTestSupport.BookedAsync(_client, second, chairId, "2027-03-19T11:00", 60);

        var moved = await Api.ReadAsync(await _client.PutRawAsync($"/api/appointments/{a.Id()}", "{\"start\": \"2027-03-19T13:00\"}"), HttpStatusCode.OK);
        var only = moved.EnumerateArray().Single();
        only.Id().ShouldBe(a.Id());
        only.Time("start").ShouldBe(new DateTimeOffset(2027, 3, 19, 13, 0, 0, TimeSpan.FromHours(-4)));
        only.Time("end").ShouldBe(new DateTimeOffset(2027, 3, 19, 14, 0, 0, TimeSpan.FromHours(-4)));

        var detail = await AppointmentTestSupport.DetailAsync(await _client.PutRawAsync($"/api/appointments/{a.Id()}", "{\"start\": \"2027-03-19T11:30\"}"), HttpStatusCode.Conflict);
        detail.ShouldContain(chairName);
        (await Api.ReadAsync(await _client.GetAsync($"/api/appointments/{a.Id()}"), HttpStatusCode.OK)).Time("start")
            .ShouldBe(new DateTimeOffset(2027, 3, 19, 13, 0, 0, TimeSpan.FromHours(-4)));

        // Another chair at the occupied time is fine; a Saturday or no change at all is not.
        var otherMove = await Api.ReadAsync(await _client.PutRawAsync($"/api/appointments/{a.Id()}", $"{{\"chairId\": {otherChair}, \"start\": \"2027-03-19T11:30\"}}"), HttpStatusCode.OK);
        otherMove.EnumerateArray().Single().GetProperty("chairId").GetInt32().ShouldBe(otherChair);
        await Api.ValidationProblemAsync(await _client.PutRawAsync($"/api/appointments/{a.Id()}", "{\"start\": \"2027-03-20T09:00\"}"), "start");
        await Api.ValidationProblemAsync(await _client.PutRawAsync($"/api/appointments/{a.Id()}", "{}"), "start");
        await Api.ValidationProblemAsync(await _client.PutRawAsync($"/api/appointments/{a.Id()}", "{\"chairId\": 987654}"), "chairId");
    }

    [Fact]
    public async Task Move_CancelledAppointment_Returns409()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client);
        var a = await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2027-03-19T15:00", 60);
        await Api.ReadAsync(await _client.DeleteAsync($"/api/appointments/{a.Id()}"), HttpStatusCode.NoContent);

        await Api.ProblemAsync(await _client.PutRawAsync($"/api/appointments/{a.Id()}", "{\"start\": \"2027-03-19T16:00\"}"), HttpStatusCode.Conflict);
    }
}
