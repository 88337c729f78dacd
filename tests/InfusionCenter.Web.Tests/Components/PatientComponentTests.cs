using Bunit;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Patients;
using InfusionCenter.Web.Features.Patients.Components;
using InfusionCenter.Web.Features.Regimens;

namespace InfusionCenter.Web.Tests.Components;

/// <summary>The patient page's cards: doses and appointments in words, booked doses with their time and chair (issue 11, findings 3 and 5).</summary>
public sealed class PatientComponentTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private readonly BunitContext _context = ComponentTestSupport.Create();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    private static DoseDto Dose(int id, int sequence, DoseStatus status, DateOnly date, DateOnly? givenOn = null) =>
        new(id, sequence, date, date.AddDays(-7), date.AddDays(7), 300m, "mg", null, 120, 1, 1, "maintenance", status, givenOn, null);

    private static RegimenDto Regimen(params DoseDto[] doses) => new(
        7, 1, "natalizumab", "Natalizumab IV every 4 weeks", 1, 1, new DateOnly(2026, 10, 26), new DateOnly(2028, 10, 26), null, 0m, null, null, null,
        RegimenStatus.Active, "until", DateTimeOffset.UnixEpoch, doses);

    private static PatientAppointmentDto Appointment(int id, int? doseId, DateTime start, AppointmentStatus status) =>
        new(id, start, start.AddHours(2), "Chair 4", doseId, "natalizumab", "Natalizumab IV every 4 weeks", 2, "maintenance", 300m, "mg", status, null);

    [Fact]
    public void RegimenCard_ShowsEveryDoseStateInWords_AndWhenAndWhereABookedDoseIs()
    {
        var regimen = Regimen(
            Dose(11, 1, DoseStatus.Given, new DateOnly(2026, 10, 26), new DateOnly(2026, 10, 27)),
            Dose(12, 2, DoseStatus.Booked, new DateOnly(2026, 11, 24)),
            Dose(13, 3, DoseStatus.Missed, new DateOnly(2026, 11, 20)),
            Dose(14, 4, DoseStatus.Planned, new DateOnly(2026, 12, 22)));
        var booked = Appointment(90, 12, new DateTime(2026, 11, 24, 9, 30, 0), AppointmentStatus.Booked);

        var card = _context.Render<RegimenCard>(p => p.Add(c => c.Regimen, regimen).Add(c => c.Today, Today).Add(c => c.CanWrite, true).Add(c => c.Appointments, [booked]));

        card.FindAll("[data-testid=dose-status]").Select(s => s.TextContent.Trim()).ShouldBe(["Given 2026-10-27", "Booked", "Missed · overdue", "Planned"]);
        card.Find("[data-testid=dose-appointment]").TextContent.ShouldBe("Tue 2026-11-24 09:30 · Chair 4");
        card.Find("[data-testid=regimen]").TextContent.ShouldContain("Active");
        card.FindAll("th").Select(h => h.TextContent.Trim()).ShouldBe(["#", "Dose", "Due", "Status", ""]);
        card.FindAll("[data-testid=record-given]").Count.ShouldBe(3); // booked, missed, planned
        card.FindAll("[data-testid=record-missed]").Count.ShouldBe(1); // the booked dose (the planned one's window opens later)
    }

    [Fact]
    public void RegimenCard_CourseSeries_NameEachDosesCourseAndDay()
    {
        var day2 = Dose(22, 2, DoseStatus.Planned, Today.AddDays(1)) with { Course = 1, DayInCourse = 2, Label = "course day" };
        var regimen = Regimen(Dose(21, 1, DoseStatus.Planned, Today), day2) with { CourseSeries = true };

        var card = _context.Render<RegimenCard>(p => p.Add(c => c.Regimen, regimen).Add(c => c.Today, Today));

        card.Markup.ShouldContain("course 1, day 2 · 300 mg · chair time 2 h");
    }

    [Fact]
    public void RegimenCard_ReadOnlyForManagers()
    {
        var card = _context.Render<RegimenCard>(p => p.Add(c => c.Regimen, Regimen(Dose(11, 1, DoseStatus.Planned, Today))).Add(c => c.Today, Today).Add(c => c.CanWrite, false));

        card.FindAll("[data-testid=record-given]").ShouldBeEmpty();
        card.FindAll("th").Count.ShouldBe(4);
    }

    [Fact]
    public void AppointmentsCard_SeparatesTodayAndLaterFromEarlier_WithChairDrugAndStatus()
    {
        var appointments = new PatientAppointmentsDto(
            [Appointment(1, 12, new DateTime(2026, 11, 24, 9, 30, 0), AppointmentStatus.Booked)],
            [Appointment(2, 11, new DateTime(2026, 10, 27, 8, 0, 0), AppointmentStatus.Completed), Appointment(3, null, new DateTime(2026, 10, 20, 8, 0, 0), AppointmentStatus.NoShow)],
            4);

        var card = _context.Render<PatientAppointmentsCard>(p => p.Add(c => c.Appointments, appointments));

        var upcoming = card.Find("[data-testid=upcoming-appointment]").TextContent;
        upcoming.ShouldContain("Tue 2026-11-24");
        upcoming.ShouldContain("09:30–11:30");
        upcoming.ShouldContain("Chair 4");
        upcoming.ShouldContain("Natalizumab");
        upcoming.ShouldContain("Booked");
        card.FindAll("[data-testid=past-appointment]").Select(a => a.QuerySelector("[data-testid=appointment-status]")!.TextContent.Trim()).ShouldBe(["Completed", "No-show"]);
        card.Markup.ShouldContain("and 4 earlier appointments not listed");
    }

    [Fact]
    public void AppointmentsCard_WithoutAppointments_SaysSo()
    {
        var card = _context.Render<PatientAppointmentsCard>(p => p.Add(c => c.Appointments, new PatientAppointmentsDto([], [], 0)));

        card.Find("[data-testid=no-appointments]").TextContent.ShouldContain("No appointments yet");
    }
}
