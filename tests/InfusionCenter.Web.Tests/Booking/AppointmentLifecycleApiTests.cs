using System.Globalization;
using System.Net;
using System.Text.Json;
using InfusionCenter.Testing;

namespace InfusionCenter.Web.Tests.Booking;

/// <summary>
/// The day's flow (pre-infusion checks, check in, in chair, complete, no-show, a dose marked missed), with the clinic's
/// "today" fixed at Monday 2026-11-23 09:30 New York so doses can be recorded as given today.
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
        var visit = await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2026-11-23T09:00", 30);
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
        var booked = await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2026-11-23T07:00", null, AppointmentTestSupport.DoseId(regimen, 1));

        var noShow = await StepAsync(booked.Id(), "no-show");

        noShow.Status().ShouldBe("noShow");
        (await AppointmentTestSupport.PatientDoseAsync(_client, patientId, 1)).Status().ShouldBe("missed");
        await Api.ProblemAsync(await _client.PostRawAsync($"/api/appointments/{booked.Id()}/complete", "{}"), HttpStatusCode.Conflict);
        var other = await Api.CreatePatientAsync(_client);
        await AppointmentTestSupport.BookedAsync(_client, other, chairId, "2026-11-23T07:00", 60);
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
}
