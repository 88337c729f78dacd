using System.Net;
using System.Net.Http.Json;
using InfusionCenter.Testing;
using InfusionCenter.Web.Features.Board;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionCenter.Web.Tests.Board;

/// <summary>Two app instances on one database: a booking through one reaches the other's open boards (LISTEN/NOTIFY).</summary>
public sealed class LiveBoardTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Booking_OnInstanceA_NotifiesInstanceB_ForThatDay()
    {
        await using var instanceB = new InfusionAppFactory(fixture.App.ConnectionString);
        _ = instanceB.Server; // start B (its BoardEvents listener connects)
        var changed = new TaskCompletionSource<DateOnly>(TaskCreationOptions.RunContinuationsAsynchronously);
        var events = instanceB.Services.GetRequiredService<BoardEvents>();
        events.DayChanged += day =>
        {
            if (day == new DateOnly(2031, 3, 4))
            {
                changed.TrySetResult(day);
            }
        };
        await Task.Delay(500); // let B's LISTEN connection settle

        using var nurseOnA = fixture.App.CreateClientAs("Nurse");
        var patientId = await Api.CreatePatientAsync(nurseOnA);
        var chairs = await nurseOnA.GetFromJsonAsync<List<ChairRow>>("/api/chairs");
        var booked = await nurseOnA.PostAsJsonAsync("/api/appointments", new { patientId, chairId = chairs![0].Id, start = "2031-03-04T10:00", minutes = 60 });
        booked.StatusCode.ShouldBe(HttpStatusCode.Created);

        var winner = await Task.WhenAny(changed.Task, Task.Delay(TimeSpan.FromSeconds(5)));
        winner.ShouldBe(changed.Task, "instance B heard about the booking on instance A within 5 seconds");
    }

    private sealed record ChairRow(int Id, string Name);
}
