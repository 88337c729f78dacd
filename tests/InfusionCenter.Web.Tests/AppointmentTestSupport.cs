using System.Globalization;
using System.Net;
using System.Text.Json;
using InfusionCenter.Testing;

namespace InfusionCenter.Web.Tests;

/// <summary>Helpers shared by the appointment API tests: own chairs, patients and bookings through the API.</summary>
internal static class AppointmentTestSupport
{
    public static readonly TimeSpan Est = TimeSpan.FromHours(-5);

    /// <summary>A fresh recliner (so demo bookings never collide); returns its id and name.</summary>
    public static async Task<(int Id, string Name)> CreateChairAsync(HttpClient client, string kind = "recliner")
    {
        var name = "Test chair " + Guid.NewGuid().ToString("N")[..10];
        var chair = await Api.ReadAsync(await client.PostJsonAsync("/api/chairs", new { name, kind }), HttpStatusCode.Created);
        chair.GetProperty("name").GetString().ShouldBe(name);
        return (chair.GetProperty("id").GetInt32(), name);
    }

    public static Task<HttpResponseMessage> BookAsync(HttpClient client, int patientId, int chairId, string start, int? minutes = 60, int? doseId = null) =>
        client.PostJsonAsync("/api/appointments", new { patientId, chairId, start, minutes, doseId });

    /// <summary>Books and asserts 201; returns the created appointment.</summary>
    public static async Task<JsonElement> BookedAsync(HttpClient client, int patientId, int chairId, string start, int? minutes = 60, int? doseId = null) =>
        await Api.ReadAsync(await BookAsync(client, patientId, chairId, start, minutes, doseId), HttpStatusCode.Created);

    public static int Id(this JsonElement element) => element.GetProperty("id").GetInt32();

    public static DateTimeOffset Time(this JsonElement element, string property) =>
        DateTimeOffset.Parse(element.GetProperty(property).GetString()!, CultureInfo.InvariantCulture);

    public static string Status(this JsonElement element) => element.GetProperty("status").GetString()!;

    public static async Task<JsonElement[]> DayAsync(HttpClient client, string date) =>
        (await Api.ReadAsync(await client.GetAsync($"/api/appointments?date={date}"), HttpStatusCode.OK)).EnumerateArray().ToArray();

    /// <summary>The dose (by sequence) of the patient's only regimen, as GET /api/patients/{id} shows it.</summary>
    public static async Task<JsonElement> PatientDoseAsync(HttpClient client, int patientId, int sequence)
    {
        var body = await Api.ReadAsync(await client.GetAsync($"/api/patients/{patientId}"), HttpStatusCode.OK);
        var regimen = body.GetProperty("regimens").EnumerateArray().Single();
        return regimen.Doses().Single(d => d.GetProperty("sequence").GetInt32() == sequence);
    }

    public static int DoseId(JsonElement regimen, int sequence) =>
        regimen.Doses().Single(d => d.GetProperty("sequence").GetInt32() == sequence).Id();

    public static async Task<string> DetailAsync(HttpResponseMessage response, HttpStatusCode expected) =>
        (await Api.ProblemAsync(response, expected)).GetProperty("detail").GetString()!;
}
