using System.Net;
using System.Text.Json;
using InfusionCenter.Testing;
using InfusionCenter.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionCenter.Web.Tests.Booking;

/// <summary>
/// Issue 12's appointment lifecycle through the API (API.md "Lifecycles"), the clinic's "today" fixed at Monday 2026-11-23
/// 09:30 New York: day-bound check-in and in-chair, no-show only after the start, same-day undo, completion with what
/// happened, and the appointment and its dose changing in one transaction.
/// </summary>
public sealed class AppointmentStateMachineTests(FixedClockAppFixture fixture) : IClassFixture<FixedClockAppFixture>
{
    private readonly HttpClient _client = fixture.App.CreateClient();

    private Task<HttpResponseMessage> PostAsync(int id, string step, string json = "{}") =>
        _client.PostRawAsync($"/api/appointments/{id}/{step}", json);

    private async Task<JsonElement> StepAsync(int id, string step, string json = "{}") =>
        await Api.ReadAsync(await PostAsync(id, step, json), HttpStatusCode.OK);

    private async Task ConfirmBlockingChecksAsync(int id)
    {
        var checks = (await Api.ReadAsync(await _client.GetAsync($"/api/appointments/{id}/checks"), HttpStatusCode.OK)).EnumerateArray();
        foreach (var check in checks.Where(c => c.GetProperty("blocking").GetBoolean() && !c.GetProperty("confirmed").GetBoolean()))
        {
            await Api.ReadAsync(await _client.PostRawAsync($"/api/appointments/{id}/checks/{check.GetProperty("code").GetString()}", "{}"), HttpStatusCode.OK);
        }
    }

