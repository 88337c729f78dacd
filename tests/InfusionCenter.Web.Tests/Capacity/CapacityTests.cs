using System.Globalization;
using System.Net;
using InfusionCenter.Testing;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Capacity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionCenter.Web.Tests.Capacity;

/// <summary>
/// The app on a fresh database plus a known week of bookings far from the demo data (Mon 3 – Sun 9 March 2031,
/// New York, EST): three chairs, one cancelled and one no-show appointment, and Wednesday closed by a
/// <see cref="ClinicClosure"/> although one appointment was left on it.
/// </summary>
public sealed class CapacityFixture : IAsyncLifetime
{
    public static readonly DateOnly Monday = new(2031, 3, 3);

    public static readonly DateOnly Sunday = new(2031, 3, 9);

    public static readonly DateOnly ClosedWednesday = new(2031, 3, 5);

    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private InfusionAppFactory? _factory;

    public InfusionAppFactory App => _factory ?? throw new InvalidOperationException("not started");

    public int ActiveChairs { get; private set; }

    public async Task InitializeAsync()
    {
        _factory = new InfusionAppFactory(await SharedPostgres.CreateDatabaseAsync("capacity"));
        _ = _factory.Server; // migrations and the demo seed run now

        await using var db = await _factory.CreateDbContextAsync();
        ActiveChairs = await db.Chairs.CountAsync(c => c.Active);
        var chairs = await db.Chairs.Where(c => c.Active).OrderBy(c => c.Id).Select(c => c.Id).Take(3).ToListAsync();
        var (a, b, c) = (chairs[0], chairs[1], chairs[2]);
        var patients = Enumerable.Range(1, 3).Select(i => new Patient
        {
            Mrn = "CAP" + Guid.NewGuid().ToString("N")[..10], GivenName = "Cap", FamilyName = $"Patient{i}", BirthDate = new DateOnly(1980, 1, i),
        }).ToList();
        db.Patients.AddRange(patients);
        db.ClinicClosures.Add(new ClinicClosure { Date = ClosedWednesday, Reason = "Capacity test closure" });
        await db.SaveChangesAsync();
        var (p1, p2, p3) = (patients[0].Id, patients[1].Id, patients[2].Id);
        var tuesday = Monday.AddDays(1);
        db.Appointments.AddRange(
            // Monday: 120 + 60 + 150 + 45 = 375 booked minutes; three chairs busy at 10:30–11:00 and 11:00–11:15.
            Appointment(p1, a, Monday, "09:00", "11:00", AppointmentStatus.Completed, inChair: "09:05", completed: "11:20"),
            Appointment(p1, a, Monday, "11:00", "12:00"),
            Appointment(p2, b, Monday, "10:00", "12:30"),
            Appointment(p3, c, Monday, "10:30", "11:15"),
            Appointment(p2, b, Monday, "13:00", "14:00", AppointmentStatus.Cancelled),
            Appointment(p3, c, Monday, "12:00", "13:00", AppointmentStatus.NoShow),
            // Tuesday: 150 minutes.
            Appointment(p1, a, tuesday, "14:00", "16:30"),
            // Wednesday is closed, yet one appointment remains on it: 60 booked minutes, no open time.
            Appointment(p2, b, ClosedWednesday, "09:00", "10:00"));
        await db.SaveChangesAsync();
    }

    public static DateTime Utc(DateOnly date, string time) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.ParseExact(time, "HH:mm", CultureInfo.InvariantCulture)), NewYork);

    private static Appointment Appointment(int patient, int chair, DateOnly date, string start, string end,
        AppointmentStatus status = AppointmentStatus.Booked, string? inChair = null, string? completed = null) => new()
    {
        PatientId = patient,
        ChairId = chair,
        StartsAt = Utc(date, start),
        EndsAt = Utc(date, end),
        Status = status,
        BookedAt = DateTime.UtcNow,
        BookedBy = "capacity-test",
        InChairAt = inChair is null ? null : Utc(date, inChair),
        CompletedAt = completed is null ? null : Utc(date, completed),
        CancelledAt = status == AppointmentStatus.Cancelled ? DateTime.UtcNow : null,
    };

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}

