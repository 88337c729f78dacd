using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Booking;
using InfusionCenter.Web.Features.Chairs;
using InfusionCenter.Web.Features.Patients;
using InfusionCenter.Web.Features.Regimens;
using Microsoft.Extensions.DependencyInjection;

namespace InfusionCenter.Web.Tests.Board;

/// <summary>Patients and bookings made through the app's own services (as the board's nurses make them), for board tests.</summary>
internal sealed class BoardTestData(IServiceProvider services)
{
    public async Task<PatientDto> PatientAsync(string family, string given)
    {
        var mrn = "B" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        return await services.GetRequiredService<PatientService>().CreateAsync(new CreatePatientRequest
        {
            Mrn = mrn, GivenName = given, FamilyName = family, BirthDate = new DateOnly(1979, 5, 14), HeightCm = 170, WeightKg = 64,
        });
    }

    public async Task<List<Chair>> ChairsAsync() => await services.GetRequiredService<ChairService>().ActiveAsync();

    /// <summary>A visit without a dose, <paramref name="minutes"/> long from <paramref name="start"/> (clinic time).</summary>
    public async Task<AppointmentDto> VisitAsync(PatientDto patient, Chair chair, DateTime start, int minutes) =>
        (await services.GetRequiredService<AppointmentService>().BookAsync(new BookAppointmentRequest
        {
            PatientId = patient.Id, ChairId = chair.Id, Start = start.ToString("yyyy-MM-dd'T'HH:mm"), Minutes = minutes,
        }, "nurse@infusion.test"))[0];

    /// <summary>Enrols the patient on natalizumab from the start's day and books dose 1 then (its own chair time).</summary>
    public async Task<AppointmentDto> NatalizumabDoseAsync(PatientDto patient, Chair chair, DateTime start)
    {
        var regimen = await services.GetRequiredService<RegimenService>().EnrolAsync(patient.Id, new EnrolRequest { Protocol = "natalizumab", Start = DateOnly.FromDateTime(start) });
        return (await services.GetRequiredService<AppointmentService>().BookAsync(new BookAppointmentRequest
        {
            PatientId = patient.Id, ChairId = chair.Id, DoseId = regimen.Doses[0].Id, Start = start.ToString("yyyy-MM-dd'T'HH:mm"),
        }, "nurse@infusion.test"))[0];
    }
}
