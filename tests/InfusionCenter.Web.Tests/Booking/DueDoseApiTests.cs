using System.Globalization;
using System.Net;
using System.Text.Json;
using InfusionCenter.Testing;

namespace InfusionCenter.Web.Tests.Booking;

/// <summary>The due-dose worklist and the slots of an overdue dose, with the clinic's "today" fixed at Monday 2026-11-23.</summary>
public sealed class DueDoseApiTests(FixedClockAppFixture fixture) : IClassFixture<FixedClockAppFixture>
{
    private readonly HttpClient _client = fixture.App.CreateClient();

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
