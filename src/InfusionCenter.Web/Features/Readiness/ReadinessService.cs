using InfusionCenter.Domain.Readiness;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Readiness;

/// <summary>
/// Readiness of doses (DOMAIN.md "Readiness"), computed on read from coverage, authorizations, orders and drug supply by
/// <see cref="Domain.Readiness.Readiness"/>; nothing about it is stored. This file gathers the facts and the clinic's rules;
/// ReadinessService.Lists.cs has the intake worklist and the expiring list; ReadinessService.History.cs judges past days.
/// </summary>
public sealed partial class ReadinessService(IDbContextFactory<InfusionDbContext> dbFactory, ClinicClock clock, ReadinessRulesRequestValidator rulesValidator)
{
    /// <summary>The readiness of one dose on its day (its appointment's day when booked); 404 for an unknown dose.</summary>
    public async Task<ReadinessDto> ForDoseAsync(int doseId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var regimenId = await db.Doses.Where(d => d.Id == doseId).Select(d => (int?)d.RegimenId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"No dose with id {doseId}.");
        var facts = await LoadAsync(db, [regimenId], cancellationToken);
        var rules = await RulesAsync(db, cancellationToken);
        var date = facts.DateOf(doseId);
        var result = Domain.Readiness.Readiness.Evaluate(facts.For(doseId, date), rules);
        return new ReadinessDto(result.Ready, [.. result.Missing.Select(MissingDto.From)], doseId, date, result.Bookable);
    }

    /// <summary>
    /// For booking: the readiness of each dose on its date, the days before it in <paramref name="doses"/> (the other days
    /// of the same booking) counted against its authorization. The facts and rules are read once, on the caller's context.
    /// </summary>
    public async Task<IReadOnlyList<ReadinessResult>> ForBookingAsync(InfusionDbContext db, IReadOnlyList<(Dose Dose, DateOnly Date)> doses, CancellationToken cancellationToken)
    {
        if (doses.Count == 0)
        {
            return [];
        }

        var facts = await LoadAsync(db, doses.Select(d => d.Dose.RegimenId).Distinct().ToList(), cancellationToken);
        var rules = await RulesAsync(db, cancellationToken);
        var results = new List<ReadinessResult>(doses.Count);
        var alsoBooked = new List<UsedDose>();
        // The doses being booked (or moved) count on their new days only: a move's old day is not a second use.
        var ids = doses.Select(d => d.Dose.Id).ToHashSet();
        foreach (var (dose, date) in doses)
        {
            var single = facts.For(dose.Id, date);
            results.Add(Domain.Readiness.Readiness.Evaluate(single with { UsedDoses = [.. single.UsedDoses.Where(u => !ids.Contains(u.DoseId)), .. alsoBooked] }, rules));
            alsoBooked.Add(new UsedDose(dose.Id, date));
        }

        return results;
    }

