using Bunit;
using InfusionCenter.Web.Features.Auth;
using InfusionCenter.Web.Features.Booking;
using InfusionCenter.Web.Features.Booking.Dialogs;
using InfusionCenter.Web.Tests.Board;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace InfusionCenter.Web.Tests.Components;

/// <summary>
/// bUnit: the appointment dialog's move form shows the service's refusal at the field it concerns: a move to an earlier
/// day than today reads "A booking must start today or later" under the day (clock fixed at Monday 2026-11-23 09:30).
/// </summary>
public sealed class MoveAppointmentFormTests(FixedClockAppFixture fixture) : IClassFixture<FixedClockAppFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(BunitContext context, AppointmentDto appointment)
    {
        var dialog = context.RenderDialogHost();
        var parameters = new DialogParameters<AppointmentDialog> { { d => d.AppointmentId, appointment.Id } };
        await dialog.InvokeAsync(() => context.Services.GetRequiredService<IDialogService>().ShowAsync<AppointmentDialog>("Appointment", parameters));
        dialog.WaitForAssertion(() => dialog.Find("[data-testid=move-section]"), Wait);
        return dialog;
    }

    private static void MoveTo(IRenderedComponent<MudDialogProvider> dialog, string day)
    {
        dialog.Find("[data-testid=move-section] .move-date input").Change(day);
        dialog.WaitForAssertion(() => dialog.Find("[data-testid=move]").HasAttribute("disabled").ShouldBeFalse(), Wait);
        dialog.Find("[data-testid=move-section] form").Submit();
    }

    [Theory]
    [InlineData("Mia", "2026-11-20", "A booking must start today or later (today is 2026-11-23).")]
    [InlineData("Noor", "2026-11-26", "the clinic is closed on 2026-11-26 (Thanksgiving)")]
    public async Task Nurse_MovesToADayThatCannotBeBooked_TheDayFieldSaysWhy_AndNothingMoves(string given, string day, string reason)
    {
        using var scope = fixture.App.Services.CreateScope();
        var data = new BoardTestData(scope.ServiceProvider);
        var chairs = await data.ChairsAsync();
        var appointment = await data.VisitAsync(await data.PatientAsync("Mover", given), chairs[0], new DateTime(2026, 11, 25, given == "Mia" ? 10 : 12, 0, 0), 60);
        await using var context = ComponentTestSupport.Create(Roles.Nurse, scope.ServiceProvider);
        var dialog = await OpenAsync(context, appointment);

        MoveTo(dialog, day);

        dialog.WaitForAssertion(() => dialog.Find("[data-testid=move-section] .move-date").TextContent.ShouldContain(reason), Wait);
        dialog.FindAll("[data-testid=move-error]").ShouldBeEmpty();
        (await scope.ServiceProvider.GetRequiredService<AppointmentService>().GetAsync(appointment.Id)).Start.ShouldBe(appointment.Start);
    }

    [Fact]
    public async Task Nurse_MovesToALaterDay_TheAppointmentMoves_AndTheDialogCloses()
    {
        using var scope = fixture.App.Services.CreateScope();
        var data = new BoardTestData(scope.ServiceProvider);
        var chairs = await data.ChairsAsync();
        var appointment = await data.VisitAsync(await data.PatientAsync("Mover", "Ola"), chairs[1], new DateTime(2026, 11, 25, 14, 0, 0), 60);
        await using var context = ComponentTestSupport.Create(Roles.Nurse, scope.ServiceProvider);
        var dialog = await OpenAsync(context, appointment);

        MoveTo(dialog, "2026-11-27");

        dialog.WaitForAssertion(() => dialog.FindAll("[data-testid=appointment-dialog]").ShouldBeEmpty(), Wait);
        var moved = await scope.ServiceProvider.GetRequiredService<AppointmentService>().GetAsync(appointment.Id);
        moved.Start.ShouldBe(appointment.Start.AddDays(2));
    }
}
