using InfusionCenter.Testing;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Board;
using InfusionCenter.Web.Features.Booking;
using InfusionCenter.Web.Features.SafetyChecks;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionCenter.Web.Tests.Board;

/// <summary>
/// What the board and the printable day list show for a day (BoardService), on a real database. Each test uses a day of
/// its own in 2031, far from the demo seed's bookings.
/// </summary>
public sealed class BoardServiceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task DayList_ListsActiveAppointments_ChairByChairInTimeOrder_WithFullNamesDoseAndOpenChecks()
    {
        using var scope = fixture.App.Services.CreateScope();
        var data = new BoardTestData(scope.ServiceProvider);
        var chairs = await data.ChairsAsync();
        var day = new DateOnly(2031, 3, 11);
        var longName = await data.PatientAsync("Quinlan-Featherstonehaugh", "Henrietta Maximiliana");
        var early = await data.PatientAsync("Abbott", "Ann");
        var other = await data.PatientAsync("Zhou", "Li");
        var gone = await data.PatientAsync("Cancelled", "Carl");
        // Chair 2: a dose at 11:00 and a visit at 08:00; chair 1: a visit at 13:00 and a cancelled one.
        var dose = await data.NatalizumabDoseAsync(longName, chairs[1], day.ToDateTime(new TimeOnly(11, 0)));
        await data.VisitAsync(early, chairs[1], day.ToDateTime(new TimeOnly(8, 0)), 45);
        await data.VisitAsync(other, chairs[0], day.ToDateTime(new TimeOnly(13, 0)), 60);
        var cancelled = await data.VisitAsync(gone, chairs[0], day.ToDateTime(new TimeOnly(9, 0)), 60);
        await scope.ServiceProvider.GetRequiredService<AppointmentService>().CancelAsync(cancelled.Id, "patient unwell");
        // One of the dose's checks is confirmed: it is no longer open.
        var safety = scope.ServiceProvider.GetRequiredService<SafetyCheckService>();
        var checks = await safety.ForAppointmentAsync(dose.Id);
        var confirmed = checks.First(c => c.Blocking);
        await safety.ConfirmAsync(dose.Id, confirmed.Code, null);

        var list = await scope.ServiceProvider.GetRequiredService<BoardService>().DayListAsync(day);

        list.Chairs.Select(c => c.Name).ShouldBe([chairs[0].Name, chairs[1].Name]);
        list.Chairs[0].Rows.Select(r => r.PatientName).ShouldBe(["Zhou, Li"]);
        list.Chairs[1].Rows.Select(r => r.PatientName).ShouldBe(["Abbott, Ann", "Quinlan-Featherstonehaugh, Henrietta Maximiliana"]);
        list.CancelledCount.ShouldBe(1);
        list.Count.ShouldBe(3);
        var row = list.Chairs[1].Rows[1];
        row.Start.ShouldBe(new TimeOnly(11, 0));
        row.Mrn.ShouldBe(longName.Mrn);
        row.ChairName.ShouldBe(chairs[1].Name);
        row.Drug!.ShouldContain("Natalizumab");
        row.Dose!.ShouldStartWith("dose 1");
        row.Amount.ShouldBe("300 mg");
        row.OpenChecks.Select(c => c.Label).ShouldBe(checks.Where(c => c.Code != confirmed.Code).OrderByDescending(c => c.Blocking).Select(c => c.Label));
        row.OpenChecks.ShouldContain(c => c.Blocking);
        var visit = list.Chairs[1].Rows[0];
        visit.Drug.ShouldBeNull();
        visit.OpenChecks.ShouldBeEmpty();
    }

    [Fact]
    public async Task Day_ForNurses_OffersTheFreeStretchesAroundBookings_ManagersGetNone_AndCountsOpenChecks()
    {
        using var scope = fixture.App.Services.CreateScope();
        var data = new BoardTestData(scope.ServiceProvider);
        var chairs = await data.ChairsAsync();
        var day = new DateOnly(2031, 3, 12);
        var patient = await data.PatientAsync("Board", "Bea");
        var dose = await data.NatalizumabDoseAsync(patient, chairs[0], day.ToDateTime(new TimeOnly(10, 0)));
        var board = scope.ServiceProvider.GetRequiredService<BoardService>();

        var nurse = await board.DayAsync(day, withFreeStretches: true);
        var manager = await board.DayAsync(day, withFreeStretches: false);

        nurse.Hours.ShouldNotBeNull();
        nurse.Active.ShouldContain(a => a.Id == dose.Id);
        var first = nurse.FreeStretches.Where(g => g.ChairId == chairs[0].Id).ToList();
        first.ShouldNotContain(g => g.From < dose.End.DateTime && g.To > dose.Start.DateTime, "no free stretch over the booking");
        first.ShouldContain(g => g.To == dose.Start.DateTime);
        nurse.FreeStretches.ShouldContain(g => g.ChairId == chairs[1].Id);
        manager.FreeStretches.ShouldBeEmpty();
        manager.Active.Count.ShouldBe(nurse.Active.Count);
        nurse.OpenChecks(nurse.Active.Single(a => a.Id == dose.Id)).ShouldBeGreaterThan(0);
        nurse.Now.ShouldBeNull("the day is not today");
        nurse.MinutesFromOpening(new TimeOnly(10, 0)).ShouldBe((new TimeOnly(10, 0) - nurse.Hours.Opens).TotalMinutes);
    }

    [Theory]
    [InlineData("hepatitis-b-screening", "Hepatitis B screening")]
    [InlineData("touch-authorization", "TOUCH authorization")]
    [InlineData("yearly-lvef-after-stopping", "Yearly LVEF after stopping")]
    [InlineData("active-infection-check", "Active infection check")]
    public void CheckLabels_OnTheDayListAndBoard_ReadAsWords_WithProperNounsAndAcronymsInCapitals(string code, string label) =>
        SafetyCheckService.Label(code).ShouldBe(label);
}
