using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;

namespace InfusionCenter.Web.Tests.Regimens;

/// <summary>
/// Issue 14: ocrelizumab's maintenance doses can be given the standard way (about 3.5 h) or the shorter way (about 2 h,
/// no prior serious reaction). Each dose carries its option; booking takes its chair time; a severe reaction recorded
/// at completion makes later doses ineligible and flags a dose already booked the shorter way. Switching IV → SC keeps
/// the 20-week spacing from the last IV dose. Today is Monday 2026-11-23, 09:30 in New York (<see cref="FixedClockAppFixture"/>).
/// </summary>
public sealed class DoseOptionApiTests(FixedClockAppFixture fixture) : IClassFixture<FixedClockAppFixture>
{
    // Standard: 45 + 210 + 60 minutes; shorter: 45 + 120 + 60.
    private const int Standard = 315;
    private const int Shorter = 225;

    private readonly HttpClient _client = fixture.App.CreateClientAs("Nurse");
    private readonly HttpClient _admin = fixture.App.CreateClientAs("Admin");

    /// <summary>An ocrelizumab patient whose two 300 mg doses were given on 1 and 15 June: dose 3 (600 mg) is due now.</summary>
    private async Task<(int PatientId, JsonElement Regimen)> OnMaintenanceAsync(string name)
    {
        var patientId = await Api.CreatePatientAsync(_client, name);
        var regimen = await Api.EnrolAsync(_client, patientId, new { protocol = "ocrelizumab", start = "2026-06-01", until = "2028-06-30" });
        await Api.ReadAsync(await _client.PostJsonAsync($"/api/doses/{AppointmentTestSupport.DoseId(regimen, 1)}/given", new { date = "2026-06-01" }), HttpStatusCode.OK);
        regimen = await Api.ReadAsync(await _client.PostJsonAsync($"/api/doses/{AppointmentTestSupport.DoseId(regimen, 2)}/given", new { date = "2026-06-15" }), HttpStatusCode.OK);
        return (patientId, regimen);
    }

    private static JsonElement Dose(JsonElement regimen, int sequence) => regimen.Doses().Single(d => d.GetProperty("sequence").GetInt32() == sequence);

    private async Task<JsonElement> RegimenAsync(JsonElement regimen) =>
        await Api.ReadAsync(await _client.GetAsync($"/api/regimens/{regimen.GetProperty("id").GetInt32()}"), HttpStatusCode.OK);

    private static int Minutes(JsonElement appointment) => (int)(appointment.Time("end") - appointment.Time("start")).TotalMinutes;

    private async Task CompleteAsync(int appointmentId, string severity)
    {
        foreach (var check in (await Api.ReadAsync(await _client.GetAsync($"/api/appointments/{appointmentId}/checks"), HttpStatusCode.OK)).EnumerateArray()
                     .Where(c => c.GetProperty("blocking").GetBoolean() && !c.GetProperty("confirmed").GetBoolean()))
        {
            await Api.ReadAsync(await _client.PostRawAsync($"/api/appointments/{appointmentId}/checks/{check.GetProperty("code").GetString()}", "{}"), HttpStatusCode.OK);
        }

        await Api.ReadAsync(await _client.PostRawAsync($"/api/appointments/{appointmentId}/in-chair", "{}"), HttpStatusCode.OK);
        await Api.ReadAsync(await _client.PostJsonAsync($"/api/appointments/{appointmentId}/complete", new { reaction = new { severity, action = "slowed" } }), HttpStatusCode.OK);
    }

    [Fact]
    public async Task LoadingDoses_HaveNoOption_MaintenanceGetsTheShorterInfusion_AndBookingTakesItsChairTime()
    {
        var (patientId, regimen) = await OnMaintenanceAsync("Shortway");
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_admin);

        Dose(regimen, 1).GetProperty("option").ValueKind.ShouldBe(JsonValueKind.Null);
        var dose3 = Dose(regimen, 3);
        dose3.GetProperty("option").GetString().ShouldBe("shorter");
        dose3.GetProperty("optionName").GetString()!.ShouldStartWith("Shorter");
        dose3.GetProperty("chairMinutes").GetInt32().ShouldBe(Shorter);
        var options = await Api.ReadAsync(await _client.GetAsync($"/api/doses/{dose3.Id()}/options"), HttpStatusCode.OK);
        options.GetProperty("options").EnumerateArray().Select(o => (o.GetProperty("code").GetString(), o.GetProperty("eligible").GetBoolean()))
            .ShouldBe([("standard", true), ("shorter", true)]);

