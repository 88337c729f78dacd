using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Patients;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionCenter.Web.Tests.Patients;

/// <summary>
/// The patient page's appointment list (issue 11, finding 3: "BOOKED" but never when or where): from today on first, then
/// earlier ones, each with its clinic-local time, chair, drug, dose and status. Today is Monday 2026-11-23 in New York.
/// </summary>
public sealed class PatientAppointmentsTests(FixedClockAppFixture fixture) : IClassFixture<FixedClockAppFixture>
{
    private readonly HttpClient _client = fixture.App.CreateClient();

    [Fact]
    public async Task Appointments_UpcomingSoonestFirst_ThenEarlierLatestFirst_InClinicTime()
    {
        var (chairId, chairName) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client, "Whenandwhere");
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "natalizumab", start = "2026-11-30" });
        var dose1 = AppointmentTestSupport.DoseId(regimen, 1);
        var dose2 = AppointmentTestSupport.DoseId(regimen, 2);
        var later = await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2026-12-28T13:00", minutes: null, doseId: dose2);
        var sooner = await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2026-11-30T09:00", minutes: null, doseId: dose1);
        var visit = await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2026-11-23T15:00", minutes: 30); // today, no dose
        int pastId;
        await using (var db = await fixture.App.CreateDbContextAsync())
        {
            // Bookings in the past are refused by the API; a visit of last week is stored as it would have been.
            var past = new Appointment
            {
                PatientId = patientId, ChairId = chairId, StartsAt = new DateTime(2026, 11, 16, 15, 0, 0, DateTimeKind.Utc),
                EndsAt = new DateTime(2026, 11, 16, 16, 0, 0, DateTimeKind.Utc), Status = AppointmentStatus.Completed, BookedAt = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc),
            };
            db.Appointments.Add(past);
            await db.SaveChangesAsync();
            pastId = past.Id;
        }

        using var scope = fixture.App.Services.CreateScope();
        var appointments = await scope.ServiceProvider.GetRequiredService<PatientService>().AppointmentsAsync(patientId);

        appointments.Upcoming.Select(a => a.Id).ShouldBe([visit.Id(), sooner.Id(), later.Id()]);
        appointments.Past.Select(a => a.Id).ShouldBe([pastId]);
        appointments.EarlierCount.ShouldBe(0);
        var first = appointments.Upcoming[1];
        first.Start.ShouldBe(new DateTime(2026, 11, 30, 9, 0, 0)); // clinic-local, as booked
        first.End.ShouldBe(new DateTime(2026, 11, 30, 11, 0, 0)); // natalizumab: 2 h in the chair
        first.ChairName.ShouldBe(chairName);
        first.DoseId.ShouldBe(dose1);
        first.DoseSequence.ShouldBe(1);
        first.Protocol.ShouldBe("natalizumab");
        first.ProtocolName.ShouldNotBeNull().ShouldContain("Natalizumab");
        first.Amount.ShouldBe(300m);
        first.Status.ShouldBe(AppointmentStatus.Booked);
        first.Active.ShouldBeTrue();
        appointments.Upcoming[0].ProtocolName.ShouldBeNull(); // a visit without a dose
        appointments.Past[0].Start.ShouldBe(new DateTime(2026, 11, 16, 10, 0, 0));
        appointments.Past[0].Status.ShouldBe(AppointmentStatus.Completed);
    }

    [Fact]
    public async Task Appointments_ListOnlyTheMostRecentEarlierOnes_AndCountTheRest()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var patientId = await Api.CreatePatientAsync(_client, "Regular");
        await using (var db = await fixture.App.CreateDbContextAsync())
        {
            for (var week = 1; week <= 5; week++)
            {
                var start = new DateTime(2026, 11, 16, 15, 0, 0, DateTimeKind.Utc).AddDays(-7 * (week - 1));
                db.Appointments.Add(new Appointment
                {
                    PatientId = patientId, ChairId = chairId, StartsAt = start, EndsAt = start.AddHours(1), Status = AppointmentStatus.Completed, BookedAt = start.AddDays(-10),
                });
            }

            await db.SaveChangesAsync();
        }

        using var scope = fixture.App.Services.CreateScope();
        var appointments = await scope.ServiceProvider.GetRequiredService<PatientService>().AppointmentsAsync(patientId, pastLimit: 3);

        appointments.Upcoming.ShouldBeEmpty();
        appointments.Past.Select(a => a.Start.Date).ShouldBe([new DateTime(2026, 11, 16), new DateTime(2026, 11, 9), new DateTime(2026, 11, 2)]);
        appointments.EarlierCount.ShouldBe(2);
    }
}
