using System.Globalization;
using System.Net;
using System.Text.Json;
using InfusionCenter.Testing;

namespace InfusionCenter.Web.Tests.Booking;

/// <summary>
/// API.md "Chairs, appointments, slots": booking and cancelling free appointments, on the real clock (today is before
/// 2027-03; bookings go far from the demo seed's two weeks, each test on chairs and patients of its own).
/// </summary>
public sealed class BookingApiTests(AppFixture fixture) : IClassFixture<AppFixture>
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
}
