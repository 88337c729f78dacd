using System.Net;
using System.Net.Http.Json;
using InfusionCenter.Testing;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.ClinicCalendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionCenter.Web.Tests.ClinicCalendar;

/// <summary>
/// The clinic calendar is kept in memory between changes; a change made by anyone (another instance, psql, a
/// migration) is seen by the very next request, because PostgreSQL triggers bump the version it is kept under.
/// </summary>
public sealed class CalendarCacheTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task AClosureWrittenStraightIntoTheDatabase_RefusesTheNextBookingThatDay()
    {
        using var nurse = fixture.App.CreateClientAs("Nurse");
        var patientId = await Api.CreatePatientAsync(nurse);
        var chairs = (await nurse.GetFromJsonAsync<List<ChairRow>>("/api/chairs"))!;
        var first = await nurse.PostAsJsonAsync("/api/appointments", new { patientId, chairId = chairs[0].Id, start = "2032-03-09T09:00", minutes = 30 });
        first.StatusCode.ShouldBe(HttpStatusCode.Created); // the calendar is loaded and kept now

        await using (var db = await fixture.App.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlAsync($"INSERT INTO clinic_closures (date, reason) VALUES ({new DateOnly(2032, 3, 10)}, 'Burst pipe')");
        }

        var refused = await nurse.PostAsJsonAsync("/api/appointments", new { patientId, chairId = chairs[0].Id, start = "2032-03-10T09:00", minutes = 30 });
        var problem = await Api.ProblemAsync(refused, HttpStatusCode.BadRequest);
        problem.ToString().ShouldContain("Burst pipe");
    }

    [Fact]
    public async Task OpeningHoursChangedStraightInTheDatabase_AreTheNextBookingsHours()
    {
        var calendar = fixture.App.Services.GetRequiredService<ClinicCalendarService>();
        var before = await calendar.LoadAsync(DateOnly.MinValue, DateOnly.MaxValue);
        before.WeeklyHours[DayOfWeek.Thursday].Closes.ShouldBe(new TimeOnly(19, 0));

        await using (var db = await fixture.App.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE opening_hours SET closes = '17:00' WHERE weekday = {(int)DayOfWeek.Thursday}");
        }

        try
        {
            var after = await calendar.LoadAsync(DateOnly.MinValue, DateOnly.MaxValue);
            after.WeeklyHours[DayOfWeek.Thursday].Closes.ShouldBe(new TimeOnly(17, 0));
        }
        finally
        {
            await using var db = await fixture.App.CreateDbContextAsync();
            await db.Database.ExecuteSqlAsync($"UPDATE opening_hours SET closes = '19:00' WHERE weekday = {(int)DayOfWeek.Thursday}");
        }
    }

    [Fact]
    public async Task ARangeGetsOnlyItsOwnClosuresAndStaffing()
    {
        await using (var db = await fixture.App.CreateDbContextAsync())
        {
            db.ClinicClosures.Add(new ClinicClosure { Date = new DateOnly(2033, 7, 4), Reason = "Holiday" });
            db.StaffingDays.Add(new StaffingDay { Date = new DateOnly(2033, 7, 5), NursesOnShift = 1 });
            await db.SaveChangesAsync();
        }

        var calendar = fixture.App.Services.GetRequiredService<ClinicCalendarService>();
        var week = await calendar.LoadAsync(new DateOnly(2033, 7, 5), new DateOnly(2033, 7, 9));
        week.Closures.ContainsKey(new DateOnly(2033, 7, 4)).ShouldBeFalse();
        week.NursesOn(new DateOnly(2033, 7, 5)).ShouldBe(1);
        (await calendar.LoadAsync(new DateOnly(2033, 7, 4), new DateOnly(2033, 7, 4))).HoursOn(new DateOnly(2033, 7, 4)).ClosedBecause.ShouldNotBeNull();
    }

    private sealed record ChairRow(int Id, string Name);
}