/// <summary>API.md "Capacity" and the capacity dashboard's figures, on exactly known bookings.</summary>
public sealed class CapacityTests(CapacityFixture fixture) : IClassFixture<CapacityFixture>
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

    public static TheoryData<string, string> CsvTables => new()
    {
        { "daily", "date,openChairMinutes,bookedChairMinutes,utilization,peakChairsInUse" },
        { "weekdays", "weekday,openDays," },
        { "heatmap", "weekday,hour,days,avgChairsInUse,maxChairsInUse,peakHour" },
        { "nurse-load", "slot,days,avgStarts,maxStarts,startLimit,daysOverLimit" },
        { "outcomes", "outcome,appointments,share" },
        { "drugs", "protocol,appointments,chairHours," },
        { "forecast", "weekStart,capacityChairHours,bookedChairHours,plannedChairHours,plannedDoses,demandChairHours,load,status" },
    };

    [Theory]
    [MemberData(nameof(CsvTables))]
    public async Task Csv_EveryTable_TextCsvWithHeaderRow(string table, string header)
    {
        var response = await _client.GetAsync($"/api/capacity/{table}.csv?{Week}");

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileNameStar.ShouldEndWith(".csv");
        var lines = body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith(header);
        lines.Length.ShouldBeGreaterThan(1);
        lines.Skip(1).ShouldAllBe(l => l.Split(',').Length == lines[0].Split(',').Length);
    }

    [Fact]
    public async Task Csv_Daily_SameFiguresAsTheJson()
    {
        var csv = await _client.GetStringAsync($"/api/capacity/daily.csv?{Week}");

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(8);
        lines[1].ShouldBe(FormattableString.Invariant($"2031-03-03,{OpenDay},375,{Math.Round(375.0 / OpenDay, 4)},3"));
        lines[3].ShouldBe("2031-03-05,0,60,0,1");
    }

    [Theory]
    [InlineData("", "from")]
    [InlineData("from=2031-03-03", "to")]
    [InlineData("from=2031-03-09&to=2031-03-03", "to")]
    [InlineData("from=2031-01-01&to=2032-01-02", "to")] // 367 days
    [InlineData("from=2031-02-30&to=2031-03-03", "from")]
    [InlineData("from=yesterday&to=2031-03-03", "from")]
    public async Task Daily_BadRange_Returns400WithFieldError(string query, string field)
    {
        await Api.ValidationProblemAsync(await _client.GetAsync($"/api/capacity/daily?{query}"), field);
        await Api.ValidationProblemAsync(await _client.GetAsync($"/api/capacity/drugs.csv?{query}"), field);
    }

    [Fact]
    public async Task Daily_FullYearRange_Returns366Days()
    {
        var body = await Api.ReadAsync(await _client.GetAsync("/api/capacity/daily?from=2032-01-01&to=2032-12-31"), HttpStatusCode.OK);
        body.GetArrayLength().ShouldBe(366);
    }

    [Fact]
    public async Task Csv_UnknownTable_Returns404()
    {
        await Api.ProblemAsync(await _client.GetAsync($"/api/capacity/patients.csv?{Week}"), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("Manager", HttpStatusCode.OK)]
    [InlineData("Admin", HttpStatusCode.OK)]
    [InlineData("Nurse", HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task Daily_ManagersAndAdminsOnly(string? role, HttpStatusCode expected)
    {
        using var client = _app.CreateClientAs(role);
        (await client.GetAsync($"/api/capacity/daily?{Week}")).StatusCode.ShouldBe(expected);
        (await client.GetAsync($"/api/capacity/daily.csv?{Week}")).StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task CapacityPage_ServerRendersTheDashboard()
    {
        using var client = _app.CreateClientAs("Manager");
        var html = await client.GetStringAsync("/capacity");
        html.ShouldContain("<h1 class=\"page-title\">Capacity</h1>");
        html.ShouldContain("data-testid=\"chart-daily\"");
        html.ShouldContain("api/capacity/daily.csv?from=");
    }
}
