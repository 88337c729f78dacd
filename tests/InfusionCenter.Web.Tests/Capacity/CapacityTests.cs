using System.Globalization;
using System.Net;
using InfusionCenter.Testing;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Capacity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionCenter.Web.Tests.Capacity;

/// <summary>API.md "Capacity" and the capacity dashboard's figures, on exactly known bookings.</summary>
[Collection(CapacityCollection.Name)]
public sealed class CapacityTests(CapacityFixture fixture)
{
    private const string Week = "from=2031-03-03&to=2031-03-09";

    private readonly InfusionAppFactory _app = fixture.App;

    private readonly HttpClient _client = fixture.App.CreateClientAs("Manager");

    private int OpenDay => fixture.ActiveChairs * 12 * 60; // demo clinic: Monday–Friday 07:00–19:00

    private async Task<CapacityDashboard> DashboardAsync(DateOnly from, DateOnly to, DateOnly forecastStart)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CapacityService>().DashboardAsync(from, to, forecastStart);
    }

    [Fact]
    public async Task Daily_KnownWeek_OpenBookedUtilizationAndPeakExact()
    {
        var body = await Api.ReadAsync(await _client.GetAsync($"/api/capacity/daily?{Week}"), HttpStatusCode.OK);

        var days = body.EnumerateArray().ToArray();
        days.Select(d => d.Date()).ShouldBe(Enumerable.Range(0, 7).Select(i => CapacityFixture.Monday.AddDays(i)));
        days[0].EnumerateObject().Select(p => p.Name).ShouldBe(["date", "openChairMinutes", "bookedChairMinutes", "utilization", "peakChairsInUse"]);
        var open = OpenDay;
        (int Open, int Booked, int Peak)[] expected =
        [
            (open, 375, 3), // Monday: cancelled and no-show left out; back-to-back on chair A does not overlap
            (open, 150, 1), // Tuesday
            (0, 60, 1),     // Wednesday: closure
            (open, 0, 0),   // Thursday
            (open, 0, 0),   // Friday
            (0, 0, 0),      // Saturday: no opening hours
            (0, 0, 0),      // Sunday (the DST change day)
        ];
        for (var i = 0; i < 7; i++)
        {
            var day = days[i];
            var (o, b, p) = expected[i];
            day.GetProperty("openChairMinutes").GetInt32().ShouldBe(o, $"open on {day.Date()}");
            day.GetProperty("bookedChairMinutes").GetInt32().ShouldBe(b, $"booked on {day.Date()}");
            day.GetProperty("peakChairsInUse").GetInt32().ShouldBe(p, $"peak on {day.Date()}");
            day.GetProperty("utilization").GetDouble().ShouldBe(o == 0 ? 0 : (double)b / o, 1e-12, $"utilization on {day.Date()}");
        }
    }

    [Fact]
    public async Task Dashboard_KnownWeek_HeatmapNurseLoadOutcomesDrugsAndOverruns()
    {
        var d = await DashboardAsync(CapacityFixture.Monday, CapacityFixture.Sunday, CapacityFixture.Monday);

        d.TimeZone.ShouldBe("America/New_York");
        d.BookedChairMinutes.ShouldBe(375 + 150 + 60);
        d.OpenChairMinutes.ShouldBe(4 * OpenDay);
        d.PeakChairsInUse.ShouldBe(3);

        // Heat map: Monday 10:00–11:00 has chair A 60 min + B 60 min + C 30 min = 2.5 chairs on average.
        var monday = d.Heatmap.Where(c => c.Weekday == DayOfWeek.Monday).ToDictionary(c => c.Hour);
        monday[9].AvgChairsInUse.ShouldBe(1.0, 1e-9);
        monday[10].AvgChairsInUse.ShouldBe(2.5, 1e-9);
        monday[11].AvgChairsInUse.ShouldBe(2.25, 1e-9);
        monday[12].AvgChairsInUse.ShouldBe(0.5, 1e-9);
        monday[13].AvgChairsInUse.ShouldBe(0); // the cancelled and no-show appointments hold no chair
        d.PeakHour.ShouldBe(10);
        d.Hours.First(h => h.Hour == 10).MaxChairsInUse.ShouldBe(2.5, 1e-9);
        d.Hours.Select(h => h.Hour).ShouldBe(Enumerable.Range(7, 12)); // 07:00..18:00

        // Weekday averages are over open days only.
        var mon = d.Weekdays.Single(w => w.Weekday == DayOfWeek.Monday);
        mon.OpenDays.ShouldBe(1);
        mon.AvgBookedChairMinutes.ShouldBe(375);
        mon.AvgUtilization.ShouldBe(375.0 / OpenDay, 1e-12);
        d.Weekdays.Single(w => w.Weekday == DayOfWeek.Wednesday).OpenDays.ShouldBe(0);

        // Nurse load: one start per half hour at most; patients per nurse at Monday's peak = 3 / 3 nurses.
        var slots = d.NurseSlots.ToDictionary(s => s.Slot.ToString("HH:mm", CultureInfo.InvariantCulture));
        slots["09:00"].MaxStarts.ShouldBe(1);
        slots["10:00"].MaxStarts.ShouldBe(1);
        slots["10:30"].MaxStarts.ShouldBe(1);
        slots["13:00"].MaxStarts.ShouldBe(0); // cancelled
        slots["10:00"].StartLimit.ShouldBe(d.Nurses.DefaultNurses * d.Nurses.MaxStartsPerNursePer30Minutes);
        d.Nurses.MaxPeakPatientsPerNurse.ShouldBe(3.0 / d.Nurses.DefaultNurses, 1e-9);
        d.Nurses.SlotsOverStartLimit.ShouldBe(0);

        // Outcomes: 8 appointments start in the week.
        var outcomes = d.Outcomes.ToDictionary(o => o.Outcome, o => o.Appointments);
        outcomes["All appointments"].ShouldBe(8);
        outcomes[CapacityService.OutcomeLabel(AppointmentStatus.Cancelled)].ShouldBe(1);
        outcomes[CapacityService.OutcomeLabel(AppointmentStatus.NoShow)].ShouldBe(1);
        outcomes[CapacityService.OutcomeLabel(AppointmentStatus.Completed)].ShouldBe(1);
        outcomes[CapacityService.OutcomeLabel(AppointmentStatus.Booked)].ShouldBe(5);
        d.Outcomes.Single(o => o.Outcome == CapacityService.OutcomeLabel(AppointmentStatus.NoShow)).Share.ShouldBe(1.0 / 8, 1e-12);

        // Drug mix: none of these appointments has a dose; 6 hold chair time, 585 minutes.
        var drug = d.Drugs.ShouldHaveSingleItem();
        drug.Appointments.ShouldBe(6);
        drug.ChairHours.ShouldBe(585 / 60.0, 1e-9);

        // Overruns: Monday 09:00–11:00 ran 09:05–11:20: 135 actual minutes, 20 past the booked end.
        d.Overruns.Measured.ShouldBe(1);
        d.Overruns.Overran.ShouldBe(1);
        d.Overruns.AvgOverrunMinutes!.Value.ShouldBe(20, 1e-9);
        d.Overruns.AvgActualMinutes!.Value.ShouldBe(135, 1e-9);
    }

    [Fact]
    public async Task Forecast_CountsPlannedDosesOfRegimens_BookedOnesOnce_AndFlagsClosedWeeksOver()
    {
        // A natalizumab series from Monday 3 January 2033 (every 28 days): 7 doses fall in the 26 weeks.
        using var admin = _app.CreateClient();
        var patientId = await Api.CreatePatientAsync(admin, "Forecast");
        var regimen = await Api.EnrolAsync(admin, patientId, new { protocol = "natalizumab", start = "2033-01-03" });
        var start = new DateOnly(2033, 1, 3);
        int chairMinutes;
        await using (var db = await _app.CreateDbContextAsync())
        {
            var doses = await db.Doses.Where(x => x.RegimenId == regimen.GetProperty("id").GetInt32()).OrderBy(x => x.Sequence).ToListAsync();
            chairMinutes = doses[0].ChairMinutes;
            chairMinutes.ShouldBeGreaterThan(0);
            // The week of dose 2 (31 January) closed from Monday to Friday: no capacity at all.
            for (var i = 0; i < 5; i++)
            {
                db.ClinicClosures.Add(new ClinicClosure { Date = new DateOnly(2033, 1, 31).AddDays(i), Reason = "Forecast test" });
            }

            await db.SaveChangesAsync();
        }

        // Dose 1 booked for Tuesday 4 January: the forecast counts it once, as booked.
        var chairId = (await Api.ReadAsync(await admin.GetAsync("/api/chairs"), HttpStatusCode.OK)).EnumerateArray()
            .First(c => c.GetProperty("active").GetBoolean()).GetProperty("id").GetInt32();
        await AppointmentTestSupport.BookedAsync(admin, patientId, chairId, "2033-01-04T10:00", null, AppointmentTestSupport.DoseId(regimen, 1));

        var forecast = (await DashboardAsync(start, start.AddDays(6), start.AddDays(2))).Forecast; // any day of the week: starts Monday

        forecast.Start.ShouldBe(start);
        forecast.Weeks.Count.ShouldBe(26);
        forecast.Weeks.Select(w => w.WeekStart).ShouldBe(Enumerable.Range(0, 26).Select(i => start.AddDays(7 * i)));
        var hours = chairMinutes / 60.0;
        var weekCapacity = fixture.ActiveChairs * 12.0 * 5;
        var first = forecast.Weeks[0];
        first.BookedChairHours.ShouldBe(hours, 1e-9);
        first.PlannedDoses.ShouldBe(0); // booked: counted as booked, not again as planned
        first.PlannedChairHours.ShouldBe(0);
        first.CapacityChairHours.ShouldBe(weekCapacity, 1e-9);
        first.Status.ShouldBe(ForecastStatus.Ok);
        forecast.Weeks.Sum(w => w.PlannedDoses).ShouldBe(6);
        int[] doseWeeks = [4, 8, 12, 16, 20, 24];
        foreach (var i in doseWeeks)
        {
            forecast.Weeks[i].PlannedDoses.ShouldBe(1, $"week {forecast.Weeks[i].WeekStart}");
            forecast.Weeks[i].PlannedChairHours.ShouldBe(hours, 1e-9);
            forecast.Weeks[i].DemandChairHours.ShouldBe(hours, 1e-9);
        }

        var closed = forecast.Weeks[4];
        closed.WeekStart.ShouldBe(new DateOnly(2033, 1, 31));
        closed.CapacityChairHours.ShouldBe(0);
        closed.Status.ShouldBe(ForecastStatus.Over);
        forecast.Weeks.Count(w => w.Status == ForecastStatus.Over).ShouldBe(1);

        // The same figures as CSV.
        var csv = await _client.GetStringAsync("/api/capacity/forecast.csv?from=2033-01-03&to=2033-01-09&start=2033-01-03");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(27);
        lines[5].ShouldStartWith("2033-01-31,0,0,");
        lines[5].ShouldEndWith(",over");
    }

    [Fact]
    public async Task Forecast_ABookedDoseMarkedMissed_CountsOnceAsPlanned_NotAsBooked()
    {
        // Natalizumab from Monday 1 June 2037 (no other data that year); dose 1 booked on Tuesday 2 June, then marked missed before its day.
        using var admin = _app.CreateClient();
        var patientId = await Api.CreatePatientAsync(admin, "ForecastMissed");
        var regimen = await Api.EnrolAsync(admin, patientId, new { protocol = "natalizumab", start = "2037-06-01" });
        var doseId = AppointmentTestSupport.DoseId(regimen, 1);
        var chairId = (await Api.ReadAsync(await admin.GetAsync("/api/chairs"), HttpStatusCode.OK)).EnumerateArray()
            .First(c => c.GetProperty("active").GetBoolean()).GetProperty("id").GetInt32();
        await AppointmentTestSupport.BookedAsync(admin, patientId, chairId, "2037-06-02T10:00", null, doseId);
        var start = new DateOnly(2037, 6, 1);

        var booked = (await DashboardAsync(start, start.AddDays(6), start)).Forecast.Weeks[0];
        booked.BookedChairHours.ShouldBe(2, 1e-9);
        booked.PlannedDoses.ShouldBe(0);

        await Api.ReadAsync(await admin.PostAsync($"/api/doses/{doseId}/missed", null), HttpStatusCode.OK);
        var missed = (await DashboardAsync(start, start.AddDays(6), start)).Forecast.Weeks[0];

        missed.BookedChairHours.ShouldBe(0); // the appointment was released
        missed.PlannedDoses.ShouldBe(1);
        missed.PlannedChairHours.ShouldBe(2, 1e-9);
        missed.DemandChairHours.ShouldBe(2, 1e-9);
    }
}
