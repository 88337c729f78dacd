using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InfusionCenter.Testing;
using InfusionCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Tests.Capacity;

/// <summary>
/// The known regimens of <see cref="ChairTimeSavedTests"/>, all from Monday 1 January 2035 (ocrelizumab: loading doses on
/// 1 and 15 January, maintenance on 18 June and 3 December, the shorter infusion by default; ocrelizumab SC: 100 min on
/// 1 January, then 55 min on 18 June and 3 December). Enrolled and booked through the API (on one chair, at times that never overlap), so each
/// dose carries the option and chair time the app gives it. Appointments this far ahead cannot be completed or missed
/// through the API yet, so those outcomes are written straight to the database.
/// <list type="bullet">
/// <item>Shorter: dose 3 booked on 18 June and completed (given, saves 1.5 h); dose 4 left planned (1.5 h).</item>
/// <item>Standard: dose 3 switched to the standard infusion and booked on 19 June (saves nothing).</item>
/// <item>No-show: dose 3 booked on 20 June, a no-show (not counted).</item>
/// <item>Cancelled: dose 3 booked on 21 June, then cancelled: planned again (1.5 h, on its target day, 18 June).</item>
/// <item>Subcutaneous: dose 1 booked on 2 January and completed (a first dose: compared with nothing); dose 2 booked on
/// 18 June (saves 4 h 20); dose 3 left planned (4 h 20).</item>
/// </list>
/// </summary>
internal static class ChairTimeSavedData
{
    public static async Task SeedAsync(InfusionAppFactory app)
    {
        using var client = app.CreateClient();
        // The first active chair: a chair of the test's own would change the fixture's chair count (the capacity figures).
        var chairId = (await Api.ReadAsync(await client.GetAsync("/api/chairs"), HttpStatusCode.OK)).EnumerateArray()
            .First(c => c.GetProperty("active").GetBoolean()).GetProperty("id").GetInt32();

        var shorter = await EnrolAsync(client, "SavedShorter", "ocrelizumab", "2035-12-31");
        var given = await BookAsync(client, shorter, 3, chairId, "2035-06-18T09:00", expectedMinutes: 225);

        var standard = await EnrolAsync(client, "SavedStandard", "ocrelizumab", "2035-07-31");
        var standardDose = AppointmentTestSupport.DoseId(standard.Regimen, 3);
        await Api.ReadAsync(await client.PutAsJsonAsync($"/api/doses/{standardDose}/option", new { option = "standard" }), HttpStatusCode.OK);
        await BookAsync(client, standard, 3, chairId, "2035-06-19T09:00", expectedMinutes: 315);

        var noShow = await EnrolAsync(client, "SavedNoShow", "ocrelizumab", "2035-07-31");
        var missed = await BookAsync(client, noShow, 3, chairId, "2035-06-20T09:00", expectedMinutes: 225);

        var cancelled = await EnrolAsync(client, "SavedCancelled", "ocrelizumab", "2035-07-31");
        var released = await BookAsync(client, cancelled, 3, chairId, "2035-06-21T09:00", expectedMinutes: 225);
        (await client.DeleteAsync($"/api/appointments/{released}?reason=Test")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var sc = await EnrolAsync(client, "SavedSc", "ocrelizumab-sc", "2035-12-31");
        var scFirst = await BookAsync(client, sc, 1, chairId, "2035-01-02T09:00", expectedMinutes: 100);
        await BookAsync(client, sc, 2, chairId, "2035-06-18T14:00", expectedMinutes: 55);

        await using var db = await app.CreateDbContextAsync();
        var appointments = await db.Appointments.Include(a => a.Dose).Where(a => a.Id == given || a.Id == scFirst || a.Id == missed).ToListAsync();
        foreach (var a in appointments)
        {
            if (a.Id == missed)
            {
                a.Status = AppointmentStatus.NoShow;
                continue;
            }

            a.Status = AppointmentStatus.Completed;
            a.InChairAt = a.StartsAt;
            a.CompletedAt = a.EndsAt;
            a.Dose!.Status = DoseStatus.Given;
            a.Dose.GivenOn = DateOnly.FromDateTime(a.StartsAt);
        }

        await db.SaveChangesAsync();
    }

    private static async Task<(int PatientId, JsonElement Regimen)> EnrolAsync(HttpClient client, string name, string protocol, string until)
    {
        var patientId = await Api.CreatePatientAsync(client, name);
        return (patientId, await Api.EnrolAsync(client, patientId, new { protocol, start = "2035-01-01", until }));
    }

    /// <summary>Books dose <paramref name="sequence"/> with the chair time of its option; returns the appointment id.</summary>
    private static async Task<int> BookAsync(HttpClient client, (int PatientId, JsonElement Regimen) enrolled, int sequence, int chairId, string start, int expectedMinutes)
    {
        var appointment = await AppointmentTestSupport.BookedAsync(client, enrolled.PatientId, chairId, start, minutes: null,
            doseId: AppointmentTestSupport.DoseId(enrolled.Regimen, sequence));
        ((int)(appointment.Time("end") - appointment.Time("start")).TotalMinutes).ShouldBe(expectedMinutes, $"dose {sequence} booked at {start}");
        return appointment.Id();
    }
}
