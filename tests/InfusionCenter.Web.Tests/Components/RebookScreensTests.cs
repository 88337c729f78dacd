using Bunit;
using InfusionCenter.Web.Features.Auth;
using InfusionCenter.Web.Features.Booking.Dialogs;
using InfusionCenter.Web.Features.Today;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using static InfusionCenter.Web.Tests.OptionTestSupport;

namespace InfusionCenter.Web.Tests.Components;

/// <summary>
/// bUnit, real services on a real database (fixed clock: Monday 2026-11-23, 09:30 New York): a booking to redo after a
/// severe reaction ruled out the shorter infusion warns in the appointment dialog and is listed on the Today page.
/// </summary>
public sealed class RebookScreensTests(FixedClockAppFixture fixture) : IClassFixture<FixedClockAppFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly HttpClient _client = fixture.App.CreateClientAs("Nurse");
    private readonly HttpClient _admin = fixture.App.CreateClientAs("Admin");

    [Fact]
    public async Task BookingToRedo_WarnsInTheAppointmentDialog_AndIsListedOnToday_WithALinkToThePatient()
    {
        var (patientId, dose4, booking) = await FlaggedForRebookAsync(_client, _admin, "Redo");
        using var scope = fixture.App.Services.CreateScope();
        await using var context = ComponentTestSupport.Create(Roles.Nurse, scope.ServiceProvider);
        var host = context.RenderDialogHost();
        var parameters = new DialogParameters<AppointmentDialog> { { d => d.AppointmentId, booking.Id() } };

        await host.InvokeAsync(() => context.Services.GetRequiredService<IDialogService>().ShowAsync<AppointmentDialog>("Appointment", parameters));

        host.WaitForAssertion(() => host.Find("[data-testid=rebook-alert]"), Wait);
        var alert = host.Find("[data-testid=rebook-alert]").TextContent;
        alert.ShouldContain("Re-book:");
        alert.ShouldContain("severe infusion reaction recorded on 2026-11-23 (dose 3)");
        host.Find("[data-testid=appointment-option]").TextContent.ShouldBe("Standard (about 3.5 h)");

        var today = context.Render<TodayPage>();

        today.WaitForAssertion(() => today.Find("[data-testid=rebook-card]"), Wait);
        var count = (await scope.ServiceProvider.GetRequiredService<TodayService>().RebookAsync()).Count;
        today.Find("[data-testid=rebook-count]").TextContent.ShouldBe(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var row = today.FindAll("[data-testid=rebook-row]").Single(r => r.TextContent.Contains("Redo, Alex", StringComparison.Ordinal));
        row.QuerySelector("a.patient-link")!.GetAttribute("href").ShouldBe($"patients/{patientId}");
        row.TextContent.ShouldContain(dose4.Date().ToString("ddd d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture));
        row.QuerySelector(".today-rebook-reason")!.TextContent.ShouldBe("Severe infusion reaction recorded on 2026-11-23 (dose 3)");
    }
}
