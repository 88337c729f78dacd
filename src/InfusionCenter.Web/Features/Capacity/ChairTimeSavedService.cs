using InfusionCenter.Domain.Protocols;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Regimens;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Capacity;

/// <summary>
/// Chair time saved by shorter infusions and subcutaneous doses (issue 14, <c>GET /api/capacity/savings</c>, the capacity
/// page's "Chair time saved" card and its CSV). Two queries per range, whatever its size: the doses grouped by what decides
/// their saving (<see cref="CapacitySql.ChairTimeSaved"/>), then the protocol definitions those groups follow plus the
/// current definition of every active protocol (the baselines). <see cref="ChairTimeSavings"/> (Domain) decides each group.
/// </summary>
public sealed class ChairTimeSavedService(IDbContextFactory<InfusionDbContext> dbFactory, ClinicClock clock)
{
    public const string Given = "given";
    public const string Booked = "booked";
    public const string Planned = "planned";

    /// <summary>The figures for the clinic-local days <paramref name="from"/> to <paramref name="to"/> (a range already validated).</summary>
    public async Task<ChairTimeSaved> SavedAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var zone = await clock.ZoneAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // SqlQueryRaw: the SQL holds no {n} placeholders; the Npgsql parameters are bound by name.
        var rows = await db.Database
            .SqlQueryRaw<SavingRow>(CapacitySql.ChairTimeSaved, CapacityService.RangeParameters(zone.Id, from, to).Cast<object>().ToArray())
            .ToListAsync(cancellationToken);

        var versionIds = rows.Select(r => r.VersionId).Distinct().ToList();
        var versions = await db.ProtocolVersions.AsNoTracking()
            .Where(v => versionIds.Contains(v.Id) || (v.Protocol!.Active && v.Version == v.Protocol.CurrentVersion))
            .Select(v => new { v.Id, v.DefinitionJson, Current = v.Protocol!.Active && v.Version == v.Protocol.CurrentVersion })
            .ToListAsync(cancellationToken);
        var definitions = versions.ToDictionary(v => v.Id, v => ProtocolJson.Deserialize(v.DefinitionJson));
        var current = versions.Where(v => v.Current).Select(v => definitions[v.Id]).ToList();
        return Build(from, to, rows, definitions, current);
    }

    /// <summary>
    /// The pure part: each group of doses judged by <see cref="ChairTimeSavings"/> against the <paramref name="current"/>
    /// protocols, summed per kind and per protocol and way (most hours saved first).
    /// </summary>
    internal static ChairTimeSaved Build(DateOnly from, DateOnly to, IReadOnlyList<SavingRow> rows,
        IReadOnlyDictionary<int, ProtocolDefinition> definitions, IReadOnlyList<ProtocolDefinition> current)
    {
        var savings = new ChairTimeSavings(current);
        var byCode = current.GroupBy(p => p.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var totals = new Dictionary<string, (int Doses, int Minutes)[]>(StringComparer.Ordinal);
        var groups = new Dictionary<(string Protocol, SavingWay Way, string ComparedWith), Group>();
        foreach (var row in rows)
        {
            if (!definitions.TryGetValue(row.VersionId, out var definition))
            {
                continue;
            }

            var saving = savings.For(definition, row.Sequence, row.OptionCode, row.ChairMinutes);
            if (saving.Kind == ChairTimeSavingKind.None || saving.SavedMinutes <= 0)
            {
                continue;
            }

            var way = saving.Kind == ChairTimeSavingKind.ShorterForm ? SavingWay.Sc : SavingWay.Shorter;
            var kind = totals.TryGetValue(row.Kind, out var existing) ? existing : totals[row.Kind] = new (int, int)[2];
            kind[(int)way] = (kind[(int)way].Doses + row.Doses, kind[(int)way].Minutes + (saving.SavedMinutes * row.Doses));

            var key = (definition.Code, way, saving.BaselineProtocol ?? definition.Code);
            if (!groups.TryGetValue(key, out var group))
            {
                var shown = byCode.GetValueOrDefault(definition.Code) ?? definition;
                groups[key] = group = new Group(shown.Drug.ToString(), ComparedWithName(way, saving, definition.OptionsForDose(row.Sequence), byCode));
            }

            group.Add(row.Kind, row.Doses, saving.SavedMinutes * row.Doses);
        }

        var byProtocol = groups
            .Select(g => new SavedByProtocol(g.Key.Protocol, g.Value.Name, g.Key.Way, g.Key.ComparedWith, g.Value.ComparedWithName,
                g.Value.Count(Given), g.Value.Count(Booked), g.Value.Count(Planned)))
            .OrderByDescending(p => p.Given.Hours + p.Booked.Hours).ThenByDescending(p => p.Planned.Hours)
            .ThenBy(p => p.Protocol, StringComparer.Ordinal).ThenBy(p => p.Way)
            .ToList();
        return new ChairTimeSaved(from, to, Figures(totals, Given), Figures(totals, Booked), Figures(totals, Planned), byProtocol);
    }

    /// <summary>What the doses are compared with, in words: the longest option's name, or the longer form's drug and brand.</summary>
    private static string ComparedWithName(SavingWay way, ChairTimeSaving saving, IReadOnlyList<AdministrationOption> options,
        IReadOnlyDictionary<string, ProtocolDefinition> byCode)
    {
        if (way == SavingWay.Shorter)
        {
            var option = options.FirstOrDefault(o => string.Equals(o.Code, saving.BaselineOption, StringComparison.Ordinal));
            return option is null ? "the longest way" : DoseOptions.ShortName(option.Name);
        }

        return byCode.TryGetValue(saving.BaselineProtocol ?? "", out var baseline) ? $"{baseline.Drug} maintenance dose" : "the maintenance dose";
    }

    private static SavedFigures Figures(Dictionary<string, (int Doses, int Minutes)[]> totals, string kind) =>
        totals.TryGetValue(kind, out var t)
            ? new SavedFigures(t[(int)SavingWay.Shorter].Doses, t[(int)SavingWay.Shorter].Minutes / 60.0, t[(int)SavingWay.Sc].Doses, t[(int)SavingWay.Sc].Minutes / 60.0)
            : SavedFigures.Zero;

    private sealed class Group(string name, string comparedWithName)
    {
        private readonly Dictionary<string, (int Doses, int Minutes)> _kinds = new(StringComparer.Ordinal);

        public string Name { get; } = name;

        public string ComparedWithName { get; } = comparedWithName;

        public void Add(string kind, int doses, int minutes)
        {
            var (d, m) = _kinds.GetValueOrDefault(kind);
            _kinds[kind] = (d + doses, m + minutes);
        }

        public SavedCount Count(string kind) =>
            _kinds.TryGetValue(kind, out var t) ? new SavedCount(t.Doses, t.Minutes / 60.0) : SavedCount.Zero;
    }
}