        var booked = await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2026-11-23T10:00", minutes: null, doseId: dose3.Id());

        Minutes(booked).ShouldBe(Shorter);
    }

    [Fact]
    public async Task ChoosingTheStandardInfusion_LengthensTheBooking_AndAnUnknownOptionIs400()
    {
        var (patientId, regimen) = await OnMaintenanceAsync("Longway");
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_admin);
        var doseId = Dose(regimen, 3).Id();
        var booked = await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2026-11-24T08:00", minutes: null, doseId: doseId);

        var chosen = await Api.ReadAsync(await _client.PutAsJsonAsync($"/api/doses/{doseId}/option", new { option = "standard" }), HttpStatusCode.OK);

        chosen.GetProperty("chosen").GetString().ShouldBe("standard");
        chosen.GetProperty("chosenBy").GetString().ShouldNotBeNullOrEmpty();
        var appointment = await Api.ReadAsync(await _client.GetAsync($"/api/appointments/{booked.Id()}"), HttpStatusCode.OK);
        Minutes(appointment).ShouldBe(Standard);
        Dose(await RegimenAsync(regimen), 3).GetProperty("chairMinutes").GetInt32().ShouldBe(Standard);
        await Api.ValidationProblemAsync(await _client.PutAsJsonAsync($"/api/doses/{doseId}/option", new { option = "overnight" }), "option");
        await Api.ProblemAsync(await _client.PutAsJsonAsync($"/api/doses/{Dose(regimen, 1).Id()}/option", new { option = "standard" }), HttpStatusCode.Conflict); // given
        await Api.ProblemAsync(await _client.PutAsJsonAsync("/api/doses/987654/option", new { option = "standard" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task LengtheningIntoTheNextBooking_Is409_AndNothingChanges()
    {
        var (patientId, regimen) = await OnMaintenanceAsync("Squeezed");
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_admin);
        var doseId = Dose(regimen, 3).Id();
        var booked = await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2026-11-25T08:00", minutes: null, doseId: doseId);
        var neighbour = await Api.CreatePatientAsync(_client, "Neighbour");
        await AppointmentTestSupport.BookedAsync(_client, neighbour, chairId, "2026-11-25T12:00", minutes: 60);

        var refused = await _client.PutAsJsonAsync($"/api/doses/{doseId}/option", new { option = "standard" });

        await Api.ProblemAsync(refused, HttpStatusCode.Conflict);
        Minutes(await Api.ReadAsync(await _client.GetAsync($"/api/appointments/{booked.Id()}"), HttpStatusCode.OK)).ShouldBe(Shorter);
        Dose(await RegimenAsync(regimen), 3).GetProperty("option").GetString().ShouldBe("shorter");
    }

    [Fact]
    public async Task SevereReactionAtCompletion_MakesLaterDosesStandard_AndFlagsADoseBookedTheShorterWay()
    {
        var (patientId, regimen) = await OnMaintenanceAsync("Reacted");
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_admin);
        var today = await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2026-11-23T09:30", minutes: null, doseId: Dose(regimen, 3).Id());
        var dose4 = Dose(regimen, 4);
        var later = await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, $"{dose4.Date():yyyy-MM-dd}T09:00", minutes: null, doseId: dose4.Id());
        Minutes(later).ShouldBe(Shorter);

        await CompleteAsync(today.Id(), "severe");

        var after = await RegimenAsync(regimen);
        Dose(after, 3).GetProperty("option").GetString().ShouldBe("shorter"); // given that way: history stays
        var flagged = Dose(after, 4);
        flagged.GetProperty("option").GetString().ShouldBe("standard");
        flagged.GetProperty("chairMinutes").GetInt32().ShouldBe(Standard);
        flagged.GetProperty("rebookReason").GetString()!.ShouldContain("severe infusion reaction recorded on 2026-11-23 (dose 3)");
        Dose(after, 5).GetProperty("option").GetString().ShouldBe("standard");
        var options = await Api.ReadAsync(await _client.GetAsync($"/api/doses/{flagged.Id()}/options"), HttpStatusCode.OK);
        var shorter = options.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("code").GetString() == "shorter");
        shorter.GetProperty("eligible").GetBoolean().ShouldBeFalse();
        await Api.ValidationProblemAsync(await _client.PutAsJsonAsync($"/api/doses/{flagged.Id()}/option", new { option = "shorter" }), "option");
        var reactions = await Api.ReadAsync(await _client.GetAsync($"/api/patients/{patientId}/reactions"), HttpStatusCode.OK);
        reactions.EnumerateArray().Single().GetProperty("severity").GetString().ShouldBe("severe");

        // Lengthening the booking in place clears the flag.
        var fixedUp = await Api.ReadAsync(await _client.PutAsJsonAsync($"/api/doses/{flagged.Id()}/option", new { option = "standard" }), HttpStatusCode.OK);
        fixedUp.GetProperty("rebookReason").ValueKind.ShouldBe(JsonValueKind.Null);
        Minutes(await Api.ReadAsync(await _client.GetAsync($"/api/appointments/{later.Id()}"), HttpStatusCode.OK)).ShouldBe(Standard);
    }

    [Fact]
    public async Task MildReaction_KeepsTheShorterInfusion()
    {
        var (patientId, regimen) = await OnMaintenanceAsync("Mildly");
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_admin);
        var today = await AppointmentTestSupport.BookedAsync(_client, patientId, chairId, "2026-11-23T09:30", minutes: null, doseId: Dose(regimen, 3).Id());

        await CompleteAsync(today.Id(), "mild");

        Dose(await RegimenAsync(regimen), 4).GetProperty("option").GetString().ShouldBe("shorter");
    }

    [Fact]
    public async Task SwitchingIvToSc_FirstScDoseDueWhenTheNextIvDoseWas_AndNeverWithin20WeeksOfTheLastIvDose()
    {
        var (_, regimen) = await OnMaintenanceAsync("Switchsc");
        var id = regimen.GetProperty("id").GetInt32();
        var nextIv = Dose(regimen, 3).Date(); // 24 weeks after 1 June: 2026-11-16

        var tooSoon = await _client.PostJsonAsync($"/api/regimens/{id}/switch", new { enrol = new { protocol = "ocrelizumab-sc", start = "2026-09-28" } });
        var problem = await Api.ProblemAsync(tooSoon, HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").GetProperty("enrol.start")[0].GetString()!;
        message.ShouldContain("20 weeks");
        message.ShouldContain("2026-11-02");
        (await RegimenAsync(regimen)).GetProperty("status").GetString().ShouldBe("active");

        var switched = await Api.ReadAsync(await _client.PostJsonAsync($"/api/regimens/{id}/switch", new { enrol = new { protocol = "ocrelizumab-sc" } }), HttpStatusCode.Created);

        switched.GetProperty("protocol").GetString().ShouldBe("ocrelizumab-sc");
        var first = switched.Doses()[0];
        first.Date().ShouldBe(nextIv);
        first.Date("earliest").ShouldBeGreaterThanOrEqualTo(new DateOnly(2026, 11, 2)); // 15 June + 20 weeks
        first.GetProperty("chairMinutes").GetInt32().ShouldBe(100);
    }

    [Fact]
    public async Task ClinicPreferringTheStandardWay_MovesDefaultDosesButNotANursesChoice()
    {
        var (_, regimen) = await OnMaintenanceAsync("Preference");
        var (_, chosen) = await OnMaintenanceAsync("Chosen");
        await Api.ReadAsync(await _client.PutAsJsonAsync($"/api/doses/{Dose(chosen, 3).Id()}/option", new { option = "shorter" }), HttpStatusCode.OK);

        await SetPreferShorterAsync(false);
        try
        {
            var after = await RegimenAsync(regimen);
            Dose(after, 3).GetProperty("option").GetString().ShouldBe("standard");
            Dose(after, 3).GetProperty("chairMinutes").GetInt32().ShouldBe(Standard);
            Dose(await RegimenAsync(chosen), 3).GetProperty("option").GetString().ShouldBe("shorter");
        }
        finally
        {
            await SetPreferShorterAsync(true);
        }

        Dose(await RegimenAsync(regimen), 3).GetProperty("option").GetString().ShouldBe("shorter");
    }

    private async Task SetPreferShorterAsync(bool value)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<InfusionCenter.Web.Features.Admin.ClinicAdminService>();
        var model = await admin.GetClinicAsync();
        model.PreferShorterOptions = value;
        await admin.SaveClinicAsync(model);
    }
}
