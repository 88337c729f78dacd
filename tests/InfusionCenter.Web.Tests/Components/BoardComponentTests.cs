using Bunit;
using InfusionCenter.Testing;
using InfusionCenter.Web.Features.Auth;
using InfusionCenter.Web.Features.Board;
using InfusionCenter.Web.Tests.Board;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionCenter.Web.Tests.Components;

/// <summary>bUnit: the chair board page rendered with the real app services on a real database.</summary>
public sealed class BoardComponentTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task BoardPage_ForADayClosedAfterBooking_ListsItsStrandedAppointments_ToMoveOrCancel()
    {
        using var scope = fixture.App.Services.CreateScope();
        var data = new BoardTestData(scope.ServiceProvider);
        var chairs = await data.ChairsAsync();
        var patient = await data.PatientAsync("Stranded", "Stella");
        var visit = await data.VisitAsync(patient, chairs[3], new DateTime(2031, 3, 27, 10, 0, 0), 60);
        await scope.ServiceProvider.GetRequiredService<InfusionCenter.Web.Features.Admin.ClinicAdminService>()
            .AddClosureAsync(new DateOnly(2031, 3, 27), "Water damage");
        await using var context = ComponentTestSupport.Create(Roles.Nurse, scope.ServiceProvider);

        var board = context.Render<BoardPage>(p => p.Add(b => b.Day, "2031-03-27"));

        board.WaitForAssertion(() => board.Find("[data-testid=board-closed]").TextContent.ShouldContain("1 appointment still booked here"), Wait);
        board.Find("[data-testid=board-closed]").TextContent.ShouldContain("Water damage");
        var row = board.Find("[data-testid=stranded-appointment]");
        row.TextContent.ShouldContain("Stranded, Stella");
        row.TextContent.ShouldContain("10:00–11:00");
        row.QuerySelector("[data-testid=stranded-open]")!.TextContent.ShouldContain("Move or cancel");

        // One click moves it to the nearest free slot (the day before or after), and the closed day is clear.
        board.WaitForAssertion(() => board.Find("[data-testid=stranded-move]"), Wait);
        board.Find("[data-testid=stranded-move]").Click();
        board.WaitForAssertion(() => board.FindAll("[data-testid=stranded-appointment]").ShouldBeEmpty(), Wait);
        var moved = await scope.ServiceProvider.GetRequiredService<InfusionCenter.Web.Features.Booking.AppointmentService>().GetAsync(visit.Id);
        Math.Abs(DateOnly.FromDateTime(moved.Start.DateTime).DayNumber - new DateOnly(2031, 3, 27).DayNumber).ShouldBe(1);
        moved.Status.ShouldBe(InfusionCenter.Web.Data.AppointmentStatus.Booked);
    }

    [Fact]
    public async Task BoardPage_ShowsABookedAppointment_WithNameTimeAndStatus_AndOffersNursesTheFreeStretches()
    {
        using var scope = fixture.App.Services.CreateScope();
        var data = new BoardTestData(scope.ServiceProvider);
        var chairs = await data.ChairsAsync();
        var patient = await data.PatientAsync("Lindqvist", "Saga");
        var booked = await data.NatalizumabDoseAsync(patient, chairs[0], new DateTime(2031, 3, 18, 9, 0, 0));
        await using var context = ComponentTestSupport.Create(Roles.Nurse, scope.ServiceProvider);

        var board = context.Render<BoardPage>(p => p.Add(b => b.Day, "2031-03-18"));

        board.WaitForAssertion(() => board.FindAll("[data-testid=board-block]").Count.ShouldBe(1), Wait);
        board.Find("[data-testid=board-day]").TextContent.ShouldBe("Tuesday, 18 March 2031");
        var block = board.Find("[data-testid=board-block]");
        block.QuerySelector("[data-testid=board-block-name]")!.TextContent.ShouldBe("Lindqvist, Saga");
        block.TextContent.ShouldContain($"{booked.Start:HH:mm}–{booked.End:HH:mm}");
        block.TextContent.ShouldContain("Booked");
        block.TextContent.ShouldContain("to confirm"); // natalizumab's TOUCH checks are still open
        block.GetAttribute("aria-label")!.ShouldContain("Lindqvist, Saga, 09:00 to 11:00");
        block.GetAttribute("tabindex").ShouldBe("0");
        board.FindAll("[data-testid=board-chair]").Count.ShouldBe(chairs.Count);
        board.FindAll("[data-testid=board-gap]").ShouldNotBeEmpty();
        board.Find("[data-testid=print-day-list]").GetAttribute("href")!.ShouldEndWith("board/print?day=2031-03-18");
    }

    [Fact]
    public async Task BoardPage_ShortAppointment_UsesTheCompactLayout_WithTheFullFactsInItsAccessibleName()
    {
        using var scope = fixture.App.Services.CreateScope();
        var data = new BoardTestData(scope.ServiceProvider);
        var chairs = await data.ChairsAsync();
        var patient = await data.PatientAsync("Featherstonehaugh-Quinlan", "Henrietta");
        await data.VisitAsync(patient, chairs[1], new DateTime(2031, 3, 19, 14, 0, 0), 45);
        await using var context = ComponentTestSupport.Create(Roles.Nurse, scope.ServiceProvider);

        var board = context.Render<BoardPage>(p => p.Add(b => b.Day, "2031-03-19"));

        board.WaitForAssertion(() => board.FindAll("[data-testid=board-block]").Count.ShouldBe(1), Wait);
        var block = board.Find("[data-testid=board-block]");
        block.GetAttribute("data-compact").ShouldBe("true");
        block.QuerySelector("[data-testid=board-block-name]")!.TextContent.ShouldBe("Featherstonehaugh-Quinlan, Henrietta");
        block.TextContent.ShouldContain("14:00");
        block.GetAttribute("aria-label")!.ShouldBe("Featherstonehaugh-Quinlan, Henrietta, 14:00 to 14:45, Visit without a dose, Booked");
    }

    [Fact]
    public async Task BoardPage_ForAManager_ShowsTheAppointments_ButOffersNoFreeStretches()
    {
        using var scope = fixture.App.Services.CreateScope();
        var data = new BoardTestData(scope.ServiceProvider);
        var chairs = await data.ChairsAsync();
        var patient = await data.PatientAsync("Okafor", "Ngozi");
        await data.VisitAsync(patient, chairs[2], new DateTime(2031, 3, 20, 10, 0, 0), 90);
        await using var context = ComponentTestSupport.Create(Roles.Manager, scope.ServiceProvider);

        var board = context.Render<BoardPage>(p => p.Add(b => b.Day, "2031-03-20"));

        board.WaitForAssertion(() => board.FindAll("[data-testid=board-block]").Count.ShouldBe(1), Wait);
        board.Find("[data-testid=board-block]").TextContent.ShouldContain("Okafor, Ngozi");
        board.FindAll("[data-testid=board-gap]").ShouldBeEmpty();
    }

    [Fact]
    public async Task BoardPage_ReloadsLive_WhenAnotherNurseBooksThatDay()
    {
        using var scope = fixture.App.Services.CreateScope();
        var data = new BoardTestData(scope.ServiceProvider);
        var chairs = await data.ChairsAsync();
        var patient = await data.PatientAsync("Live", "Lena");
        await using var context = ComponentTestSupport.Create(Roles.Nurse, scope.ServiceProvider);
        var board = context.Render<BoardPage>(p => p.Add(b => b.Day, "2031-03-21"));
        board.WaitForAssertion(() => board.FindAll("[data-testid=board-chair]").Count.ShouldBe(chairs.Count), Wait);
        board.FindAll("[data-testid=board-block]").ShouldBeEmpty();

        await data.VisitAsync(patient, chairs[0], new DateTime(2031, 3, 21, 9, 0, 0), 60); // publishes the day (NOTIFY)

        board.WaitForAssertion(() => board.Find("[data-testid=board-block]").TextContent.ShouldContain("Live, Lena"), Wait);
    }
}
