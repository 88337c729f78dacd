using InfusionCenter.Domain.Readiness;
using InfusionCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Readiness;

public sealed partial class ReadinessService
{
    /// <summary>
    /// For the manager's figures: the readiness of each dose on its day as it was known at the end of the day before
    /// (<see cref="ReadinessAsOf.DayBefore"/>), under the clinic's current rules (earlier rules are not kept). The facts of
    /// all the doses' regimens are read in one batch on <paramref name="db"/>, whatever the number of doses.
    /// </summary>
    public async Task<IReadOnlyList<ReadinessResult>> DayBeforeAsync(
        InfusionDbContext db, IReadOnlyList<(int DoseId, int RegimenId, DateOnly Date)> doses, CancellationToken cancellationToken)
    {
        if (doses.Count == 0)
        {
            return [];
        }

        var facts = await LoadAsync(db, doses.Select(d => d.RegimenId).Distinct().ToList(), cancellationToken);
        var rules = await RulesAsync(db, cancellationToken);
        return [.. doses.Select(d => Domain.Readiness.Readiness.Evaluate(ReadinessAsOf.DayBefore(facts.For(d.DoseId, d.Date)), rules))];
    }
}
