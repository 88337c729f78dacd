using System.Net;
using InfusionCenter.Testing;
using InfusionCenter.Web.Features.Worklist;
using InfusionCenter.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionCenter.Web.Tests.Worklist;

/// <summary>
/// The board's "fill this free stretch" (WorklistService.FillAsync) on a fixed clock (today Monday 2026-11-23, 09:30 in
/// the clinic): which due doses fit a free stretch of one chair, and at what start.
/// </summary>
public sealed class FillGapTests(FixedClockAppFixture fixture) : IClassFixture<FixedClockAppFixture>
{
    private readonly HttpClient _client = fixture.App.CreateClient();

    private async Task<IReadOnlyList<GapFit>> FillAsync(int chairId, string from, string to)
    {
        using var scope = fixture.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<WorklistService>()
            .FillAsync(chairId, DateTime.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateTime.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task DueDosesThatFit_AreListed_WithAStartInsideTheStretch_OthersAreNot()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var fits = await Api.CreatePatientAsync(_client, "Fits");
        var fitsRegimen = await Api.EnrolAsync(_client, fits, new { protocol = "natalizumab", start = "2026-12-02" }); // 2 h, window around 2 Dec
        var later = await Api.CreatePatientAsync(_client, "Later");
        var laterRegimen = await Api.EnrolAsync(_client, later, new { protocol = "natalizumab", start = "2027-01-13" }); // window far from 2 Dec
        var tooLong = await Api.CreatePatientAsync(_client, "TooLong");
        var tooLongRegimen = await Api.EnrolAsync(_client, tooLong, new { protocol = "ocrelizumab", start = "2026-12-02" }); // first infusion > 3 h
        var busy = await Api.CreatePatientAsync(_client, "Busy");
        var busyRegimen = await Api.EnrolAsync(_client, busy, new { protocol = "natalizumab", start = "2026-12-02" });
        // The busy patient has another visit 10:00–11:30 on another chair.
        var (otherChair, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        await AppointmentTestSupport.BookedAsync(_client, busy, otherChair, "2026-12-02T10:00", 90);

        var list = await FillAsync(chairId, "2026-12-02T10:00", "2026-12-02T13:00");

        var fit = list.Single(f => f.Dose.DoseId == AppointmentTestSupport.DoseId(fitsRegimen, 1));
        fit.Slot.ChairId.ShouldBe(chairId);
        fit.Slot.Start.DateTime.ShouldBeGreaterThanOrEqualTo(new DateTime(2026, 12, 2, 10, 0, 0));
        fit.Slot.End.DateTime.ShouldBeLessThanOrEqualTo(new DateTime(2026, 12, 2, 13, 0, 0));
        (fit.Slot.End - fit.Slot.Start).TotalMinutes.ShouldBe(120);
        fit.Dose.Flags.ShouldContain("Authorization not on file"); // natalizumab: TOUCH authorization and re-authorization gates...
        fit.Dose.Flags.ShouldBeUnique(); // ...give one flag, not two
        list.ShouldNotContain(f => f.Dose.DoseId == AppointmentTestSupport.DoseId(laterRegimen, 1), "outside its window");
        list.ShouldNotContain(f => f.Dose.DoseId == AppointmentTestSupport.DoseId(tooLongRegimen, 1), "its chair time does not fit");
        // 11:30 + 2 h ends after 13:00: the busy patient does not fit this stretch, but does fit a longer one.
        list.ShouldNotContain(f => f.Dose.DoseId == AppointmentTestSupport.DoseId(busyRegimen, 1), "the patient is elsewhere until 11:30");
        var longer = await FillAsync(chairId, "2026-12-02T10:00", "2026-12-02T15:00");
        longer.Single(f => f.Dose.DoseId == AppointmentTestSupport.DoseId(busyRegimen, 1)).Slot.Start.DateTime
            .ShouldBeGreaterThanOrEqualTo(new DateTime(2026, 12, 2, 11, 30, 0));

        // Booking the offered slot takes the dose off the list.
        await AppointmentTestSupport.BookedAsync(_client, fits, chairId, fit.Slot.Start.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture), null, fit.Dose.DoseId);
        (await FillAsync(chairId, "2026-12-02T07:00", "2026-12-02T19:00")).ShouldNotContain(f => f.Dose.DoseId == fit.Dose.DoseId);
    }

    [Fact]
    public async Task OverdueDoses_FitAnyDayFromToday_AndComeFirst()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);
        var overdue = await Api.CreatePatientAsync(_client, "Overdue");
        var overdueRegimen = await Api.EnrolAsync(_client, overdue, new { protocol = "natalizumab", start = "2026-10-26" }); // window ended weeks ago
        var onTime = await Api.CreatePatientAsync(_client, "OnTime");
        var onTimeRegimen = await Api.EnrolAsync(_client, onTime, new { protocol = "natalizumab", start = "2026-11-25" });

        var list = await FillAsync(chairId, "2026-11-25T12:00", "2026-11-25T18:00");

        var ids = list.Select(f => f.Dose.DoseId).ToList();
        ids.ShouldContain(AppointmentTestSupport.DoseId(overdueRegimen, 1));
        ids.ShouldContain(AppointmentTestSupport.DoseId(onTimeRegimen, 1));
        ids.IndexOf(AppointmentTestSupport.DoseId(overdueRegimen, 1)).ShouldBeLessThan(ids.IndexOf(AppointmentTestSupport.DoseId(onTimeRegimen, 1)));
        list.First(f => f.Dose.DoseId == AppointmentTestSupport.DoseId(overdueRegimen, 1)).Dose.Overdue.ShouldBeTrue();
    }

    [Fact]
    public async Task BadStretches_AreRefusedWithAReason()
    {
        var (chairId, _) = await AppointmentTestSupport.CreateChairAsync(_client);

        (await Should.ThrowAsync<RequestValidationException>(() => FillAsync(chairId, "2026-11-20T10:00", "2026-11-20T12:00")))
            .Errors.ShouldContainKey("from"); // before today
        (await Should.ThrowAsync<RequestValidationException>(() => FillAsync(chairId, "2026-12-02T12:00", "2026-12-02T10:00")))
            .Errors.ShouldContainKey("to");
        await Should.ThrowAsync<NotFoundException>(() => FillAsync(987654, "2026-12-02T10:00", "2026-12-02T12:00"));
    }
}
