using Bunit;
using InfusionCenter.Testing;
using InfusionCenter.Web.Features.Auth;
using InfusionCenter.Web.Features.Booking;
using InfusionCenter.Web.Features.Booking.Dialogs;
using InfusionCenter.Web.Tests.Board;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace InfusionCenter.Web.Tests.Components;

/// <summary>bUnit: the appointment dialog opened from the board, with the real app services on a real database.</summary>
public sealed class BoardAppointmentDialogTests(FixedClockAppFixture fixture) : IClassFixture<FixedClockAppFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(BunitContext context, AppointmentDto appointment)
    {
        var host = context.RenderDialogHost();
        var dialogs = context.Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<AppointmentDialog> { { d => d.AppointmentId, appointment.Id } };
        await host.InvokeAsync(() => dialogs.ShowAsync<AppointmentDialog>("Appointment", parameters));
        host.WaitForAssertion(() => host.Find("[data-testid=appointment-dialog]"), Wait);
        return host;
    }

    /// <summary>Clicks the first button with the test id once the last action has finished (buttons are disabled while one runs).</summary>
    private static void ClickWhenEnabled(IRenderedComponent<MudDialogProvider> dialog, string testId)
    {
        dialog.WaitForAssertion(() => dialog.Find($"[data-testid={testId}]").HasAttribute("disabled").ShouldBeFalse(), Wait);
        dialog.Find($"[data-testid={testId}]").Click();
    }

    [Fact]
    public async Task Nurse_ChecksIn_ThenInChairIsRefusedUntilTheBlockingChecksAreConfirmed_TheReasonShownInTheDialog()
    {
        using var scope = fixture.App.Services.CreateScope();
        var data = new BoardTestData(scope.ServiceProvider);
        var chairs = await data.ChairsAsync();
        var appointment = await data.NatalizumabDoseAsync(await data.PatientAsync("Dialog", "Dana"), chairs[4], new DateTime(2026, 11, 23, 16, 0, 0)); // today on the fixture's clock
        await using var context = ComponentTestSupport.Create(Roles.Nurse, scope.ServiceProvider);
        var dialog = await OpenAsync(context, appointment);

        dialog.Find("[data-testid=appointment-status]").TextContent.ShouldContain("Booked");
        dialog.WaitForAssertion(() => dialog.Find("[data-testid=checks-missing]").TextContent.ShouldContain("2 blocking checks to confirm"), Wait);
        ClickWhenEnabled(dialog, "check-in");
        dialog.WaitForAssertion(() => dialog.Find("[data-testid=appointment-status]").TextContent.ShouldContain("Checked in"), Wait);

        ClickWhenEnabled(dialog, "in-chair");
        dialog.WaitForAssertion(() => dialog.Find("[data-testid=appointment-error]").TextContent.ShouldContain("Confirm the pre-infusion checks first"), Wait);
        dialog.Find("[data-testid=appointment-status]").TextContent.ShouldContain("Checked in");

        while (dialog.FindAll("[data-testid=checks-missing]").Count > 0)
        {
            var before = dialog.FindAll("[data-testid=confirm-check]").Count;
            ClickWhenEnabled(dialog, "confirm-check");
            dialog.WaitForAssertion(() => dialog.FindAll("[data-testid=confirm-check]").Count.ShouldBe(before - 1), Wait);
        }

        ClickWhenEnabled(dialog, "in-chair");
        dialog.WaitForAssertion(() => dialog.Find("[data-testid=appointment-status]").TextContent.ShouldContain("In chair"), Wait);
        dialog.FindAll("[data-testid=appointment-error]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Nurse_CancelWithoutAReason_IsRefusedAtTheField_AndNothingChanges()
    {
        using var scope = fixture.App.Services.CreateScope();
        var data = new BoardTestData(scope.ServiceProvider);
        var chairs = await data.ChairsAsync();
        var appointment = await data.VisitAsync(await data.PatientAsync("Keep", "Kim"), chairs[1], new DateTime(2031, 4, 2, 9, 0, 0), 60);
        await using var context = ComponentTestSupport.Create(Roles.Nurse, scope.ServiceProvider);
        var dialog = await OpenAsync(context, appointment);

        ClickWhenEnabled(dialog, "cancel-appointment");

        dialog.WaitForAssertion(() => dialog.Markup.ShouldContain("Give a reason for the cancellation."), Wait);
        (await scope.ServiceProvider.GetRequiredService<AppointmentService>().GetAsync(appointment.Id)).Status.ShouldBe(Web.Data.AppointmentStatus.Booked);
    }

    [Fact]
    public async Task Manager_SeesTheAppointmentAndItsChecks_ButNoActions()
    {
        using var scope = fixture.App.Services.CreateScope();
        var data = new BoardTestData(scope.ServiceProvider);
        var chairs = await data.ChairsAsync();
        var appointment = await data.NatalizumabDoseAsync(await data.PatientAsync("Readonly", "Rae"), chairs[2], new DateTime(2031, 4, 3, 9, 0, 0));
        await using var context = ComponentTestSupport.Create(Roles.Manager, scope.ServiceProvider);
        var dialog = await OpenAsync(context, appointment);

        dialog.FindAll("[data-testid=check]").ShouldNotBeEmpty();
        dialog.FindAll("[data-testid=confirm-check]").ShouldBeEmpty();
        dialog.FindAll("[data-testid=check-in]").ShouldBeEmpty();
        dialog.FindAll("[data-testid=complete]").ShouldBeEmpty();
        dialog.FindAll("[data-testid=move-section]").ShouldBeEmpty();
        dialog.FindAll("[data-testid=cancel-appointment]").ShouldBeEmpty();
    }
}
