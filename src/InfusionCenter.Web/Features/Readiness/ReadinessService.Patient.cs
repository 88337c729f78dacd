using InfusionCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Readiness;

public sealed partial class ReadinessService
{
    /// <summary>
    /// The readiness of every dose still to give (planned, booked or missed) of <paramref name="regimenIds"/>, by dose id, each
    /// on its day as <see cref="ForDoseAsync"/> has it: the facts and the rules are read once for all of them (the patient page).
    /// </summary>
    public async Task<IReadOnlyDictionary<int, ReadinessDto>> ForRegimensAsync(IReadOnlyCollection<int> regimenIds, CancellationToken cancellationToken = default)
    {
        if (regimenIds.Count == 0)
        {
            return new Dictionary<int, ReadinessDto>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var facts = await LoadAsync(db, regimenIds, cancellationToken);
        var rules = await RulesAsync(db, cancellationToken);
        var result = new Dictionary<int, ReadinessDto>();
        foreach (var (id, _, _, status, date) in facts.Doses.Where(d => d.Status is DoseStatus.Planned or DoseStatus.Booked or DoseStatus.Missed))
        {
            var readiness = Domain.Readiness.Readiness.Evaluate(facts.For(id, date), rules);
            result[id] = Dto(id, date, readiness);
        }

        return result;
    }
}
