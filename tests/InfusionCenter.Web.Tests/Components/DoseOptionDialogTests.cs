using System.Net;
using System.Text.Json;
using Bunit;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Auth;
using InfusionCenter.Web.Features.Booking;
using InfusionCenter.Web.Features.Patients;
using InfusionCenter.Web.Features.Patients.Components;
using InfusionCenter.Web.Features.Regimens;
using InfusionCenter.Web.Features.Regimens.Dialogs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace InfusionCenter.Web.Tests.Components;

/// <summary>
/// The "how it's given" dialog with the app's real services on a real database (issue 14): an option the patient may not
/// have is disabled with the reason in words; choosing another calls the service, which resizes the booking in place; a
/// booking that cannot grow (the chair is taken) is refused in words in the dialog, with the choice still on screen.
/// Today is Monday 2026-11-23, 09:30 in New York (<see cref="FixedClockAppFixture"/>).
/// </summary>
public sealed class DoseOptionDialogTests(FixedClockAppFixture fixture) : IClassFixture<FixedClockAppFixture>
{
    private const int Standard = 315;
    private const int Shorter = 225;

    private readonly HttpClient _nurse = fixture.App.CreateClientAs("Nurse");
    private readonly HttpClient _admin = fixture.App.CreateClientAs("Admin");

    /// <summary>An ocrelizumab patient whose two 300 mg doses were given on 1 and 15 June: dose 3 (600 mg, the shorter way) is due now.</summary>
    private async Task<(int PatientId, JsonElement Regimen)> OnMaintenanceAsync(string name)
    {
        var patientId = await Api.CreatePatientAsync(_nurse, name);
        var regimen = await Api.EnrolAsync(_nurse, patientId, new { protocol = "ocrelizumab", start = "2026-06-01", until = "2028-06-30" });
        await Api.ReadAsync(await _nurse.PostJsonAsync($"/api/doses/{AppointmentTestSupport.DoseId(regimen, 1)}/given", new { date = "2026-06-01" }), HttpStatusCode.OK);
        regimen = await Api.ReadAsync(await _nurse.PostJsonAsync($"/api/doses/{AppointmentTestSupport.DoseId(regimen, 2)}/given", new { date = "2026-06-15" }), HttpStatusCode.OK);
        return (patientId, regimen);
    }

    private async Task<DoseDto> DoseAsync(int regimenId, int sequence)
    {
        using var scope = fixture.App.Services.CreateScope();
        var regimen = await scope.ServiceProvider.GetRequiredService<RegimenService>().GetAsync(regimenId);
        return regimen.Doses.Single(d => d.Sequence == sequence);
    }

    private async Task CompleteWithSevereReactionAsync(int appointmentId)
    {
        foreach (var check in (await Api.ReadAsync(await _nurse.GetAsync($"/api/appointments/{appointmentId}/checks"), HttpStatusCode.OK)).EnumerateArray()
                     .Where(c => c.GetProperty("blocking").GetBoolean() && !c.GetProperty("confirmed").GetBoolean()))
        {
            await Api.ReadAsync(await _nurse.PostRawAsync($"/api/appointments/{appointmentId}/checks/{check.GetProperty("code").GetString()}", "{}"), HttpStatusCode.OK);
        }

        await Api.ReadAsync(await _nurse.PostRawAsync($"/api/appointments/{appointmentId}/in-chair", "{}"), HttpStatusCode.OK);
        await Api.ReadAsync(await _nurse.PostJsonAsync($"/api/appointments/{appointmentId}/complete",
            new { reaction = new { severity = "severe", action = "stopped", amountGiven = 150 } }), HttpStatusCode.OK);
    }

    private static async Task<(IRenderedComponent<MudDialogProvider> Host, IDialogReference Dialog)> OpenAsync(BunitContext ctx, DoseDto dose, string? booking = null)
    {
        var host = ctx.RenderDialogHost();
        var dialogs = ctx.Services.GetRequiredService<IDialogService>();
        IDialogReference? dialog = null;
        await host.InvokeAsync(async () => dialog = await dialogs.ShowAsync<DoseOptionDialog>("How it's given", new DialogParameters<DoseOptionDialog>
        {
            { d => d.Dose, dose }, { d => d.ProtocolName, "Ocrelizumab IV (initial dose + every 24 weeks)" }, { d => d.Booking, booking },
        }));
        host.WaitForAssertion(() => host.FindAll("[data-testid=option-choice]").Count.ShouldBe(2));
        return (host, dialog!);
    }

    private static void Choose(IRenderedComponent<MudDialogProvider> host, string code) =>
        host.Find($"[data-testid=option-choice][data-option={code}] input[type=radio]").Click();

