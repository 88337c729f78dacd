using InfusionCenter.Domain.Readiness;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Readiness;

/// <summary>A patient's readiness records in one read (the patient page): plans, and per regimen its authorizations, orders and doses' drug.</summary>
public sealed record PatientRecordsDto(
    IReadOnlyList<CoverageDto> Coverages, IReadOnlyList<AuthorizationDto> Authorizations, IReadOnlyList<OrderDto> Orders, IReadOnlyDictionary<int, DrugSupplyDto> Drugs)
{
    public static PatientRecordsDto Empty { get; } = new([], [], [], new Dictionary<int, DrugSupplyDto>());
}

public sealed partial class ReadinessRecordService
{
    /// <summary>
    /// The patient's plans (primary first) and, for all of the patient's regimens, their authorizations (newest first, with the
    /// doses used), orders (newest first) and the drug supply of each dose that has one; 404 for an unknown patient.
    /// </summary>
    public async Task<PatientRecordsDto> ForPatientAsync(int patientId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await EnsurePatientAsync(db, patientId, cancellationToken);
        var coverages = await db.Coverages.AsNoTracking().Where(c => c.PatientId == patientId)
            .OrderByDescending(c => c.Primary).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var authorizations = await db.PriorAuthorizations.AsNoTracking().Where(a => a.Regimen!.PatientId == patientId)
            .OrderByDescending(a => a.Id).ToListAsync(cancellationToken);
        var orders = await db.TreatmentOrders.AsNoTracking().Where(o => o.Regimen!.PatientId == patientId)
            .OrderByDescending(o => o.Id).ToListAsync(cancellationToken);
        var drugs = await db.DrugSupplies.AsNoTracking().Where(s => s.Dose!.Regimen!.PatientId == patientId).ToListAsync(cancellationToken);
        var used = authorizations.Count == 0 ? [] : await UsedDosesOfPatientAsync(db, patientId, cancellationToken);
        return new PatientRecordsDto(
            [.. coverages.Select(CoverageDto.From)],
            [.. authorizations.Select(a => ToDto(a, used.Where(u => u.RegimenId == a.RegimenId).Select(u => u.Dose).ToList()))],
            [.. orders.Select(OrderDto.From)],
            drugs.ToDictionary(s => s.DoseId, s => ToDto(s.DoseId, s)));
    }

    /// <summary>The patient's doses given (on the day given) or booked (on the appointment's clinic day), with their regimen.</summary>
    private async Task<List<(int RegimenId, UsedDose Dose)>> UsedDosesOfPatientAsync(InfusionDbContext db, int patientId, CancellationToken cancellationToken)
    {
        var zone = await clock.ZoneAsync(cancellationToken);
        var given = await db.Doses.AsNoTracking()
            .Where(d => d.Regimen!.PatientId == patientId && d.Status == DoseStatus.Given && d.GivenOn != null)
            .Select(d => new { d.RegimenId, d.Id, GivenOn = d.GivenOn!.Value }).ToListAsync(cancellationToken);
        var booked = await db.Appointments.AsNoTracking()
            .Where(a => a.Dose!.Regimen!.PatientId == patientId && a.Dose.Status == DoseStatus.Booked
                && a.Status != AppointmentStatus.Cancelled && a.Status != AppointmentStatus.NoShow)
            .Select(a => new { a.Dose!.RegimenId, DoseId = a.DoseId!.Value, a.StartsAt }).ToListAsync(cancellationToken);
        return
        [
            .. given.Select(g => (g.RegimenId, new UsedDose(g.Id, g.GivenOn))),
            .. booked.GroupBy(b => (b.RegimenId, b.DoseId)).Select(g => (g.Key.RegimenId, new UsedDose(g.Key.DoseId,
                DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(g.Min(b => b.StartsAt), DateTimeKind.Utc), zone))))),
        ];
    }
}
