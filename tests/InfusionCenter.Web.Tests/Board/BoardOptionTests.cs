using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InfusionCenter.Web.Features.Board;
using InfusionCenter.Web.Features.Today;
using Microsoft.Extensions.DependencyInjection;
using static InfusionCenter.Web.Tests.OptionTestSupport;

namespace InfusionCenter.Web.Tests.Board;

/// <summary>
/// The board, the printable day list, the appointments API and the Today page say how a booked dose is to be given,
/// and which bookings must be redone after a severe reaction ruled out the shorter infusion. Fixed clock: today is
/// Monday 2026-11-23, 09:30 in New York.
/// </summary>
public sealed class BoardOptionTests(FixedClockAppFixture fixture) : IClassFixture<FixedClockAppFixture>
{
    private readonly HttpClient _client = fixture.App.CreateClientAs("Nurse");
    private readonly HttpClient _admin = fixture.App.CreateClientAs("Admin");

    [Fact]
    public async Task BookedMaintenanceDose_ShowsItsOptionOnTheBoardAndTheDayList_WithNothingToRedo()
    {
        var (patientId, regimen) = await OnMaintenanceAsync(_client, "Boarded");
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_admin);
        var booked = await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2026-11-24T08:00", minutes: null, doseId: Dose(regimen, 3).Id());
        using var scope = fixture.App.Services.CreateScope();
        var board = scope.ServiceProvider.GetRequiredService<BoardService>();

        var day = await board.DayAsync(new DateOnly(2026, 11, 24), withFreeStretches: false);
        var list = await board.DayListAsync(new DateOnly(2026, 11, 24));

        var block = day.Active.Single(a => a.Id == booked.Id());
        block.Option.ShouldBe("shorter");
        block.OptionName!.ShouldStartWith("Shorter (about 2 h)");
        block.Minutes.ShouldBe(Shorter);
        block.RebookReason.ShouldBeNull();
        var row = list.Chairs.SelectMany(c => c.Rows).Single(r => r.AppointmentId == booked.Id());
        row.OptionName.ShouldBe(block.OptionName);
        row.RebookReason.ShouldBeNull();
    }

    [Fact]
    public async Task SevereReaction_FlagsTheLaterShorterBooking_OnTheBoardTheApiAndToday_UntilItIsLengthened()
    {
        using var scope = fixture.App.Services.CreateScope();
        var today = scope.ServiceProvider.GetRequiredService<TodayService>();
        var before = (await today.RebookAsync()).Count;

        var (patientId, dose4, booking) = await FlaggedForRebookAsync(_client, _admin, "Flagged");

        var day = dose4.Date();
        var board = scope.ServiceProvider.GetRequiredService<BoardService>();
        var block = (await board.DayAsync(day, withFreeStretches: true)).Active.Single(a => a.Id == booking.Id());
        block.Option.ShouldBe("standard");
        block.OptionName.ShouldBe("Standard (about 3.5 h)");
        block.Minutes.ShouldBe(Shorter); // still booked for the shorter infusion...
        block.RebookReason!.ShouldContain("severe infusion reaction recorded on 2026-11-23 (dose 3)"); // ...so it must be redone
        var row = (await board.DayListAsync(day)).Chairs.SelectMany(c => c.Rows).Single(r => r.AppointmentId == booking.Id());
        row.RebookReason.ShouldBe(block.RebookReason);
        var json = (await AppointmentTestSupport.DayAsync(_client, $"{day:yyyy-MM-dd}")).Single(a => a.Id() == booking.Id());
        json.GetProperty("option").GetString().ShouldBe("standard");
        json.GetProperty("optionName").GetString().ShouldBe("Standard (about 3.5 h)");
        json.GetProperty("rebookReason").GetString().ShouldBe(block.RebookReason);
        var redo = await today.RebookAsync();
        redo.Count.ShouldBe(before + 1);
        var item = redo.First.Single(r => r.AppointmentId == booking.Id());
        (item.PatientId, item.PatientName, item.Date, item.DoseId).ShouldBe((patientId, "Flagged, Alex", day, dose4.Id()));
        item.Reason.ShouldBe(block.RebookReason);

        // Lengthening the booking in place (the standard infusion's chair time) clears it everywhere.
        await Api.ReadAsync(await _client.PutAsJsonAsync($"/api/doses/{dose4.Id()}/option", new { option = "standard" }), HttpStatusCode.OK);

        var fixedUp = (await board.DayAsync(day, withFreeStretches: false)).Active.Single(a => a.Id == booking.Id());
        fixedUp.RebookReason.ShouldBeNull();
        fixedUp.Minutes.ShouldBe(Standard);
        (await today.RebookAsync()).Count.ShouldBe(before);
        (await AppointmentTestSupport.DayAsync(_client, $"{day:yyyy-MM-dd}")).Single(a => a.Id() == booking.Id())
            .GetProperty("rebookReason").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task MovingABookingToRedo_GivesItTheDosesChairTime_AndClearsTheWarning()
    {
        var (_, dose4, booking) = await FlaggedForRebookAsync(_client, _admin, "Moved");

        var moved = (await Api.ReadAsync(await _client.PutRawAsync($"/api/appointments/{booking.Id()}", $"{{\"start\": \"{dose4.Date():yyyy-MM-dd}T11:00\"}}"),
            HttpStatusCode.OK)).EnumerateArray().Single();

        (moved.Time("end") - moved.Time("start")).TotalMinutes.ShouldBe(Standard);
        moved.GetProperty("rebookReason").ValueKind.ShouldBe(JsonValueKind.Null);
        using var scope = fixture.App.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<TodayService>().RebookAsync()).First.ShouldNotContain(r => r.AppointmentId == booking.Id());
    }

    [Fact]
    public async Task CompletedAppointment_KeepsTheWayItWasGiven_AndAVisitHasNoOption()
    {
        var (patientId, regimen) = await OnMaintenanceAsync(_client, "Historic");
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_admin);
        var given = await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2026-11-23T10:00", minutes: null, doseId: Dose(regimen, 3).Id());
        var visitor = await Api.CreatePatientAsync(_client, "Visitor");
        var visit = await AppointmentTestSupport.BookedAsync(_client, visitor, chairId, "2026-11-23T16:00", minutes: 30);
        await CompleteWithReactionAsync(_client, given.Id(), "severe");

        var day = await AppointmentTestSupport.DayAsync(_client, "2026-11-23");

        var done = day.Single(a => a.Id() == given.Id());
        done.GetProperty("option").GetString().ShouldBe("shorter");
        done.GetProperty("rebookReason").ValueKind.ShouldBe(JsonValueKind.Null);
        day.Single(a => a.Id() == visit.Id()).GetProperty("option").ValueKind.ShouldBe(JsonValueKind.Null);
    }
}