    /// <summary>A natalizumab patient with dose 1 booked at <paramref name="start"/> and its checks confirmed.</summary>
    private async Task<(int PatientId, int DoseId, JsonElement Appointment, int ChairId)> BookedDoseAsync(string name, string start, string regimenStart = "2026-11-23")
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client, name);
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "natalizumab", start = regimenStart });
        var doseId = AppointmentTestSupport.DoseId(regimen, 1);
        var booked = await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, start, null, doseId);
        await ConfirmBlockingChecksAsync(booked.Id());
        return (patientId, doseId, booked, chairId);
    }

    [Fact]
    public async Task CheckInAndInChair_OnAnotherDay_Return409NamingTheDay_AndNothingChanges()
    {
        var (patientId, _, booked, _) = await BookedDoseAsync("Early", "2026-11-27T10:00", "2026-11-27");

        var checkIn = await AppointmentTestSupport.DetailAsync(await PostAsync(booked.Id(), "check-in"), HttpStatusCode.Conflict);
        var inChair = await AppointmentTestSupport.DetailAsync(await PostAsync(booked.Id(), "in-chair"), HttpStatusCode.Conflict);
        var complete = await AppointmentTestSupport.DetailAsync(await PostAsync(booked.Id(), "complete"), HttpStatusCode.Conflict);

        checkIn.ShouldContain("2026-11-27");
        checkIn.ShouldContain("only be checked in on that day");
        inChair.ShouldContain("only be put in the chair on that day");
        complete.ShouldContain("before its day");
        (await AppointmentTestSupport.DayAsync(_client, "2026-11-27")).Single(a => a.Id() == booked.Id()).Status().ShouldBe("booked");
        (await AppointmentTestSupport.PatientDoseAsync(_client, patientId, 1)).Status().ShouldBe("booked");
    }

    [Fact]
    public async Task NoShow_BeforeTheStart_Is409_AfterItTheDoseIsMissed_AndUndoOnTheSameDayBooksItAgain()
    {
        var (patientId, _, later, _) = await BookedDoseAsync("Later", "2026-11-23T13:00");
        (await AppointmentTestSupport.DetailAsync(await PostAsync(later.Id(), "no-show"), HttpStatusCode.Conflict)).ShouldContain("after the appointment's start");
        (await AppointmentTestSupport.PatientDoseAsync(_client, patientId, 1)).Status().ShouldBe("booked");

        var (absentId, _, earlier, _) = await BookedDoseAsync("Absent", "2026-11-23T07:00");
        var noShow = await StepAsync(earlier.Id(), "no-show");
        noShow.Status().ShouldBe("noShow");
        noShow.GetProperty("noShowAt").ValueKind.ShouldNotBe(JsonValueKind.Null);
        (await AppointmentTestSupport.PatientDoseAsync(_client, absentId, 1)).Status().ShouldBe("missed");

        var undone = await StepAsync(earlier.Id(), "undo");

        undone.Status().ShouldBe("booked");
        (await AppointmentTestSupport.PatientDoseAsync(_client, absentId, 1)).Status().ShouldBe("booked");
        (await AppointmentTestSupport.DetailAsync(await PostAsync(earlier.Id(), "undo"), HttpStatusCode.Conflict)).ShouldContain("nothing to undo");
    }

    [Fact]
    public async Task UndoNoShow_AfterTheChairWasGivenToSomeoneElse_Is409_AndTheNoShowStays()
    {
        var (_, _, earlier, chairId) = await BookedDoseAsync("Gone", "2026-11-23T07:00");
        await StepAsync(earlier.Id(), "no-show");
        var other = await Api.CreatePatientAsync(_client, "Walkin");
        await AppointmentTestSupport.BookedAsync(_client, other, chairId, "2026-11-23T07:30", 60);

        (await AppointmentTestSupport.DetailAsync(await PostAsync(earlier.Id(), "undo"), HttpStatusCode.Conflict)).ShouldContain("booked for someone else");

        (await AppointmentTestSupport.DayAsync(_client, "2026-11-23")).Single(a => a.Id() == earlier.Id()).Status().ShouldBe("noShow");
    }

    [Fact]
    public async Task Undo_RevertsInChairThenCheckIn_OneStepAtATime()
    {
        var (_, _, booked, _) = await BookedDoseAsync("Undone", "2026-11-23T10:00");
        await StepAsync(booked.Id(), "check-in");
        await StepAsync(booked.Id(), "in-chair");

        var first = await StepAsync(booked.Id(), "undo");
        first.Status().ShouldBe("checkedIn");
        first.GetProperty("inChairAt").ValueKind.ShouldBe(JsonValueKind.Null);
        var second = await StepAsync(booked.Id(), "undo");
        second.Status().ShouldBe("booked");
        second.GetProperty("checkedInAt").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Complete_RecordsActualTimesLotAndReaction_AndTheDoseIsGiven()
    {
        var (patientId, _, booked, _) = await BookedDoseAsync("Charted", "2026-11-23T07:00");

        var completed = await StepAsync(booked.Id(), "complete", """
            {"actualStart": "2026-11-23T07:10", "actualEnd": "2026-11-23T09:25", "lot": "NAT-4471", "lotExpiry": "2027-06-30",
             "reaction": {"severity": "moderate", "action": "slowed"}}
            """);

        completed.Status().ShouldBe("completed");
        var record = completed.GetProperty("completion");
        record.Time("actualStart").ShouldBe(new DateTimeOffset(2026, 11, 23, 7, 10, 0, AppointmentTestSupport.Est));
        record.Time("actualEnd").ShouldBe(new DateTimeOffset(2026, 11, 23, 9, 25, 0, AppointmentTestSupport.Est));
        record.GetProperty("lot").GetString().ShouldBe("NAT-4471");
        record.GetProperty("lotExpiry").GetString().ShouldBe("2027-06-30");
        record.GetProperty("severity").GetString().ShouldBe("moderate");
        record.GetProperty("action").GetString().ShouldBe("slowed");
        var dose = await AppointmentTestSupport.PatientDoseAsync(_client, patientId, 1);
        dose.Status().ShouldBe("given");
        dose.GetProperty("givenOn").GetString().ShouldBe("2026-11-23");
    }

    [Theory]
    [InlineData("""{"actualStart": "2026-11-23T08:00", "actualEnd": "2026-11-23T07:30"}""", "actualEnd")]
    [InlineData("""{"actualStart": "2026-11-22T08:00"}""", "actualStart")]
    [InlineData("""{"actualEnd": "2026-11-23T11:00"}""", "actualEnd")]
    [InlineData("""{"lot": "A1", "lotExpiry": "2026-11-01"}""", "lotExpiry")]
    [InlineData("""{"reaction": {"severity": "severe", "action": "stopped"}}""", "reaction.amountGiven")]
    [InlineData("""{"reaction": {"severity": "mild", "action": "none", "amountGiven": 100}}""", "reaction.amountGiven")]
    [InlineData("""{"reaction": {"severity": "moderate", "action": "stopped", "amountGiven": 301}}""", "reaction.amountGiven")]
    [InlineData("""{"reaction": {"severity": "terrible"}}""", "reaction.severity")]
    public async Task Complete_WithABadRecord_Is400AtTheField_AndNothingIsRecorded(string json, string field)
    {
        var (patientId, _, booked, _) = await BookedDoseAsync("Badrecord", "2026-11-23T07:00");

        await Api.ValidationProblemAsync(await PostAsync(booked.Id(), "complete", json), field);

        (await AppointmentTestSupport.DayAsync(_client, "2026-11-23")).Single(a => a.Id() == booked.Id()).Status().ShouldBe("booked");
        (await AppointmentTestSupport.PatientDoseAsync(_client, patientId, 1)).Status().ShouldBe("booked");
    }

    [Fact]
    public async Task Complete_StoppedInfusion_RecordsTheAmountActuallyGiven()
    {
        var (_, _, booked, _) = await BookedDoseAsync("Stopped", "2026-11-23T07:00");

        var completed = await StepAsync(booked.Id(), "complete", """{"reaction": {"severity": "severe", "action": "stopped", "amountGiven": 120}}""");

        completed.GetProperty("completion").GetProperty("amountGiven").GetDecimal().ShouldBe(120m);
        completed.GetProperty("completion").GetProperty("severity").GetString().ShouldBe("severe");
    }

    [Fact]
    public async Task Complete_WhenSavingTheAppointmentFails_TheDoseIsNotRecordedEither()
    {
        var (patientId, _, booked, _) = await BookedDoseAsync("Atomic", "2026-11-23T07:00");
        await using (var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<InfusionDbContext>>().CreateDbContextAsync())
        {
            // A fault between the two writes: the appointment's row refuses to become completed.
            var id = booked.Id();
            var sql = $"""
                CREATE FUNCTION refuse_completion_{id}() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'injected fault'; END $$;
                CREATE TRIGGER refuse_completion_{id} BEFORE UPDATE ON appointments FOR EACH ROW
                WHEN (NEW.id = {id} AND NEW.status = 'Completed') EXECUTE FUNCTION refuse_completion_{id}();
                """;
            await db.Database.ExecuteSqlRawAsync(sql);
        }

        var response = await PostAsync(booked.Id(), "complete");

        response.IsSuccessStatusCode.ShouldBeFalse();
        (await AppointmentTestSupport.PatientDoseAsync(_client, patientId, 1)).Status().ShouldBe("booked");
        (await AppointmentTestSupport.DayAsync(_client, "2026-11-23")).Single(a => a.Id() == booked.Id()).Status().ShouldBe("booked");
    }

    [Fact]
    public async Task RecordingTheDoseGiven_FromThePatientPage_CompletesTodaysAppointment()
    {
        var (patientId, doseId, booked, _) = await BookedDoseAsync("Sameday", "2026-11-23T07:00");

        await Api.ReadAsync(await _client.PostJsonAsync($"/api/doses/{doseId}/given", new { date = "2026-11-23" }), HttpStatusCode.OK);

        var appointment = (await AppointmentTestSupport.DayAsync(_client, "2026-11-23")).Single(a => a.Id() == booked.Id());
        appointment.Status().ShouldBe("completed");
        appointment.GetProperty("completion").Time("actualEnd").ShouldBe(appointment.Time("end"));
        (await AppointmentTestSupport.PatientDoseAsync(_client, patientId, 1)).Status().ShouldBe("given");
    }

    [Fact]
    public async Task RecordingTheDoseGiven_OnAnotherDay_ReleasesItsBookedChair()
    {
        var (patientId, doseId, booked, chairId) = await BookedDoseAsync("Elsewhere", "2026-11-25T10:00", "2026-11-20");

        await Api.ReadAsync(await _client.PostJsonAsync($"/api/doses/{doseId}/given", new { date = "2026-11-20" }), HttpStatusCode.OK);

        var appointment = (await AppointmentTestSupport.DayAsync(_client, "2026-11-25")).Single(a => a.Id() == booked.Id());
        appointment.Status().ShouldBe("cancelled");
        appointment.GetProperty("cancelReason").GetString()!.ShouldContain("given on 2026-11-20");
        var other = await Api.CreatePatientAsync(_client, "Nextinline");
        await AppointmentTestSupport.BookedAsync(_client, other, chairId, "2026-11-25T10:00", 60); // the chair is free
        (await AppointmentTestSupport.PatientDoseAsync(_client, patientId, 1)).Status().ShouldBe("given");
    }

    [Fact]
    public async Task FinalStates_RefuseEveryTransition_WithTheStateNamed()
    {
        var (_, _, booked, _) = await BookedDoseAsync("Finished", "2026-11-23T07:00");
        await StepAsync(booked.Id(), "complete");

        foreach (var step in new[] { "check-in", "in-chair", "no-show", "complete", "undo" })
        {
            (await AppointmentTestSupport.DetailAsync(await PostAsync(booked.Id(), step), HttpStatusCode.Conflict)).ShouldContain("completed");
        }

        var (_, _, absent, _) = await BookedDoseAsync("Noshowcancel", "2026-11-23T07:00");
        await StepAsync(absent.Id(), "no-show");
        (await AppointmentTestSupport.DetailAsync(await _client.DeleteAsync($"/api/appointments/{absent.Id()}?reason=x"), HttpStatusCode.Conflict))
            .ShouldContain("no-show");
    }
}
