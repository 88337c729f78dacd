using System.Globalization;
using System.Net;
using System.Text.Json;
using InfusionCenter.Testing;

namespace InfusionCenter.Web.Tests.Booking;

/// <summary>
/// API.md "Chairs, appointments, slots" on the real clock (today is before 2027-03; bookings go far
/// from the demo seed's two weeks, each test on chairs and patients of its own).
/// </summary>
public sealed class AppointmentApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly HttpClient _client = fixture.App.CreateClient();

    [Fact]
    public async Task FortyParallelBookings_SameChairOverlapping_ExactlyOneWins_OthersGet409NamingTheChair()
    {
        var (chairId, chairName) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patients = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Api.CreatePatientAsync(_client, $"Racer{i}")));

        // Starts 09:00, 09:15, 09:30, 09:45 (60 min each): every pair overlaps (all hold 09:45–10:00).
        var responses = await Task.WhenAll(patients.Select((patientId, i) =>
            AppointmentTestSupport.BookAsync(_client, patientId, chairId, $"2027-03-16T09:{i % 4 * 15:00}", 60)));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        statuses.ShouldAllBe(s => s == HttpStatusCode.Created || s == HttpStatusCode.Conflict, string.Join(",", statuses));
        statuses.Count(s => s == HttpStatusCode.Created).ShouldBe(1);
        statuses.Count(s => s == HttpStatusCode.Conflict).ShouldBe(39);
        foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            (await AppointmentTestSupport.DetailAsync(conflict, HttpStatusCode.Conflict)).ShouldContain(chairName);
        }

        var winner = await Api.ReadAsync(responses.Single(r => r.StatusCode == HttpStatusCode.Created), HttpStatusCode.Created);
        var day = await AppointmentTestSupport.DayAsync(_client, "2027-03-16");
        var onChair = day.Where(a => a.GetProperty("chairId").GetInt32() == chairId).ToArray();
        onChair.Length.ShouldBe(1);
        onChair[0].Id().ShouldBe(winner.Id());
        onChair[0].Status().ShouldBe("booked");
    }

    [Fact]
    public async Task Book_Returns201_WithLocationAndTimesInClinicTime()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client);

        var response = await AppointmentTestSupport.BookAsync(_client, patientId, chairId, "2027-03-09T09:00", 90);

        var appointment = await Api.ReadAsync(response, HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldEndWith($"/api/appointments/{appointment.Id()}");
        appointment.GetProperty("chairId").GetInt32().ShouldBe(chairId);
        appointment.GetProperty("patientId").GetInt32().ShouldBe(patientId);
        appointment.GetProperty("minutes").GetInt32().ShouldBe(90);
        appointment.Status().ShouldBe("booked");
        appointment.Time("start").ShouldBe(new DateTimeOffset(2027, 3, 9, 9, 0, 0, AppointmentTestSupport.Est));
        appointment.Time("start").Offset.ShouldBe(AppointmentTestSupport.Est);
        appointment.Time("end").ShouldBe(new DateTimeOffset(2027, 3, 9, 10, 30, 0, AppointmentTestSupport.Est));

        var reread = await Api.ReadAsync(await _client.GetAsync($"/api/appointments/{appointment.Id()}"), HttpStatusCode.OK);
        reread.Time("start").ShouldBe(appointment.Time("start"));
        reread.GetProperty("bookedBy").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task SamePatient_TwoChairsOverlapping_Returns409NamingThePatientsAppointment()
    {
        var (chairA, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var (chairB, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client);
        await AppointmentTestSupport.BookedAsync(_client, patientId, chairA, "2027-03-10T09:00", 60);

        var detail = await AppointmentTestSupport.DetailAsync(await AppointmentTestSupport.BookAsync(_client, patientId, chairB, "2027-03-10T09:30", 60), HttpStatusCode.Conflict);

        detail.ShouldContain("patient already has an appointment");
        (await AppointmentTestSupport.DayAsync(_client, "2027-03-10")).Count(a => a.GetProperty("chairId").GetInt32() == chairB).ShouldBe(0);
    }

    [Fact]
    public async Task BackToBack_OnOneChair_BothBooked()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var first = await Api.CreatePatientAsync(_client);
        var second = await Api.CreatePatientAsync(_client);

        var a = await AppointmentTestSupport.BookedAsync(_client, first, chairId, "2027-03-11T09:00", 60);
        var b = await AppointmentTestSupport.BookedAsync(_client, second, chairId, "2027-03-11T10:00", 60);
        // The same patient back to back on another chair is fine too (half-open ranges).
        var (otherChair, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        await AppointmentTestSupport.BookedAsync(_client, first, otherChair, "2027-03-11T10:00", 60);

        a.Time("end").ShouldBe(b.Time("start"));
        (await AppointmentTestSupport.DayAsync(_client, "2027-03-11")).Count(x => x.GetProperty("chairId").GetInt32() == chairId).ShouldBe(2);
    }

    [Theory]
    [InlineData("2026-11-26T09:00")] // Thanksgiving
    [InlineData("2026-12-25T10:00")] // Christmas
    [InlineData("2027-03-13T09:00")] // Saturday
    [InlineData("2027-03-14T09:00")] // Sunday
    public async Task Book_ClosedDay_Returns400OnStart(string start)
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client);

        await Api.ValidationProblemAsync(await AppointmentTestSupport.BookAsync(_client, patientId, chairId, start, 60), "start");
    }

    [Theory]
    [InlineData("2027-03-09T06:30", 60)] // opens 07:00
    [InlineData("2027-03-09T18:30", 60)] // ends 19:30 > 19:00
    [InlineData("2027-03-09T18:01", 60)]
    [InlineData("2027-03-09T19:00", 30)]
    [InlineData("2027-03-09T23:30", 60)] // would run past midnight
    public async Task Book_OutsideOpeningHours_Returns400(string start, int minutes)
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client);

        await Api.ValidationProblemAsync(await AppointmentTestSupport.BookAsync(_client, patientId, chairId, start, minutes), "start");
    }

    [Fact]
    public async Task Book_ExactlyOpeningHours_Returns201()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client);

        await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2027-03-12T07:00", 60);
        await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2027-03-12T18:00", 60);
    }

    [Fact]
    public async Task Cancel_Returns204_KeepsTheRecord_AndTheSlotCanBeBookedAgain()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var first = await Api.CreatePatientAsync(_client);
        var second = await Api.CreatePatientAsync(_client);
        var booked = await AppointmentTestSupport.BookedAsync(_client, first, chairId, "2027-03-17T11:00", 60);
        await AppointmentTestSupport.DetailAsync(await AppointmentTestSupport.BookAsync(_client, second, chairId, "2027-03-17T11:00", 60), HttpStatusCode.Conflict);

        var cancel = await _client.DeleteAsync($"/api/appointments/{booked.Id()}?reason=Patient%20unwell");
        await Api.ReadAsync(cancel, HttpStatusCode.NoContent);

        var reread = await Api.ReadAsync(await _client.GetAsync($"/api/appointments/{booked.Id()}"), HttpStatusCode.OK);
        reread.Status().ShouldBe("cancelled");
        reread.GetProperty("cancelReason").GetString().ShouldBe("Patient unwell");
        var again = await AppointmentTestSupport.BookedAsync(_client, second, chairId, "2027-03-17T11:00", 60);
        again.Id().ShouldNotBe(booked.Id());
        // The first patient is free again too.
        var (otherChair, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        await AppointmentTestSupport.BookedAsync(_client, first, otherChair, "2027-03-17T11:00", 60);
        // Cancelling again is harmless.
        await Api.ReadAsync(await _client.DeleteAsync($"/api/appointments/{booked.Id()}"), HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Book_LocalTimeAndIsoWithOffset_MeanTheSameInstant()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var first = await Api.CreatePatientAsync(_client);
        var second = await Api.CreatePatientAsync(_client);
        var third = await Api.CreatePatientAsync(_client);

        var local = await AppointmentTestSupport.BookedAsync(_client, first, chairId, "2027-03-09T09:00", 60);
        local.Time("start").ShouldBe(new DateTimeOffset(2027, 3, 9, 14, 0, 0, TimeSpan.Zero));

        // 14:00Z is 09:00 EST: the same chair time, so it clashes.
        var detail = await AppointmentTestSupport.DetailAsync(await AppointmentTestSupport.BookAsync(_client, second, chairId, "2027-03-09T14:00:00Z", 60), HttpStatusCode.Conflict);
        detail.ShouldContain("09:00");

        var utc = await AppointmentTestSupport.BookedAsync(_client, second, chairId, "2027-03-09T15:00:00Z", 60);
        utc.Time("start").ShouldBe(new DateTimeOffset(2027, 3, 9, 10, 0, 0, AppointmentTestSupport.Est));
        var offset = await AppointmentTestSupport.BookedAsync(_client, third, chairId, "2027-03-09T11:00:00-05:00", 60);
        offset.Time("start").ShouldBe(new DateTimeOffset(2027, 3, 9, 11, 0, 0, AppointmentTestSupport.Est));
    }

    [Theory]
    [InlineData("2027-03-18T09:00:00")]
    [InlineData("2027-03-18 09:00")]
    [InlineData("2027-03-18T09:00:00.000")]
    public async Task Book_LocalTimeWithoutOffset_IsClinicTime(string start)
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client);

        var booked = await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, start, 60);

        booked.Time("start").ShouldBe(new DateTimeOffset(2027, 3, 18, 9, 0, 0, TimeSpan.FromHours(-4))); // EDT after 14 March
    }

    [Theory]
    [InlineData("tomorrow morning")]
    [InlineData("2027-03-09T25:00")]
    [InlineData("2027-02-30T09:00")]
    [InlineData("")]
    public async Task Book_BadStart_Returns400OnStart(string start)
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client);

        await Api.ValidationProblemAsync(await AppointmentTestSupport.BookAsync(_client, patientId, chairId, start, 60), "start");
    }

    [Fact]
    public async Task Book_UnknownChairOrPatient_Returns400()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client);

        await Api.ValidationProblemAsync(await AppointmentTestSupport.BookAsync(_client, patientId, 987654, "2027-03-09T09:00", 60), "chairId");
        await Api.ValidationProblemAsync(await AppointmentTestSupport.BookAsync(_client, 987654, chairId, "2027-03-09T09:00", 60), "patientId");
        await Api.ValidationProblemAsync(await AppointmentTestSupport.BookAsync(_client, patientId, chairId, "2027-03-09T09:00", null, 987654), "doseId");
    }

    [Fact]
    public async Task Book_MissingFieldsOrBadMinutes_Returns400()
    {
        await Api.ValidationProblemAsync(await _client.PostRawAsync("/api/appointments", "{}"), "patientId", "chairId", "start", "minutes");
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client);
        await Api.ValidationProblemAsync(await AppointmentTestSupport.BookAsync(_client, patientId, chairId, "2027-03-09T09:00", 0), "minutes");
        await Api.ValidationProblemAsync(await AppointmentTestSupport.BookAsync(_client, patientId, chairId, "2027-03-09T09:00", 721), "minutes");
        await Api.ProblemAsync(await _client.PostRawAsync("/api/appointments", "{\"patientId\": "), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task UnknownAppointmentId_Returns404()
    {
        await Api.ProblemAsync(await _client.GetAsync("/api/appointments/987654"), HttpStatusCode.NotFound);
        await Api.ProblemAsync(await _client.DeleteAsync("/api/appointments/987654?reason=x"), HttpStatusCode.NotFound);
        await Api.ProblemAsync(await _client.PutRawAsync("/api/appointments/987654", "{\"start\": \"2027-03-09T09:00\"}"), HttpStatusCode.NotFound);
        foreach (var step in new[] { "check-in", "in-chair", "complete", "no-show" })
        {
            await Api.ProblemAsync(await _client.PostRawAsync($"/api/appointments/987654/{step}", "{}"), HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task GetAppointments_WithoutOrWithBadDate_Returns400()
    {
        await Api.ValidationProblemAsync(await _client.GetAsync("/api/appointments"), "date");
        await Api.ValidationProblemAsync(await _client.GetAsync("/api/appointments?date=2027-13-01"), "date");
    }

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

    [Fact]
    public async Task Slots_ForDose_InsideWindowAndHours_NotOverlappingBookings()
    {
        var patientId = await Api.CreatePatientAsync(_client, "Slotted");
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "natalizumab", start = "2027-04-13" }); // window 04-10..04-20
        var doseId = AppointmentTestSupport.DoseId(regimen, 1);

        var slots = (await Api.ReadAsync(await _client.GetAsync($"/api/slots?doseId={doseId}"), HttpStatusCode.OK)).EnumerateArray().ToArray();

        slots.ShouldNotBeEmpty();
        slots.Length.ShouldBeLessThanOrEqualTo(10);
        await AssertSlotsValidAsync(slots, 120, new DateOnly(2027, 4, 10), new DateOnly(2027, 4, 20));

        // Book another patient into the best slot: it is no longer offered, and nothing overlaps it on that chair.
        var best = slots[0];
        var chairId = best.GetProperty("chairId").GetInt32();
        var other = await Api.CreatePatientAsync(_client);
        var taken = await AppointmentTestSupport.BookedAsync(_client, other, chairId, best.GetProperty("start").GetString()!, 120);
        taken.Time("start").ShouldBe(best.Time("start"));

        var after = (await Api.ReadAsync(await _client.GetAsync($"/api/slots?doseId={doseId}"), HttpStatusCode.OK)).EnumerateArray().ToArray();
        after.ShouldNotBeEmpty();
        after.ShouldNotContain(s => s.GetProperty("chairId").GetInt32() == chairId && s.Time("start") < taken.Time("end") && s.Time("end") > taken.Time("start"));
        await AssertSlotsValidAsync(after, 120, new DateOnly(2027, 4, 10), new DateOnly(2027, 4, 20));

        // A slot offered can be booked for the dose.
        var booked = await AppointmentTestSupport.BookedAsync(_client, patientId, after[0].GetProperty("chairId").GetInt32(), after[0].GetProperty("start").GetString()!, null, doseId);
        booked.Time("start").ShouldBe(after[0].Time("start"));
    }

    [Fact]
    public async Task Slots_ForMinutesAndDates_Returns200_InsideRangeAndHours()
    {
        var slots = (await Api.ReadAsync(await _client.GetAsync("/api/slots?minutes=60&from=2027-03-08&to=2027-03-12"), HttpStatusCode.OK)).EnumerateArray().ToArray();

        slots.ShouldNotBeEmpty();
        slots.Length.ShouldBeLessThanOrEqualTo(10);
        await AssertSlotsValidAsync(slots, 60, new DateOnly(2027, 3, 8), new DateOnly(2027, 3, 12));

        var three = (await Api.ReadAsync(await _client.GetAsync("/api/slots?minutes=60&from=2027-03-08&to=2027-03-12&max=3"), HttpStatusCode.OK)).EnumerateArray().ToArray();
        three.Length.ShouldBe(3);
    }

    [Fact]
    public async Task Slots_OverAWeekend_OnlyOpenDays()
    {
        var slots = (await Api.ReadAsync(await _client.GetAsync("/api/slots?minutes=30&from=2027-03-13&to=2027-03-14"), HttpStatusCode.OK)).EnumerateArray().ToArray();

        slots.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/api/slots", new[] { "minutes", "from", "to" })]
    [InlineData("/api/slots?minutes=60", new[] { "from", "to" })]
    [InlineData("/api/slots?minutes=60&from=2027-03-12&to=2027-03-08", new[] { "to" })]
    [InlineData("/api/slots?minutes=60&from=2027-03-08&to=2027-12-31", new[] { "to" })]
    [InlineData("/api/slots?minutes=0&from=2027-03-08&to=2027-03-12", new[] { "minutes" })]
    [InlineData("/api/slots?minutes=abc&from=2027-03-08&to=2027-03-12", new[] { "minutes" })]
    [InlineData("/api/slots?minutes=60&from=2027-03-08&to=2027-03-12&max=0", new[] { "max" })]
    [InlineData("/api/slots?doseId=x", new[] { "doseId" })]
    public async Task Slots_BadParameters_Return400(string url, string[] fields)
    {
        await Api.ValidationProblemAsync(await _client.GetAsync(url), fields);
    }

    [Fact]
    public async Task Slots_UnknownDose_Returns404()
    {
        await Api.ProblemAsync(await _client.GetAsync("/api/slots?doseId=987654"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Manager_MayReadAppointments_ButNotBook()
    {
        using var manager = fixture.App.CreateClientAs("Manager");
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client);
        var booked = await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2027-03-24T09:00", 60);

        var day = await AppointmentTestSupport.DayAsync(manager, "2027-03-24");
        day.ShouldContain(a => a.Id() == booked.Id());
        await Api.ReadAsync(await manager.GetAsync($"/api/appointments/{booked.Id()}"), HttpStatusCode.OK);

        (await AppointmentTestSupport.BookAsync(manager, patientId, chairId, "2027-03-24T11:00", 60)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await manager.DeleteAsync($"/api/appointments/{booked.Id()}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await manager.PutRawAsync($"/api/appointments/{booked.Id()}", "{\"start\": \"2027-03-24T13:00\"}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await manager.PostRawAsync($"/api/appointments/{booked.Id()}/check-in", "{}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Api.ReadAsync(await _client.GetAsync($"/api/appointments/{booked.Id()}"), HttpStatusCode.OK)).Status().ShouldBe("booked");

        using var nurse = fixture.App.CreateClientAs("Nurse");
        await AppointmentTestSupport.BookedAsync(nurse, patientId, chairId, "2027-03-24T11:00", 60);
        using var anonymous = fixture.App.CreateClientAs(null);
        (await anonymous.GetAsync("/api/appointments?date=2027-03-24")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    /// <summary>Each slot: a 'minutes' long open-hours weekday interval in [from, to], clear of active bookings on its chair.</summary>
    private async Task AssertSlotsValidAsync(JsonElement[] slots, int minutes, DateOnly from, DateOnly to)
    {
        var days = new Dictionary<string, JsonElement[]>();
        foreach (var slot in slots)
        {
            var start = slot.Time("start");
            var end = slot.Time("end");
            (end - start).ShouldBe(TimeSpan.FromMinutes(minutes));
            var date = DateOnly.FromDateTime(start.DateTime); // clinic-local wall time
            date.ShouldBeInRange(from, to);
            date.DayOfWeek.ShouldNotBe(DayOfWeek.Saturday);
            date.DayOfWeek.ShouldNotBe(DayOfWeek.Sunday);
            TimeOnly.FromDateTime(start.DateTime).ShouldBeGreaterThanOrEqualTo(new TimeOnly(7, 0));
            end.DateTime.ShouldBeLessThanOrEqualTo(date.ToDateTime(new TimeOnly(19, 0)));
            start.Offset.ShouldBe(start.DateTime < new DateTime(2027, 3, 14, 2, 0, 0) ? AppointmentTestSupport.Est : TimeSpan.FromHours(-4));

            var key = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (!days.TryGetValue(key, out var appointments))
            {
                appointments = await AppointmentTestSupport.DayAsync(_client, key);
                days[key] = appointments;
            }

            var chairId = slot.GetProperty("chairId").GetInt32();
            appointments.ShouldNotContain(a => a.GetProperty("chairId").GetInt32() == chairId
                && a.Status() != "cancelled" && a.Status() != "noShow"
                && a.Time("start") < end && a.Time("end") > start, $"slot {slot} overlaps a booking");
        }
    }
}

/// <summary>
/// The day's flow (check in, in chair, complete, no-show) and the worklist, with the clinic's "today"
/// fixed at Monday 2026-11-23 09:30 New York so doses can be recorded as given today.
/// </summary>
public sealed class AppointmentLifecycleApiTests(FixedClockAppFixture fixture) : IClassFixture<FixedClockAppFixture>
{
    private readonly HttpClient _client = fixture.App.CreateClient();

    private async Task<JsonElement> StepAsync(int id, string step, HttpStatusCode expected = HttpStatusCode.OK) =>
        await Api.ReadAsync(await _client.PostRawAsync($"/api/appointments/{id}/{step}", "{}"), expected);

    private async Task<JsonElement[]> ChecksAsync(int id) =>
        (await Api.ReadAsync(await _client.GetAsync($"/api/appointments/{id}/checks"), HttpStatusCode.OK)).EnumerateArray().ToArray();

    /// <summary>Confirms every blocking pre-infusion check of the appointment (the nurse's checklist before the infusion).</summary>
    private async Task ConfirmBlockingChecksAsync(int id)
    {
        foreach (var check in (await ChecksAsync(id)).Where(c => c.GetProperty("blocking").GetBoolean() && !c.GetProperty("confirmed").GetBoolean()))
        {
            await Api.ReadAsync(await _client.PostRawAsync($"/api/appointments/{id}/checks/{check.GetProperty("code").GetString()}", "{}"), HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task PreInfusionChecks_BlockInChairAndComplete_UntilConfirmed_PeriodicOnesCarryToTheNextDose()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client, "Checked");
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "natalizumab", start = "2026-11-23" });
        var first = await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2026-11-23T11:00", null, AppointmentTestSupport.DoseId(regimen, 1));

        // Natalizumab's gates (protocol data): TOUCH authorization before each dose (blocking), re-authorization every
        // 6 months (blocking, periodic), anti-JCV antibody every 6 months (advisory, periodic).
        var checks = await ChecksAsync(first.Id());
        checks.Select(c => c.GetProperty("code").GetString()).ShouldBe(["touch-authorization", "touch-reauthorization", "anti-jcv-antibody"]);
        checks.ShouldAllBe(c => !c.GetProperty("confirmed").GetBoolean());
        checks.Single(c => c.GetProperty("code").GetString() == "anti-jcv-antibody").GetProperty("blocking").GetBoolean().ShouldBeFalse();

        var refused = await AppointmentTestSupport.DetailAsync(await _client.PostRawAsync($"/api/appointments/{first.Id()}/in-chair", "{}"), HttpStatusCode.Conflict);
        refused.ShouldContain("TOUCH authorization");
        refused.ShouldContain("TOUCH reauthorization");
        refused.ShouldNotContain("jcv", Case.Insensitive);
        await Api.ProblemAsync(await _client.PostRawAsync($"/api/appointments/{first.Id()}/complete", "{}"), HttpStatusCode.Conflict);
        (await AppointmentTestSupport.PatientDoseAsync(_client, patientId, 1)).Status().ShouldBe("booked"); // nothing recorded

        var afterOne = (await Api.ReadAsync(await _client.PostRawAsync($"/api/appointments/{first.Id()}/checks/touch-authorization", """{"note": "TOUCH checklist done"}"""), HttpStatusCode.OK)).EnumerateArray().ToArray();
        var confirmed = afterOne.Single(c => c.GetProperty("code").GetString() == "touch-authorization");
        confirmed.GetProperty("confirmed").GetBoolean().ShouldBeTrue();
        confirmed.GetProperty("confirmedBy").GetString().ShouldBe("admin@infusion.test");
        confirmed.GetProperty("note").GetString().ShouldBe("TOUCH checklist done");
        (await AppointmentTestSupport.DetailAsync(await _client.PostRawAsync($"/api/appointments/{first.Id()}/in-chair", "{}"), HttpStatusCode.Conflict))
            .ShouldNotContain("TOUCH authorization");
        var periodic = (await Api.ReadAsync(await _client.PostRawAsync($"/api/appointments/{first.Id()}/checks/touch-reauthorization", "{}"), HttpStatusCode.OK))
            .EnumerateArray().Single(c => c.GetProperty("code").GetString() == "touch-reauthorization");
        periodic.GetProperty("validUntil").GetString().ShouldBe("2027-05-23"); // 6 months from today (2026-11-23)
        // Confirming again changes nothing.
        await Api.ReadAsync(await _client.PostRawAsync($"/api/appointments/{first.Id()}/checks/touch-reauthorization", "{}"), HttpStatusCode.OK);
        (await StepAsync(first.Id(), "in-chair")).Status().ShouldBe("inChair");
        (await StepAsync(first.Id(), "complete")).Status().ShouldBe("completed");

        // Dose 2, four weeks later: the periodic re-authorization still holds, the per-dose authorization does not.
        var second = await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2026-12-21T11:00", null, AppointmentTestSupport.DoseId(regimen, 2));
        var next = await ChecksAsync(second.Id());
        next.Single(c => c.GetProperty("code").GetString() == "touch-reauthorization").GetProperty("confirmed").GetBoolean().ShouldBeTrue();
        next.Single(c => c.GetProperty("code").GetString() == "touch-authorization").GetProperty("confirmed").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task PreInfusionChecks_AlemtuzumabPremedication_OnlyOnCourseDaysOneToThree()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client, "bed");
        var patientId = await Api.CreatePatientAsync(_client, "Lemtrada");
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "alemtuzumab", start = "2026-11-30" });
        var booked = await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2026-11-30T08:00", null, AppointmentTestSupport.DoseId(regimen, 1));
        var days = booked.GetProperty("courseAppointments").EnumerateArray().Select(c => c.Id()).ToArray();
        days.Length.ShouldBe(5);

        var codesByDay = new List<string?[]>();
        foreach (var id in days)
        {
            codesByDay.Add((await ChecksAsync(id)).Select(c => c.GetProperty("code").GetString()).ToArray());
        }

        codesByDay.Take(3).ShouldAllBe(codes => codes.Contains("corticosteroid-premedication"));
        codesByDay.Skip(3).ShouldAllBe(codes => !codes.Contains("corticosteroid-premedication"));
        codesByDay.ShouldAllBe(codes => codes.Contains("rems-certified-site")); // every day
    }

    [Fact]
    public async Task PreInfusionChecks_BadRequests_AreRefused_AndVisitsWithoutADoseHaveNone()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client, "Visit");
        var visit = await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2026-11-24T09:00", 30);
        (await ChecksAsync(visit.Id())).ShouldBeEmpty();
        (await StepAsync(visit.Id(), "in-chair")).Status().ShouldBe("inChair");

        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "natalizumab", start = "2026-11-25" });
        var booked = await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2026-11-25T09:00", null, AppointmentTestSupport.DoseId(regimen, 1));
        await Api.ProblemAsync(await _client.PostRawAsync($"/api/appointments/{booked.Id()}/checks/no-such-gate", "{}"), HttpStatusCode.NotFound);
        await Api.ProblemAsync(await _client.GetAsync("/api/appointments/987654/checks"), HttpStatusCode.NotFound);
        await Api.ValidationProblemAsync(
            await _client.PostJsonAsync($"/api/appointments/{booked.Id()}/checks/touch-authorization", new { note = new string('x', 501) }), "note");
        var cancelled = await _client.DeleteAsync($"/api/appointments/{booked.Id()}?reason=test");
        cancelled.StatusCode.ShouldBe(HttpStatusCode.NoContent, await cancelled.Content.ReadAsStringAsync());
        await Api.ProblemAsync(await _client.PostRawAsync($"/api/appointments/{booked.Id()}/checks/touch-authorization", "{}"), HttpStatusCode.Conflict);
        // A cancelled appointment is refused for being cancelled, not for its checks.
        (await AppointmentTestSupport.DetailAsync(await _client.PostRawAsync($"/api/appointments/{booked.Id()}/in-chair", "{}"), HttpStatusCode.Conflict))
            .ShouldContain("cancelled");
    }

    [Fact]
    public async Task CheckIn_InChair_Complete_RecordsTheDoseGivenOnTheAppointmentDate()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client, "Completer");
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "natalizumab", start = "2026-11-23" });
        var booked = await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2026-11-23T10:00", null, AppointmentTestSupport.DoseId(regimen, 1));
        booked.GetProperty("minutes").GetInt32().ShouldBe(120);

        var checkedIn = await StepAsync(booked.Id(), "check-in");
        checkedIn.Status().ShouldBe("checkedIn");
        checkedIn.Time("checkedInAt").ShouldBe(FixedClockAppFixture.Now);
        (await StepAsync(booked.Id(), "check-in", HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("checked in");
        await ConfirmBlockingChecksAsync(booked.Id());
        (await StepAsync(booked.Id(), "in-chair")).Status().ShouldBe("inChair");
        await Api.ProblemAsync(await _client.DeleteAsync($"/api/appointments/{booked.Id()}"), HttpStatusCode.Conflict);
        var completed = await StepAsync(booked.Id(), "complete");
        completed.Status().ShouldBe("completed");
        completed.Time("completedAt").ShouldBe(FixedClockAppFixture.Now);

        var dose = await AppointmentTestSupport.PatientDoseAsync(_client, patientId, 1);
        dose.Status().ShouldBe("given");
        dose.GetProperty("givenOn").GetString().ShouldBe("2026-11-23");
        (await AppointmentTestSupport.PatientDoseAsync(_client, patientId, 2)).Status().ShouldBe("planned");

        await Api.ProblemAsync(await _client.PostRawAsync($"/api/appointments/{booked.Id()}/complete", "{}"), HttpStatusCode.Conflict);
        await Api.ProblemAsync(await _client.PostRawAsync($"/api/appointments/{booked.Id()}/no-show", "{}"), HttpStatusCode.Conflict);
        await Api.ProblemAsync(await _client.PostRawAsync($"/api/appointments/{booked.Id()}/check-in", "{}"), HttpStatusCode.Conflict);
        await Api.ProblemAsync(await _client.DeleteAsync($"/api/appointments/{booked.Id()}"), HttpStatusCode.Conflict);
        (await AppointmentTestSupport.PatientDoseAsync(_client, patientId, 1)).GetProperty("givenOn").GetString().ShouldBe("2026-11-23");
    }

    [Fact]
    public async Task Complete_StraightFromBooked_Returns200()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client);
        var booked = await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2026-11-23T08:00", 45);

        var completed = await StepAsync(booked.Id(), "complete");

        completed.Status().ShouldBe("completed");
        completed.GetProperty("checkedInAt").ValueKind.ShouldNotBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task NoShow_MarksTheDoseMissed_AndFreesTheChair()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client, "Absent");
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "natalizumab", start = "2026-11-23" });
        var booked = await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2026-11-23T13:00", null, AppointmentTestSupport.DoseId(regimen, 1));

        var noShow = await StepAsync(booked.Id(), "no-show");

        noShow.Status().ShouldBe("noShow");
        (await AppointmentTestSupport.PatientDoseAsync(_client, patientId, 1)).Status().ShouldBe("missed");
        await Api.ProblemAsync(await _client.PostRawAsync($"/api/appointments/{booked.Id()}/complete", "{}"), HttpStatusCode.Conflict);
        var other = await Api.CreatePatientAsync(_client);
        await AppointmentTestSupport.BookedAsync(_client, other, chairId, "2026-11-23T13:00", 60);
    }

    [Fact]
    public async Task MarkingABookedDoseMissed_BeforeItsStart_CancelsTheAppointment_FreesTheChair_AndTheDoseIsDueAgain()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client, "Skipping");
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "natalizumab", start = "2026-11-30" });
        var doseId = AppointmentTestSupport.DoseId(regimen, 1);
        var booked = await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2026-11-30T13:00", null, doseId);

        await Api.ReadAsync(await _client.PostAsync($"/api/doses/{doseId}/missed", null), HttpStatusCode.OK);

        (await AppointmentTestSupport.PatientDoseAsync(_client, patientId, 1)).Status().ShouldBe("missed");
        var appointment = (await AppointmentTestSupport.DayAsync(_client, "2026-11-30")).Single(a => a.Id() == booked.Id());
        appointment.Status().ShouldBe("cancelled");
        appointment.GetProperty("cancelReason").GetString().ShouldBe("Dose marked missed");
        var other = await Api.CreatePatientAsync(_client);
        await AppointmentTestSupport.BookedAsync(_client, other, chairId, "2026-11-30T13:00", 60);
        var worklist = (await Api.ReadAsync(await _client.GetAsync("/api/worklist?weeks=4"), HttpStatusCode.OK)).EnumerateArray();
        worklist.ShouldContain(d => d.GetProperty("doseId").GetInt32() == doseId);
        // Due again: it can be booked again.
        await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2026-12-01T09:00", null, doseId);
        (await AppointmentTestSupport.PatientDoseAsync(_client, patientId, 1)).Status().ShouldBe("booked");
    }

    [Fact]
    public async Task MarkingABookedDoseMissed_AfterItsStart_MakesTheAppointmentANoShow()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client, "Late");
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "natalizumab", start = "2026-11-23" });
        var doseId = AppointmentTestSupport.DoseId(regimen, 1);
        var booked = await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2026-11-23T08:00", null, doseId); // now is 09:30
        (await StepAsync(booked.Id(), "check-in")).Status().ShouldBe("checkedIn");

        await Api.ReadAsync(await _client.PostAsync($"/api/doses/{doseId}/missed", null), HttpStatusCode.OK);

        (await AppointmentTestSupport.DayAsync(_client, "2026-11-23")).Single(a => a.Id() == booked.Id()).Status().ShouldBe("noShow");
        (await AppointmentTestSupport.PatientDoseAsync(_client, patientId, 1)).Status().ShouldBe("missed");
    }

    [Fact]
    public async Task MarkingADoseMissed_WhileThePatientIsInTheChair_Returns409_AndChangesNothing()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client, "Seated");
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "natalizumab", start = "2026-11-23" });
        var doseId = AppointmentTestSupport.DoseId(regimen, 1);
        var booked = await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2026-11-23T09:00", null, doseId);
        await ConfirmBlockingChecksAsync(booked.Id());
        await StepAsync(booked.Id(), "in-chair");

        var detail = await AppointmentTestSupport.DetailAsync(await _client.PostAsync($"/api/doses/{doseId}/missed", null), HttpStatusCode.Conflict);

        detail.ShouldContain("in the chair");
        (await AppointmentTestSupport.PatientDoseAsync(_client, patientId, 1)).Status().ShouldBe("booked");
        (await AppointmentTestSupport.DayAsync(_client, "2026-11-23")).Single(a => a.Id() == booked.Id()).Status().ShouldBe("inChair");
    }

    [Fact]
    public async Task Worklist_PlannedDoses_OverdueFirst_BookedDosesLeaveIt()
    {
        var late = await Api.CreatePatientAsync(_client, "Overdue");
        var lateRegimen = await Api.EnrolAsync(_client, late, new { protocol = "natalizumab", start = "2026-10-26" }); // dose 1 latest 11-02
        var soon = await Api.CreatePatientAsync(_client, "Upcoming");
        var soonRegimen = await Api.EnrolAsync(_client, soon, new { protocol = "natalizumab", start = "2026-12-07" });
        var course = await Api.CreatePatientAsync(_client, "Course");
        var courseRegimen = await Api.EnrolAsync(_client, course, new { protocol = "methylprednisolone", start = "2026-12-01", days = 3 });

        var list = (await Api.ReadAsync(await _client.GetAsync("/api/worklist?weeks=4"), HttpStatusCode.OK)).EnumerateArray().ToArray();

        var overdueFlags = list.Select(d => d.GetProperty("overdue").GetBoolean()).ToList();
        overdueFlags.ShouldBe(overdueFlags.OrderByDescending(o => o).ToList(), "overdue doses come first");
        var lateDose = list.Single(d => d.GetProperty("doseId").GetInt32() == AppointmentTestSupport.DoseId(lateRegimen, 1));
        lateDose.GetProperty("overdue").GetBoolean().ShouldBeTrue();
        lateDose.GetProperty("flags").EnumerateArray().Select(f => f.GetString()).ShouldContain("Overdue");
        lateDose.GetProperty("patientId").GetInt32().ShouldBe(late);
        var lateSecond = list.Single(d => d.GetProperty("doseId").GetInt32() == AppointmentTestSupport.DoseId(lateRegimen, 2));
        lateSecond.GetProperty("overdue").GetBoolean().ShouldBeFalse();
        var soonDose = list.Single(d => d.GetProperty("doseId").GetInt32() == AppointmentTestSupport.DoseId(soonRegimen, 1));
        soonDose.GetProperty("overdue").GetBoolean().ShouldBeFalse();
        soonDose.GetProperty("chairMinutes").GetInt32().ShouldBe(120);
        Array.IndexOf(list, lateDose).ShouldBeLessThan(Array.IndexOf(list, soonDose));
        // Nothing beyond the 4-week horizon, nothing already booked or given.
        list.ShouldAllBe(d => d.Date("earliest") <= FixedClockAppFixture.Today.AddDays(28));
        list.ShouldAllBe(d => d.GetProperty("status").GetString() == "planned" || d.GetProperty("status").GetString() == "missed");
        list.ShouldNotContain(d => d.GetProperty("doseId").GetInt32() == AppointmentTestSupport.DoseId(soonRegimen, 2)); // earliest 2027-01-01
        // A consecutive-day course is listed once, by its first day.
        var courseRows = list.Where(d => d.GetProperty("patientId").GetInt32() == course).ToArray();
        courseRows.Length.ShouldBe(1);
        courseRows[0].GetProperty("doseId").GetInt32().ShouldBe(AppointmentTestSupport.DoseId(courseRegimen, 1));
        courseRows[0].GetProperty("courseDays").GetInt32().ShouldBe(3);

        // Booking a dose takes it off the worklist.
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        await AppointmentTestSupport.BookedAsync(_client, soon, chairId, "2026-12-07T10:00", null, AppointmentTestSupport.DoseId(soonRegimen, 1));
        var after = (await Api.ReadAsync(await _client.GetAsync("/api/worklist?weeks=4"), HttpStatusCode.OK)).EnumerateArray().ToArray();
        after.ShouldNotContain(d => d.GetProperty("doseId").GetInt32() == AppointmentTestSupport.DoseId(soonRegimen, 1));
        after.ShouldContain(d => d.GetProperty("doseId").GetInt32() == AppointmentTestSupport.DoseId(lateRegimen, 1));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("53")]
    [InlineData("-1")]
    [InlineData("abc")]
    public async Task Worklist_BadWeeks_Returns400(string weeks)
    {
        await Api.ValidationProblemAsync(await _client.GetAsync($"/api/worklist?weeks={weeks}"), "weeks");
    }

    [Fact]
    public async Task Slots_ForAnOverdueDose_StartFromNow()
    {
        var patientId = await Api.CreatePatientAsync(_client, "Late slots");
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "natalizumab", start = "2026-10-26" });

        var slots = (await Api.ReadAsync(await _client.GetAsync($"/api/slots?doseId={AppointmentTestSupport.DoseId(regimen, 1)}"), HttpStatusCode.OK)).EnumerateArray().ToArray();

        slots.ShouldNotBeEmpty();
        slots.ShouldAllBe(s => s.Time("start") >= FixedClockAppFixture.Now);
    }
}
