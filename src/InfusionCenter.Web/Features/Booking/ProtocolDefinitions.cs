using InfusionCenter.Domain.Protocols;
using InfusionCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Booking;

/// <summary>
/// The protocol definitions of the versions a list of doses or appointments uses, read in one query (one row per
/// version, never per dose) and deserialized once each, for the length of one call: a day's board or the due list
/// shares a handful of versions. Names the administration option a dose is (to be) given with.
/// </summary>
internal sealed class ProtocolDefinitions
{
    private readonly Dictionary<int, ProtocolDefinition> _byVersion;

    private ProtocolDefinitions(Dictionary<int, ProtocolDefinition> byVersion) => _byVersion = byVersion;

    /// <summary>The definitions of <paramref name="versionIds"/> (duplicates and nulls ignored; no query when there are none).</summary>
    public static async Task<ProtocolDefinitions> LoadAsync(InfusionDbContext db, IEnumerable<int?> versionIds, CancellationToken cancellationToken)
    {
        var ids = versionIds.OfType<int>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return new ProtocolDefinitions([]);
        }

        var rows = await db.ProtocolVersions.AsNoTracking().Where(v => ids.Contains(v.Id))
            .Select(v => new { v.Id, v.DefinitionJson })
            .ToListAsync(cancellationToken);
        return new ProtocolDefinitions(rows.ToDictionary(r => r.Id, r => ProtocolJson.Deserialize(r.DefinitionJson)));
    }

    public ProtocolDefinition this[int versionId] => _byVersion[versionId];

    /// <summary>
    /// The name of option <paramref name="code"/> of dose <paramref name="sequence"/> in its version's definition
    /// ("Shorter (about 2 h) — no prior serious infusion reaction"); null without an option or when the definition no
    /// longer names it.
    /// </summary>
    public string? OptionName(int? versionId, int? sequence, string? code) =>
        code is null || versionId is not { } id || sequence is not { } step || !_byVersion.TryGetValue(id, out var definition)
            ? null
            : definition.OptionsForDose(step).FirstOrDefault(o => o.Code == code)?.Name;
}
