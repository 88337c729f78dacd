using InfusionCenter.Testing;
using InfusionCenter.Web.Features.Booking;
using InfusionCenter.Web.Features.Chairs;
using InfusionCenter.Web.Features.Patients;
using InfusionCenter.Web.Features.Regimens;
using InfusionCenter.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionCenter.Browser.Tests.Booking;

/// <summary>Patients, regimens and bookings made through the app's own services, for the booking, board and day-list journeys.</summary>
internal static class BookingData
{
    /// <summary>A new patient on natalizumab from <paramref name="start"/>; returns the patient (FullName as the board shows it).</summary>
    public static async Task<(PatientDto Patient, RegimenDto Regimen)> EnrolOnNatalizumabAsync(LiveAppFixture live, string mrn, string given, string family, DateOnly start)
    {
        using var scope = live.App.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<PatientService>().CreateAsync(new CreatePatientRequest
        {
            Mrn = mrn, GivenName = given, FamilyName = family, BirthDate = new DateOnly(1980, 4, 2), HeightCm = 168, WeightKg = 61,
        });
        var regimen = await scope.ServiceProvider.GetRequiredService<RegimenService>().EnrolAsync(created.Id, new EnrolRequest { Protocol = "natalizumab", Start = start });
        return (created, regimen);
    }

    /// <summary>
    /// Books the regimen's first dose at <paramref name="start"/> (clinic time) for <paramref name="minutes"/> on the first
    /// active chair free then (the demo seed books chairs too); returns the appointment.
    /// </summary>
    public static async Task<AppointmentDto> BookFirstDoseAsync(LiveAppFixture live, PatientDto patient, RegimenDto regimen, DateTime start, int minutes)
    {
        using var scope = live.App.Services.CreateScope();
        var appointments = scope.ServiceProvider.GetRequiredService<AppointmentService>();
        foreach (var chair in await scope.ServiceProvider.GetRequiredService<ChairService>().ActiveAsync())
        {
            try
            {
                var booked = await appointments.BookAsync(new BookAppointmentRequest
                {
                    PatientId = patient.Id, ChairId = chair.Id, DoseId = regimen.Doses[0].Id, Minutes = minutes, Start = start.ToString("yyyy-MM-dd'T'HH:mm"),
                }, "nurse@infusion.test");
                return booked[0];
            }
            catch (ConflictException)
            {
                // that chair is taken at this time: try the next one
            }
        }

        throw new InvalidOperationException($"No chair free at {start:yyyy-MM-dd HH:mm}");
    }
}
