using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.ClinicCalendar;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Readiness;

/// <summary>Readiness of many doses at once (the board, Today, the due list, the slot finder) and the day-before check.</summary>
public sealed partial class ReadinessService
{
    /// <summary>Each dose's readiness on its own day (the day given, its appointment's, else its target); unknown ids are left out.</summary>
    public async Task<IReadOnlyDictionary<int, ReadinessDto>> ForDosesAsync(IReadOnlyCollection<int> doseIds, CancellationToken cancellationToken = default)
    {
        if (doseIds.Count == 0)
        {
            return new Dictionary<int, ReadinessDto>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var regimenIds = await db.Doses.Where(d => doseIds.Contains(d.Id)).Select(d => d.RegimenId).Distinct().ToListAsync(cancellationToken);
        var facts = await LoadAsync(db, regimenIds, cancellationToken);
        var rules = await RulesAsync(db, cancellationToken);
        var result = new Dictionary<int, ReadinessDto>();
        foreach (var id in doseIds.Distinct().Where(facts.Has))
        {
            var date = facts.DateOf(id);
            result[id] = Dto(id, date, Domain.Readiness.Readiness.Evaluate(facts.For(id, date), rules));
        }

        return result;
    }

    /// <summary>
    /// The readiness a dose would have if it were given on each of <paramref name="dates"/> (the slot finder: an authorization
    /// may cover one day and not the next). 404 for an unknown dose.
    /// </summary>
    public async Task<IReadOnlyDictionary<DateOnly, ReadinessDto>> ForDoseOnDatesAsync(int doseId, IReadOnlyCollection<DateOnly> dates, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var regimenId = await db.Doses.Where(d => d.Id == doseId).Select(d => (int?)d.RegimenId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"No dose with id {doseId}.");
        var facts = await LoadAsync(db, [regimenId], cancellationToken);
        var rules = await RulesAsync(db, cancellationToken);
        return dates.Distinct().ToDictionary(date => date, date => Dto(doseId, date, Domain.Readiness.Readiness.Evaluate(facts.For(doseId, date), rules)));
    }

    /// <summary>
    /// The day-before check: the appointments of <paramref name="date"/> (cancelled and no-shows left out) that give a dose,
    /// each with its readiness on that day, by start time. <see cref="DayCheckDto.NotReady"/> lists those that are not ready.
    /// </summary>
    public async Task<DayCheckDto> DayCheckAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        if (!JsonInput.InRange(date))
        {
            throw RequestValidationException.For("date", JsonInput.DateRangeMessage);
        }

        var zone = await clock.ZoneAsync(cancellationToken);
        var settings = ClinicSettings.TimesOnly(zone);
        var (from, to) = settings.DayInUtc(date);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Appointments.AsNoTracking()
            .Where(a => a.StartsAt >= from && a.StartsAt < to && a.DoseId != null
                && a.Status != AppointmentStatus.Cancelled && a.Status != AppointmentStatus.NoShow)
            .OrderBy(a => a.StartsAt).ThenBy(a => a.Chair!.SortOrder)
            .Select(a => new
            {
                a.Id, DoseId = a.DoseId!.Value, a.PatientId, a.Patient!.GivenName, a.Patient.FamilyName, a.Patient.Mrn, ChairName = a.Chair!.Name,
                a.StartsAt, a.EndsAt, a.Status, a.Dose!.Label, a.Dose.Amount, a.Dose.Unit,
                Protocol = a.Dose.Regimen!.ProtocolVersion!.Protocol!.Code, ProtocolName = a.Dose.Regimen.ProtocolVersion.Name, a.Dose.RegimenId,
            }).ToListAsync(cancellationToken);
        var facts = rows.Count == 0 ? null : await LoadAsync(db, [.. rows.Select(r => r.RegimenId).Distinct()], cancellationToken);
        var rules = await RulesAsync(db, cancellationToken);
        var items = rows.Select(r =>
        {
            var readiness = Domain.Readiness.Readiness.Evaluate(facts!.For(r.DoseId, date), rules);
            return new DayCheckItemDto(r.Id, r.DoseId, r.RegimenId, r.PatientId, $"{r.FamilyName}, {r.GivenName}", r.Mrn, r.ChairName,
                Booking.AppointmentService.ToOffset(r.StartsAt, settings), Booking.AppointmentService.ToOffset(r.EndsAt, settings), r.Status, r.Protocol, r.ProtocolName, r.Label, r.Amount, r.Unit,
                readiness.Ready, readiness.Bookable, [.. readiness.Missing.Select(MissingDto.From)]);
        }).ToList();
        return new DayCheckDto(date, items.Count, [.. items.Where(i => !i.Ready)]);
    }

    private static ReadinessDto Dto(int doseId, DateOnly date, Domain.Readiness.ReadinessResult result) =>
        new(result.Ready, [.. result.Missing.Select(MissingDto.From)], doseId, date, result.Bookable);
}
