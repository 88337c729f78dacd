using System.Net;
using System.Net.Http.Json;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionCenter.Web.Tests.Messages;

/// <summary>
/// Issue 15: what patients are to hear is written to the outbox in the same save as the booking change — a confirmation
/// and reminders 21, 3 and 1 days before on booking, an update (and new reminders) on a move, a cancellation on a cancel,
/// pending ones superseded — only for patients who consented by email and only when the clinic sends reminders. Today is
/// Monday 2026-11-23 09:30 in New York, 14:30 UTC (<see cref="FixedClockAppFixture"/>).
/// </summary>
public sealed class OutboxSchedulingTests(FixedClockAppFixture fixture) : IClassFixture<FixedClockAppFixture>
{
    private static readonly DateTime Now = FixedClockAppFixture.Now.UtcDateTime;
    private readonly HttpClient _nurse = fixture.App.CreateClientAs("Nurse");
    private readonly HttpClient _admin = fixture.App.CreateClientAs("Admin");

    private async Task EnableRemindersAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<ClinicAdminService>();
        var model = await admin.GetClinicAsync();
        if (!model.RemindersEnabled)
        {
            model.RemindersEnabled = true;
            model.ReminderDays = "21, 3, 1";
            await admin.SaveClinicAsync(model);
        }
    }

    private async Task<List<OutboxMessage>> OutboxAsync(int appointmentId)
    {
        var factory = fixture.App.Services.GetRequiredService<IDbContextFactory<InfusionDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.AppointmentId == appointmentId).OrderBy(m => m.Id).ToListAsync();
    }

    private async Task<int> ConsentingPatientAsync(string name)
    {
        var patientId = await Api.CreatePatientAsync(_nurse, name);
        var saved = await Api.ReadAsync(await _nurse.PutAsJsonAsync($"/api/patients/{patientId}/reminders",
            new { channel = "email", consent = true, email = "alex@example.org" }), HttpStatusCode.OK);
        saved.GetProperty("consent").GetBoolean().ShouldBeTrue();
        saved.GetProperty("consentOn").GetString().ShouldBe("2026-11-23");
        saved.GetProperty("consentBy").GetString().ShouldNotBeNullOrEmpty();
        return patientId;
    }

    [Fact]
    public async Task Booking_WritesAConfirmationNow_AndRemindersAt21_3_And1DaysBefore()
    {
        await EnableRemindersAsync();
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_admin);
        var patientId = await ConsentingPatientAsync("Remindme");

        var booked = await AppointmentTestSupport.BookedAsync(_nurse, patientId, chairId, "2026-12-21T10:00", minutes: 60);

        var start = new DateTime(2026, 12, 21, 15, 0, 0, DateTimeKind.Utc); // 10:00 EST
        var outbox = await OutboxAsync(booked.Id());
        outbox.Select(m => (m.Kind, m.DaysBefore, m.DueAt, m.Status, m.CalendarSequence)).ShouldBe(
        [
            (OutboxKind.Confirmation, null, Now, OutboxStatus.Pending, 0),
            (OutboxKind.Reminder, 21, start.AddDays(-21), OutboxStatus.Pending, 0),
            (OutboxKind.Reminder, 3, start.AddDays(-3), OutboxStatus.Pending, 0),
            (OutboxKind.Reminder, 1, start.AddDays(-1), OutboxStatus.Pending, 0),
        ]);
        outbox.ShouldAllBe(m => m.Channel == ReminderChannel.Email && m.PatientId == patientId);
    }

    [Fact]
    public async Task Move_SupersedesWhatWasPending_AndCancel_SendsACancellation()
    {
        await EnableRemindersAsync();
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_admin);
        var patientId = await ConsentingPatientAsync("Movemsg");
        var booked = await AppointmentTestSupport.BookedAsync(_nurse, patientId, chairId, "2026-11-27T10:00", minutes: 60);
        (await OutboxAsync(booked.Id())).Select(m => m.DaysBefore).ShouldBe([null, 3, 1]); // 21 days before is past

        await Api.ReadAsync(await _nurse.PutAsJsonAsync($"/api/appointments/{booked.Id()}", new { start = "2026-11-30T13:00" }), HttpStatusCode.OK);

        var moved = await OutboxAsync(booked.Id());
        moved.Take(3).ShouldAllBe(m => m.Status == OutboxStatus.Superseded);
        moved.Skip(3).Select(m => (m.Kind, m.DaysBefore, m.Status, m.CalendarSequence)).ShouldBe(
        [
            (OutboxKind.Update, null, OutboxStatus.Pending, 1),
            (OutboxKind.Reminder, 3, OutboxStatus.Pending, 1),
            (OutboxKind.Reminder, 1, OutboxStatus.Pending, 1),
        ]);

        (await _nurse.DeleteAsync($"/api/appointments/{booked.Id()}?reason=Patient%20asked")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var cancelled = await OutboxAsync(booked.Id());
        cancelled.Where(m => m.Status == OutboxStatus.Pending).Select(m => (m.Kind, m.CalendarSequence)).ShouldBe([(OutboxKind.Cancellation, 2)]);
    }

    [Fact]
    public async Task NoConsent_NoMessages_AndOptingOutSupersedesWhatWasPending()
    {
        await EnableRemindersAsync();
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_admin);
        var silent = await Api.CreatePatientAsync(_nurse, "Silent");
        var quiet = await AppointmentTestSupport.BookedAsync(_nurse, silent, chairId, "2026-12-14T10:00", minutes: 60);
        (await OutboxAsync(quiet.Id())).ShouldBeEmpty();

        var patientId = await ConsentingPatientAsync("Changedmind");
        var booked = await AppointmentTestSupport.BookedAsync(_nurse, patientId, chairId, "2026-12-15T10:00", minutes: 60);
        var optOut = await Api.ReadAsync(await _nurse.PutAsJsonAsync($"/api/patients/{patientId}/reminders", new { channel = "email", consent = false }), HttpStatusCode.OK);

        optOut.GetProperty("consent").GetBoolean().ShouldBeFalse();
        optOut.GetProperty("optedOutOn").GetString().ShouldBe("2026-11-23");
        (await OutboxAsync(booked.Id())).ShouldAllBe(m => m.Status == OutboxStatus.Superseded);
    }

    [Fact]
    public async Task BadContact_Is400AtTheField_AndAnUnknownPatient404()
    {
        var patientId = await Api.CreatePatientAsync(_nurse, "Badcontact");

        await Api.ValidationProblemAsync(await _nurse.PutAsJsonAsync($"/api/patients/{patientId}/reminders", new { channel = "email", consent = true, email = "not-an-address" }), "email");
        await Api.ValidationProblemAsync(await _nurse.PutAsJsonAsync($"/api/patients/{patientId}/reminders", new { channel = "sms", consent = true, phone = "call me" }), "phone");
        await Api.ValidationProblemAsync(await _nurse.PutAsJsonAsync($"/api/patients/{patientId}/reminders", new { channel = "email", consent = true }), "email");
        await Api.ValidationProblemAsync(await _nurse.PutAsJsonAsync($"/api/patients/{patientId}/reminders", new { consent = true }), "channel");
        await Api.ValidationProblemAsync(await _nurse.PutAsJsonAsync($"/api/patients/{patientId}/reminders", new { channel = "email", consent = true, email = "a\u0000@example.org" }), "email");
        await Api.ProblemAsync(await _nurse.PutAsJsonAsync("/api/patients/987654/reminders", new { channel = "none", consent = false }), HttpStatusCode.NotFound);
        var unchanged = await Api.ReadAsync(await _nurse.GetAsync($"/api/patients/{patientId}/reminders"), HttpStatusCode.OK);
        unchanged.GetProperty("consent").GetBoolean().ShouldBeFalse();
        unchanged.GetProperty("email").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }
}
