using System.Net;

namespace InfusionCenter.Web.Tests.Booking;

/// <summary>
/// Issue 12, "Faults": bookings in the past (and in year 0001) were accepted. A new booking or a move starts today or later
/// in the clinic's date; earlier is a 400 on <c>start</c> in plain words. The clock is fixed at Monday 2026-11-23 09:30 in
/// New York (<see cref="FixedClockAppFixture"/>).
/// </summary>
public sealed class BookingStartsTodayTests(FixedClockAppFixture fixture) : IClassFixture<FixedClockAppFixture>
{
    private const string TodayIs = "A booking must start today or later (today is 2026-11-23).";

    private readonly HttpClient _client = fixture.App.CreateClient();

    private static async Task<string> StartErrorAsync(HttpResponseMessage response)
    {
        var problem = await Api.ProblemAsync(response, HttpStatusCode.BadRequest);
        return problem.GetProperty("errors").GetProperty("start")[0].GetString()!;
    }

    [Theory]
    [InlineData("2026-11-20T10:00")] // last Friday
    [InlineData("2026-11-22T12:00")] // yesterday
    [InlineData("2025-11-24T10:00")] // a year ago
    [InlineData("2026-11-22T23:30:00-05:00")] // yesterday evening, with the clinic's offset
    public async Task Book_OnAnEarlierDay_Is400AtStart_SayingToday(string start)
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client);

        var error = await StartErrorAsync(await AppointmentTestSupport.BookAsync(_client, patientId, chairId, start, 60));

        error.ShouldBe(TodayIs);
        (await AppointmentTestSupport.DayAsync(_client, start[..10])).ShouldNotContain(a => a.GetProperty("patientId").GetInt32() == patientId);
    }

    [Fact]
    public async Task Book_TheYearOne_Is400AtStart_NotAccepted()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client);

        await Api.ValidationProblemAsync(await AppointmentTestSupport.BookAsync(_client, patientId, chairId, "0001-01-01T09:00", 60), "start");
    }

    [Fact]
    public async Task Book_TodayEvenEarlierThanNow_IsAccepted()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client);

        // Today's date is what counts: a nurse records this morning's walk-in after the fact.
        await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2026-11-23T08:00", 30);
        await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2026-11-23T15:00", 30);
    }

    [Fact]
    public async Task BookADose_WhoseWindowOpenedLastWeek_OnAnEarlierDay_Is400AtStart()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client);
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "natalizumab", start = "2026-11-18" });

        var error = await StartErrorAsync(await AppointmentTestSupport.BookAsync(_client, patientId, chairId, "2026-11-18T10:00", null, AppointmentTestSupport.DoseId(regimen, 1)));

        error.ShouldBe(TodayIs);
    }

    [Fact]
    public async Task Move_ToAnEarlierDay_Is400AtStart_AndTheAppointmentStays()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client);
        var booked = await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2026-11-25T10:00", 60);

        var error = await StartErrorAsync(await _client.PutRawAsync($"/api/appointments/{booked.Id()}", """{"start": "2026-11-20T10:00"}"""));

        error.ShouldBe(TodayIs);
        var reread = await Api.ReadAsync(await _client.GetAsync($"/api/appointments/{booked.Id()}"), HttpStatusCode.OK);
        reread.Time("start").ShouldBe(booked.Time("start"));
    }

    [Fact]
    public async Task Move_ToTodayOrLater_IsAccepted()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client);
        var booked = await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2026-11-25T10:00", 60);

        var moved = await Api.ReadAsync(await _client.PutRawAsync($"/api/appointments/{booked.Id()}", """{"start": "2026-11-23T16:00"}"""), HttpStatusCode.OK);

        moved[0].Time("start").ShouldBe(new DateTimeOffset(2026, 11, 23, 16, 0, 0, AppointmentTestSupport.Est));
    }
}