    [Fact]
    public async Task AfterASevereReaction_TheShorterInfusionIsDisabled_WithTheReasonInWords()
    {
        var (patientId, regimen) = await OnMaintenanceAsync("Reactiondialog");
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_admin);
        var today = await AppointmentTestSupport.BookedAsync(_nurse, patientId, chairId, "2026-11-23T09:30", minutes: null, doseId: AppointmentTestSupport.DoseId(regimen, 3));
        await CompleteWithSevereReactionAsync(today.Id());
        var dose4 = await DoseAsync(regimen.GetProperty("id").GetInt32(), 4);
        using var scope = fixture.App.Services.CreateScope();
        await using var ctx = ComponentTestSupport.Create(Roles.Nurse, scope.ServiceProvider);

        var (host, _) = await OpenAsync(ctx, dose4);

        var shorter = host.Find("[data-testid=option-choice][data-option=shorter]");
        shorter.GetAttribute("data-eligible").ShouldBe("false");
        shorter.QuerySelector("input[type=radio]")!.HasAttribute("disabled").ShouldBeTrue();
        shorter.QuerySelector("[data-testid=option-reason]")!.TextContent.ShouldBe("Not eligible: severe infusion reaction recorded on 2026-11-23 (dose 3).");
        shorter.QuerySelector("[data-testid=option-breakdown]")!.TextContent
            .ShouldBe("45 min premedication + 2 h infusion + 1 h observation = 3 h 45 in the chair");
        var standard = host.Find("[data-testid=option-choice][data-option=standard]");
        standard.QuerySelector("input[type=radio]")!.HasAttribute("disabled").ShouldBeFalse();
        standard.QuerySelector("[data-testid=option-breakdown]")!.TextContent
            .ShouldBe("45 min premedication + 3 h 30 infusion + 1 h observation = 5 h 15 in the chair");
        host.Find("[data-testid=option-current]").TextContent.ShouldContain("Now: Standard (about 3.5 h), the clinic's default.");
        host.Markup.ShouldNotContain("no-prior-reaction");
    }

    [Fact]
    public async Task ChoosingTheStandardInfusion_CallsTheService_AndLengthensTheBookingInPlace()
    {
        var (patientId, regimen) = await OnMaintenanceAsync("Choosedialog");
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_admin);
        var doseId = AppointmentTestSupport.DoseId(regimen, 3);
        var booked = await AppointmentTestSupport.BookedAsync(_nurse, patientId, chairId, "2026-11-24T08:00", minutes: null, doseId: doseId);
        using var scope = fixture.App.Services.CreateScope();
        await using var ctx = ComponentTestSupport.Create(Roles.Nurse, scope.ServiceProvider);
        var (host, dialog) = await OpenAsync(ctx, await DoseAsync(regimen.GetProperty("id").GetInt32(), 3), "Tue 2026-11-24 08:00 on the test chair");
        host.Find("[data-testid=option-booking-note]").TextContent.ShouldContain("keeps its start and chair");

        Choose(host, "standard");
        host.Find("form").Submit();
        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(30));

        var chosen = result.ShouldNotBeNull().Data.ShouldBeOfType<DoseOptionsDto>();
        chosen.Chosen.ShouldBe("standard");
        chosen.ChosenBy.ShouldBe("nurse@infusion.test");
        await using var db = await fixture.App.CreateDbContextAsync();
        var appointment = await db.Appointments.SingleAsync(a => a.Id == booked.Id());
        ((int)(appointment.EndsAt - appointment.StartsAt).TotalMinutes).ShouldBe(Standard);
        (await db.Doses.SingleAsync(d => d.Id == doseId)).OptionChosenBy.ShouldBe("nurse@infusion.test");
    }

    [Fact]
    public async Task LengtheningIntoTheNextBooking_IsRefusedInWordsInTheDialog_AndNothingIsLost()
    {
        var (patientId, regimen) = await OnMaintenanceAsync("Crowdeddialog");
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_admin);
        var doseId = AppointmentTestSupport.DoseId(regimen, 3);
        var booked = await AppointmentTestSupport.BookedAsync(_nurse, patientId, chairId, "2026-11-25T08:00", minutes: null, doseId: doseId);
        await AppointmentTestSupport.BookedAsync(_nurse, await Api.CreatePatientAsync(_nurse, "Nextdoor"), chairId, "2026-11-25T12:00", minutes: 60);
        using var scope = fixture.App.Services.CreateScope();
        await using var ctx = ComponentTestSupport.Create(Roles.Nurse, scope.ServiceProvider);
        var (host, dialog) = await OpenAsync(ctx, await DoseAsync(regimen.GetProperty("id").GetInt32(), 3));

        Choose(host, "standard");
        host.Find("form").Submit();

        host.WaitForAssertion(() => host.Find("[data-testid=option-error]").TextContent.ShouldContain("The chair is booked for someone else"));
        dialog.Result.IsCompleted.ShouldBeFalse();
        host.Find("[data-testid=option-choice][data-option=standard] input[type=radio]").HasAttribute("checked").ShouldBeTrue();
        await using var db = await fixture.App.CreateDbContextAsync();
        var appointment = await db.Appointments.SingleAsync(a => a.Id == booked.Id());
        ((int)(appointment.EndsAt - appointment.StartsAt).TotalMinutes).ShouldBe(Shorter);
        (await db.Doses.SingleAsync(d => d.Id == doseId)).OptionCode.ShouldBe("shorter");
    }

    [Fact]
    public async Task ABookingLeftTooShortByASevereReaction_IsFlagged_LengthenSaysToMoveWhenTheChairIsTaken_ThenResizesInPlace()
    {
        var (patientId, regimen) = await OnMaintenanceAsync("Rebookcard");
        var regimenId = regimen.GetProperty("id").GetInt32();
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_admin);
        var today = await AppointmentTestSupport.BookedAsync(_nurse, patientId, chairId, "2026-11-23T09:30", minutes: null, doseId: AppointmentTestSupport.DoseId(regimen, 3));
        var dose4 = await DoseAsync(regimenId, 4);
        var later = await AppointmentTestSupport.BookedAsync(_nurse, patientId, chairId, $"{dose4.Date:yyyy-MM-dd}T08:00", minutes: null, doseId: dose4.Id);
        var neighbour = await AppointmentTestSupport.BookedAsync(_nurse, await Api.CreatePatientAsync(_nurse, "Blocking"), chairId, $"{dose4.Date:yyyy-MM-dd}T12:00", minutes: 60);
        await CompleteWithSevereReactionAsync(today.Id());
        using var scope = fixture.App.Services.CreateScope();
        var services = scope.ServiceProvider;
        await using var ctx = ComponentTestSupport.Create(Roles.Nurse, services);
        ctx.RenderDialogHost();
        var shown = await services.GetRequiredService<RegimenService>().GetAsync(regimenId);
        var options = await services.GetRequiredService<DoseOptionService>().ForPatientAsync(patientId);
        var appointments = await services.GetRequiredService<PatientService>().AppointmentsAsync(patientId);
        var changed = 0;
        var card = ctx.Render<RegimenCard>(p => p.Add(c => c.Regimen, shown).Add(c => c.Today, FixedClockAppFixture.Today).Add(c => c.CanWrite, true)
            .Add(c => c.CanSchedule, true).Add(c => c.DoseOptions, options).Add(c => c.Appointments, appointments.Upcoming)
            .Add(c => c.OnOptionsChanged, () => changed++));

        card.Find("[data-testid=options-unavailable]").TextContent.ShouldContain("Shorter (about 2 h) is not available for the doses still to give: severe infusion reaction recorded on 2026-11-23 (dose 3).");
        var alert = card.Find("[data-testid=rebook]");
        alert.TextContent.ShouldContain($"Dose 4 needs a longer booking ({dose4.Date:ddd yyyy-MM-dd} 08:00,");
        alert.TextContent.ShouldContain("Needs Standard (about 3.5 h), 5 h 15 min in the chair");
        card.Find("[data-testid=dose-rebook]").TextContent.ShouldBe("booking too short: lengthen or move it");

        // The chair is taken from 12:00: lengthening is refused in words, and the way out is said.
        await card.Find("[data-testid=lengthen-booking]").ClickAsync(new());
        card.WaitForAssertion(() => card.Find("[data-testid=rebook-error]").TextContent.ShouldContain("The chair is booked for someone else"));
        card.Find("[data-testid=rebook-next]").TextContent.ShouldContain("Move the appointment to a start or chair with 5 h 15 free");
        card.FindAll("[data-testid=move-booking]").Count.ShouldBe(1);
        changed.ShouldBe(0);

        // Once the chair is free, the same button lengthens the booking in place.
        await services.GetRequiredService<AppointmentService>().CancelAsync(neighbour.Id(), "Patient unwell");
        await card.Find("[data-testid=lengthen-booking]").ClickAsync(new());
        card.WaitForAssertion(() => changed.ShouldBe(1));
        await using var db = await fixture.App.CreateDbContextAsync();
        var appointment = await db.Appointments.SingleAsync(a => a.Id == later.Id());
        ((int)(appointment.EndsAt - appointment.StartsAt).TotalMinutes).ShouldBe(Standard);
        (await db.Doses.SingleAsync(d => d.Id == dose4.Id)).RebookReason.ShouldBeNull();
    }
}
