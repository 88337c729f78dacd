using System.Globalization;
using System.Net;
using System.Text.Json;
using InfusionCenter.Testing;

namespace InfusionCenter.Web.Tests.Booking;

/// <summary>API.md "Chairs, appointments, slots": the free slots for a dose or a length, inside opening hours and clear of bookings.</summary>
public sealed class SlotApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly HttpClient _client = fixture.App.CreateClient();

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
