using System.Net;
using System.Text.Json;

namespace InfusionCenter.Web.Tests;

/// <summary>
/// Ocrelizumab patients whose maintenance doses have administration options (standard about 3.5 h, shorter about 2 h),
/// set up through the API as the issue 14 tests do, for the screens that show how a dose is given.
/// </summary>
internal static class OptionTestSupport
{
    /// <summary>Chair minutes of the standard (45 + 210 + 60) and the shorter (45 + 120 + 60) maintenance infusion.</summary>
    public const int Standard = 315;

    public const int Shorter = 225;

    /// <summary>
    /// A patient enrolled on ocrelizumab on 2026-06-01 whose two 300 mg doses were given on 1 and 15 June: dose 3
    /// (600 mg, target 2026-11-16) is due on the fixed clock's today (2026-11-23) and is to be given the shorter way.
    /// </summary>
    public static async Task<(int PatientId, JsonElement Regimen)> OnMaintenanceAsync(HttpClient client, string familyName)
    {
        var patientId = await Api.CreatePatientAsync(client, familyName);
        var regimen = await Api.EnrolAsync(client, patientId, new { protocol = "ocrelizumab", start = "2026-06-01", until = "2028-06-30" });
        await Api.ReadAsync(await client.PostJsonAsync($"/api/doses/{AppointmentTestSupport.DoseId(regimen, 1)}/given", new { date = "2026-06-01" }), HttpStatusCode.OK);
        regimen = await Api.ReadAsync(await client.PostJsonAsync($"/api/doses/{AppointmentTestSupport.DoseId(regimen, 2)}/given", new { date = "2026-06-15" }), HttpStatusCode.OK);
        return (patientId, regimen);
    }

    public static JsonElement Dose(JsonElement regimen, int sequence) => regimen.Doses().Single(d => d.GetProperty("sequence").GetInt32() == sequence);

    /// <summary>Confirms the appointment's blocking checks, seats the patient and completes it with a reaction of <paramref name="severity"/>.</summary>
    public static async Task CompleteWithReactionAsync(HttpClient client, int appointmentId, string severity)
    {
        foreach (var check in (await Api.ReadAsync(await client.GetAsync($"/api/appointments/{appointmentId}/checks"), HttpStatusCode.OK)).EnumerateArray()
                     .Where(c => c.GetProperty("blocking").GetBoolean() && !c.GetProperty("confirmed").GetBoolean()))
        {
            await Api.ReadAsync(await client.PostRawAsync($"/api/appointments/{appointmentId}/checks/{check.GetProperty("code").GetString()}", "{}"), HttpStatusCode.OK);
        }

        await Api.ReadAsync(await client.PostRawAsync($"/api/appointments/{appointmentId}/in-chair", "{}"), HttpStatusCode.OK);
        await Api.ReadAsync(await client.PostJsonAsync($"/api/appointments/{appointmentId}/complete", new { reaction = new { severity, action = "slowed" } }), HttpStatusCode.OK);
    }

    /// <summary>
    /// A maintenance patient with dose 3 given today (a severe reaction recorded at completion) while dose 4 was booked
    /// the shorter way on its target day at 09:00: dose 4 now needs the standard infusion and its booking is to redo.
    /// Returns the patient, dose 4 and its appointment.
    /// </summary>
    public static async Task<(int PatientId, JsonElement Dose4, JsonElement Booking)> FlaggedForRebookAsync(HttpClient client, HttpClient admin, string familyName)
    {
        var (patientId, regimen) = await OnMaintenanceAsync(client, familyName);
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(admin);
        var today = await AppointmentTestSupport.BookedAsync(client, patientId, chairId, "2026-11-23T09:30", minutes: null, doseId: Dose(regimen, 3).Id());
        var dose4 = Dose(regimen, 4);
        var later = await AppointmentTestSupport.BookedAsync(client, patientId, chairId, $"{dose4.Date():yyyy-MM-dd}T09:00", minutes: null, doseId: dose4.Id());
        await CompleteWithReactionAsync(client, today.Id(), "severe");
        return (patientId, dose4, later);
    }
}
