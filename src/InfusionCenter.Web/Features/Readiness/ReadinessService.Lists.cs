using InfusionCenter.Domain.Readiness;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Readiness;

public sealed partial class ReadinessService
{
    /// <summary>The default window of the expiring list (issue 13: 45 days).</summary>
    public const int DefaultExpiringDays = 45;

    public const int MaxExpiringDays = 3650;

    /// <summary>
    /// The intake worklist: active regimens whose next dose to give (planned, booked or missed) is not ready, with what is
    /// missing, by that dose's date.
    /// </summary>
    public async Task<IReadOnlyList<IntakeItemDto>> IntakeAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var regimens = await db.Regimens.AsNoTracking().Where(r => r.Status == RegimenStatus.Active)
            .Select(r => new
            {
                r.Id, r.PatientId, r.Patient!.GivenName, r.Patient.FamilyName, r.Patient.Mrn, Protocol = r.ProtocolVersion!.Protocol!.Code,
                ProtocolName = r.ProtocolVersion.Name,
            }).ToListAsync(cancellationToken);
        if (regimens.Count == 0)
        {
            return [];
        }

        var facts = await LoadAsync(db, [.. regimens.Select(r => r.Id)], cancellationToken);
        var rules = await RulesAsync(db, cancellationToken);
        var next = facts.Doses.Where(d => d.Status is DoseStatus.Planned or DoseStatus.Booked or DoseStatus.Missed)
            .GroupBy(d => d.RegimenId).ToDictionary(g => g.Key, g => g.OrderBy(d => d.Date).ThenBy(d => d.Id).First());
        var items = new List<IntakeItemDto>();
        foreach (var regimen in regimens)
        {
            if (!next.TryGetValue(regimen.Id, out var dose))
            {
                continue;
            }

            var result = Domain.Readiness.Readiness.Evaluate(facts.For(dose.Id, dose.Date), rules);
            if (!result.Ready)
            {
                items.Add(new IntakeItemDto(regimen.Id, regimen.PatientId, $"{regimen.FamilyName}, {regimen.GivenName}", regimen.Mrn, regimen.Protocol,
                    dose.Id, dose.Sequence, dose.Date, result.Bookable, [.. result.Missing.Select(MissingDto.From)])
                {
                    ProtocolName = regimen.ProtocolName,
                    Booked = dose.Status == DoseStatus.Booked,
                });
            }
        }

        return [.. items.OrderBy(i => i.Date).ThenBy(i => i.PatientName, StringComparer.Ordinal)];
    }

    /// <summary>
    /// What runs out within <paramref name="days"/> days from today (both ends included): approved authorizations of active
    /// regimens that end, or whose approved doses are used up by the doses due meanwhile; plans due for re-verification
    /// (overdue ones too).
    /// </summary>
    public async Task<ExpiringDto> ExpiringAsync(int days, CancellationToken cancellationToken = default)
    {
        if (days is < 0 or > MaxExpiringDays)
        {
            throw RequestValidationException.For("days", $"days is between 0 and {MaxExpiringDays}.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = await clock.TodayAsync(cancellationToken);
        var until = today.AddDays(days);
        var approved = await db.PriorAuthorizations.AsNoTracking()
            .Where(a => a.Status == AuthorizationState.Approved && a.ApprovedTo >= today && a.Regimen!.Status == RegimenStatus.Active)
            .Select(a => new
            {
                Row = a, a.Regimen!.PatientId, a.Regimen.Patient!.GivenName, a.Regimen.Patient.FamilyName, Protocol = a.Regimen.ProtocolVersion!.Protocol!.Code,
                ProtocolName = a.Regimen.ProtocolVersion.Name,
            }).ToListAsync(cancellationToken);
        var facts = approved.Count == 0 ? null : await LoadAsync(db, [.. approved.Select(a => a.Row.RegimenId).Distinct()], cancellationToken);
        var authorizations = new List<ExpiringAuthorizationDto>();
        foreach (var a in approved)
        {
            var fact = Fact(a.Row);
            int? left = a.Row.ApprovedDoses is { } count ? Math.Max(0, count - Domain.Readiness.Readiness.DosesUsed(fact, facts!.Used(a.Row.RegimenId))) : null;
            var due = facts!.Doses.Count(d => d.RegimenId == a.Row.RegimenId && d.Status is DoseStatus.Planned or DoseStatus.Missed
                && d.Date >= today && d.Date <= until && fact.Covers(d.Date));
            var reason = a.Row.ApprovedTo <= until ? "ending" : left is { } l && due > 0 && due >= l ? "doses-running-out" : null;
            if (reason is not null)
            {
                authorizations.Add(new ExpiringAuthorizationDto(a.Row.Id, a.Row.RegimenId, a.PatientId, $"{a.FamilyName}, {a.GivenName}", a.Protocol, a.Row.Number,
                    a.Row.ApprovedFrom!.Value, a.Row.ApprovedTo!.Value, a.Row.ApprovedDoses, left, reason)
                {
                    ProtocolName = a.ProtocolName,
                });
            }
        }

        var coverages = await db.Coverages.AsNoTracking().Where(c => c.ReverifyBy != null && c.ReverifyBy <= until)
            .OrderBy(c => c.ReverifyBy).ThenBy(c => c.Id)
            .Select(c => new ReverifyDueDto(c.Id, c.PatientId, c.Patient!.FamilyName + ", " + c.Patient.GivenName, c.Payer, c.Primary, c.VerifiedOn, c.ReverifyBy!.Value))
            .ToListAsync(cancellationToken);
        return new ExpiringDto(days, until, [.. authorizations.OrderBy(a => a.ApprovedTo).ThenBy(a => a.Id)], coverages);
    }

    /// <summary>The clinic's rules, each with its default.</summary>
    public async Task<ReadinessRulesDto> GetRulesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rules = await RulesAsync(db, cancellationToken);
        return new ReadinessRulesDto(rules.OrderRequired,
            [.. ReadinessCodes.All.Select(code => new ReadinessRuleDto(code, rules.Blocks(code), ReadinessCodes.DefaultBlocking[code]))])
        {
            ReverifyMonth = rules.ReverifyMonth,
            ReverifyDay = rules.ReverifyDay,
        };
    }

    /// <summary>Changes the rules listed (and whether orders are required); audited.</summary>
    public async Task<ReadinessRulesDto> SaveRulesAsync(ReadinessRulesRequest request, CancellationToken cancellationToken = default)
    {
        await rulesValidator.EnsureValidAsync(request, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        foreach (var rule in (request.Rules ?? []).GroupBy(r => r.Code).Select(g => g.Last()))
        {
            var row = await db.ReadinessRules.FirstOrDefaultAsync(r => r.Code == rule.Code, cancellationToken);
            if (row is null)
            {
                db.ReadinessRules.Add(new ReadinessRule { Code = rule.Code!, Blocking = rule.Blocking!.Value });
            }
            else
            {
                row.Blocking = rule.Blocking!.Value;
            }
        }

        if (request.OrderRequired is not null || request.ReverifyMonth is not null)
        {
            var clinic = await db.Clinics.OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken)
                ?? throw new ConflictException("The clinic is not set up yet.");
            clinic.OrderRequired = request.OrderRequired ?? clinic.OrderRequired;
            clinic.ReverifyMonth = request.ReverifyMonth ?? clinic.ReverifyMonth;
            clinic.ReverifyDay = request.ReverifyDay ?? clinic.ReverifyDay;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await GetRulesAsync(cancellationToken);
    }
}
