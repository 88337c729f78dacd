using InfusionCenter.Domain.Protocols;
using InfusionCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Regimens;

/// <summary>The patient page's read of every dose's options at once (one history read, not one per dose).</summary>
public sealed partial class DoseOptionService
{
    /// <summary>
    /// The options of each of the patient's doses (every regimen) whose protocol step has options, by dose id; cancelled
    /// doses are left out. Each is judged as <see cref="GetAsync"/> judges it.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, DoseOptionsDto>> ForPatientAsync(int patientId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var regimens = await db.Regimens.AsNoTracking().Include(r => r.Doses).Include(r => r.ProtocolVersion)
            .Where(r => r.PatientId == patientId)
            .ToListAsync(cancellationToken);
        var result = new Dictionary<int, DoseOptionsDto>();
        if (regimens.Count == 0)
        {
            return result;
        }

        var history = await DoseOptions.HistoryAsync(db, patientId, cancellationToken);
        var preferShorter = await PreferShorterAsync(db, cancellationToken);
        foreach (var regimen in regimens)
        {
            var definition = ProtocolJson.Deserialize(regimen.ProtocolVersion!.DefinitionJson);
            foreach (var dose in regimen.Doses.Where(d => d.Status != DoseStatus.Cancelled && definition.OptionsForDose(d.Sequence).Count > 0))
            {
                result[dose.Id] = ToDto(dose, definition, history, preferShorter);
            }
        }

        return result;
    }
}
