using System.Net;
using System.Net.Http.Json;
using InfusionCenter.Testing;

namespace InfusionCenter.Web.Tests.Booking;

/// <summary>Races between nurses answer 409 (or the idempotent answer), never 500, and the stored data stays right.</summary>
public sealed class RaceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task TwentyConcurrentBookingsOfOnePatient_OnDifferentChairs_OneWins_TheRestAre409()
    {
        using var nurse = fixture.App.CreateClientAs("Nurse");
        var patientId = await Api.CreatePatientAsync(nurse);
        var chairs = (await nurse.GetFromJsonAsync<List<ChairRow>>("/api/chairs"))!;

        var attempts = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            using var client = fixture.App.CreateClientAs("Nurse");
            var response = await client.PostAsJsonAsync("/api/appointments",
                new { patientId, chairId = chairs[i % chairs.Count].Id, start = $"2031-05-06T09:{(i % 4) * 15:00}", minutes = 180 });
            return response.StatusCode;
        }));
        var statuses = await Task.WhenAll(attempts);

        statuses.ShouldAllBe(s => s == HttpStatusCode.Created || s == HttpStatusCode.Conflict, string.Join(", ", statuses));
        statuses.Count(s => s == HttpStatusCode.Created).ShouldBe(1, string.Join(", ", statuses));
        var day = await nurse.GetFromJsonAsync<List<AppointmentRow>>("/api/appointments?date=2031-05-06");
        day!.Count(a => a.PatientId == patientId).ShouldBe(1);
    }

    [Fact]
    public async Task TwentyConcurrentCancelsOfOneAppointment_NeverAnswer500()
    {
        using var nurse = fixture.App.CreateClientAs("Nurse");
        var patientId = await Api.CreatePatientAsync(nurse);
        var chairs = (await nurse.GetFromJsonAsync<List<ChairRow>>("/api/chairs"))!;
        var booked = await nurse.PostAsJsonAsync("/api/appointments", new { patientId, chairId = chairs[0].Id, start = "2031-05-07T10:00", minutes = 60 });
        var id = (await Api.ReadAsync(booked, HttpStatusCode.Created)).GetProperty("id").GetInt32();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            using var client = fixture.App.CreateClientAs("Nurse");
            return (await client.DeleteAsync($"/api/appointments/{id}?reason=race")).StatusCode;
        })));

        statuses.ShouldAllBe(s => (int)s < 500, string.Join(", ", statuses));
        statuses.ShouldContain(s => (int)s >= 200 && (int)s < 300);
    }

    private sealed record ChairRow(int Id, string Name);

    private sealed record AppointmentRow(int Id, int PatientId, string Status);
}