    /// <summary>The clinic's readiness rules: stored choices over the defaults.</summary>
    public async Task<ReadinessRules> RulesAsync(InfusionDbContext db, CancellationToken cancellationToken)
    {
        var stored = await db.ReadinessRules.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Blocking, cancellationToken);
        var clinic = await db.Clinics.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new { c.OrderRequired, c.ReverifyMonth, c.ReverifyDay }).FirstOrDefaultAsync(cancellationToken);
        var blocking = ReadinessCodes.DefaultBlocking.ToDictionary(p => p.Key, p => stored.TryGetValue(p.Key, out var b) ? b : p.Value);
        return new ReadinessRules(blocking, clinic?.OrderRequired ?? false)
        {
            ReverifyMonth = clinic?.ReverifyMonth ?? 1,
            ReverifyDay = clinic?.ReverifyDay ?? 1,
        };
    }

    /// <summary>Everything readiness needs about the doses of <paramref name="regimenIds"/>, in a handful of queries.</summary>
    private async Task<RegimenFacts> LoadAsync(InfusionDbContext db, IReadOnlyCollection<int> regimenIds, CancellationToken cancellationToken)
    {
        var today = await clock.TodayAsync(cancellationToken);
        var zone = await clock.ZoneAsync(cancellationToken);
        var doses = await db.Doses.AsNoTracking().Where(d => regimenIds.Contains(d.RegimenId))
            .Select(d => new DoseRow(d.Id, d.RegimenId, d.Regimen!.PatientId, d.Sequence, d.Status, d.TargetDate, d.GivenOn)).ToListAsync(cancellationToken);
        var doseIds = doses.Select(d => d.Id).ToList();
        var patientIds = doses.Select(d => d.PatientId).Distinct().ToList();
        var starts = await db.Appointments.AsNoTracking()
            .Where(a => a.DoseId != null && doseIds.Contains(a.DoseId.Value) && a.Status != AppointmentStatus.Cancelled && a.Status != AppointmentStatus.NoShow)
            .Select(a => new { DoseId = a.DoseId!.Value, a.StartsAt }).ToListAsync(cancellationToken);
        var booked = starts.GroupBy(s => s.DoseId).ToDictionary(g => g.Key,
            g => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(g.Min(s => s.StartsAt), DateTimeKind.Utc), zone)));
        var coverages = await db.Coverages.AsNoTracking().Where(c => patientIds.Contains(c.PatientId)).ToListAsync(cancellationToken);
        var authorizations = await db.PriorAuthorizations.AsNoTracking().Where(a => regimenIds.Contains(a.RegimenId)).ToListAsync(cancellationToken);
        var orders = await db.TreatmentOrders.AsNoTracking().Where(o => regimenIds.Contains(o.RegimenId)).ToListAsync(cancellationToken);
        var drugs = await db.DrugSupplies.AsNoTracking().Where(s => doseIds.Contains(s.DoseId)).ToListAsync(cancellationToken);
        return new RegimenFacts(today, doses, booked, coverages, authorizations, orders, drugs);
    }

    /// <summary>Authorization facts of one row (for the Domain).</summary>
    public static AuthorizationFact Fact(PriorAuthorization a) =>
        new(a.Id, a.Status, a.Number, a.ApprovedFrom, a.ApprovedTo, a.ApprovedDoses, a.SubmittedOn, a.DecidedOn);

    private sealed record DoseRow(int Id, int RegimenId, int PatientId, int Sequence, DoseStatus Status, DateOnly TargetDate, DateOnly? GivenOn);

    /// <summary>The loaded facts, cut per dose.</summary>
    private sealed class RegimenFacts(
        DateOnly today, List<DoseRow> doses, Dictionary<int, DateOnly> booked, List<Coverage> coverages, List<PriorAuthorization> authorizations,
        List<TreatmentOrder> orders, List<DrugSupply> drugs)
    {
        private readonly Dictionary<int, DoseRow> _doses = doses.ToDictionary(d => d.Id);

        public DateOnly Today => today;

        public IEnumerable<(int Id, int RegimenId, int Sequence, DoseStatus Status, DateOnly Date)> Doses =>
            doses.Select(d => (d.Id, d.RegimenId, d.Sequence, d.Status, DateOf(d.Id)));

        public bool Has(int doseId) => _doses.ContainsKey(doseId);

        /// <summary>The day a dose is (or was) given: the day given, its appointment's day, else its target date.</summary>
        public DateOnly DateOf(int doseId)
        {
            var dose = _doses[doseId];
            return dose.GivenOn ?? (booked.TryGetValue(doseId, out var day) ? day : dose.TargetDate);
        }

        /// <summary>Doses of the regimen that count against an authorization: given, or booked.</summary>
        public List<UsedDose> Used(int regimenId) => [.. doses
            .Where(d => d.RegimenId == regimenId && (d.Status == DoseStatus.Given || (d.Status == DoseStatus.Booked && booked.ContainsKey(d.Id))))
            .Select(d => new UsedDose(d.Id, DateOf(d.Id)))];

        public ReadinessFacts For(int doseId, DateOnly date)
        {
            var dose = _doses[doseId];
            var drug = drugs.FirstOrDefault(s => s.DoseId == doseId);
            return new ReadinessFacts(doseId, date, today,
                [.. coverages.Where(c => c.PatientId == dose.PatientId).Select(c => new CoverageFact(c.Payer, c.Primary, c.VerifiedOn, c.ReverifyBy))],
                [.. authorizations.Where(a => a.RegimenId == dose.RegimenId).Select(Fact)],
                [.. orders.Where(o => o.RegimenId == dose.RegimenId).Select(o => new OrderFact(o.SignedOn, o.ValidUntil))],
                drug is null ? null : new DrugFact(drug.Source, drug.Status, drug.ExpectedArrival, drug.ReceivedOn),
                Used(dose.RegimenId));
        }
    }
}
