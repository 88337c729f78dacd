namespace InfusionCenter.Domain.Protocols;

/// <summary>How a dose saves chair time against the usual way of giving its drug.</summary>
public enum ChairTimeSavingKind
{
    /// <summary>Nothing saved, or nothing to compare the dose with.</summary>
    None,

    /// <summary>
    /// Given with a shorter administration option of its own protocol, compared with the longest option of that dose
    /// (ocrelizumab's shorter infusion, 225 min, against the standard one, 315 min).
    /// </summary>
    ShorterOption,

    /// <summary>
    /// A maintenance dose of a shorter form of the same drug, compared with the maintenance dose of the drug's longest form
    /// (Ocrevus Zunovo under the skin, 55 min, against the IV ocrelizumab maintenance infusion, 315 min).
    /// </summary>
    ShorterForm,
}

/// <summary>
/// What one dose saves: <see cref="BaselineMinutes"/> (the chair time it is compared with) minus <see cref="DoseMinutes"/>
/// (its own chair time). <see cref="BaselineProtocol"/> and <see cref="BaselineOption"/> name what it is compared with.
/// </summary>
public sealed record ChairTimeSaving(ChairTimeSavingKind Kind, int BaselineMinutes, int DoseMinutes, string? BaselineProtocol = null, string? BaselineOption = null)
{
    public int SavedMinutes => Kind == ChairTimeSavingKind.None ? 0 : BaselineMinutes - DoseMinutes;

    public static ChairTimeSaving None(int doseMinutes) => new(ChairTimeSavingKind.None, doseMinutes, doseMinutes);
}

/// <summary>
/// Chair time saved per dose by the newer ways of giving the same drug (DOMAIN.md "Newer ways of giving the same drugs"),
/// decided from protocol data only, never from protocol codes:
/// <list type="bullet">
/// <item>A maintenance dose of a protocol whose drug (same generic name) has another current protocol with a longer
/// maintenance dose is compared with that protocol's maintenance dose (the longest one of the drug): Ocrevus Zunovo's
/// 55-minute injection saves 315 − 55 = 260 minutes against the IV ocrelizumab maintenance infusion. A first or initial dose
/// of such a protocol is compared with nothing (Ocrevus Zunovo's first injection replaces the split IV start, not one
/// maintenance infusion).</item>
/// <item>Otherwise, a dose given with one of its step's (or maintenance rule's) administration options is compared with the
/// longest option of that dose (normally "standard"): ocrelizumab's shorter infusion saves 315 − 225 = 90 minutes.</item>
/// </list>
/// A protocol's maintenance chair time is that of its longest maintenance option, or the maintenance rule's own when it has
/// no options. Doses of the longest form given its longest way save nothing.
/// </summary>
public sealed class ChairTimeSavings
{
    private readonly Dictionary<string, List<(string Code, int Minutes, string? Option)>> _formsByDrug;

    /// <param name="currentProtocols">The current definition of every protocol in use (the baseline of a shorter form is chosen among them).</param>
    public ChairTimeSavings(IEnumerable<ProtocolDefinition> currentProtocols)
    {
        ArgumentNullException.ThrowIfNull(currentProtocols);
        _formsByDrug = currentProtocols
            .Select(p => (Protocol: p, Maintenance: MaintenanceBaseline(p)))
            .Where(x => x.Maintenance is not null)
            .GroupBy(x => DrugKey(x.Protocol), StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.Select(x => (x.Protocol.Code, x.Maintenance!.Value.Minutes, x.Maintenance.Value.Option))
                    .OrderByDescending(x => x.Minutes).ThenBy(x => x.Code, StringComparer.Ordinal)
                    .ToList(),
                StringComparer.Ordinal);
    }

    /// <summary>
    /// What dose <paramref name="sequence"/> (1-based, as in the calendar) of <paramref name="protocol"/> (the definition its
    /// regimen follows) saves when given with <paramref name="optionCode"/> (null: none), taking <paramref name="doseMinutes"/>
    /// of chair time (the dose's own, used when the option is not one of the dose's).
    /// </summary>
    public ChairTimeSaving For(ProtocolDefinition protocol, int sequence, string? optionCode, int doseMinutes)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        var options = protocol.OptionsForDose(sequence);
        var chosen = optionCode is null ? null : options.FirstOrDefault(o => string.Equals(o.Code, optionCode, StringComparison.Ordinal));
        var minutes = chosen?.ChairTime.TotalMinutes ?? doseMinutes;

        if (IsMaintenance(protocol, sequence) && MaintenanceBaseline(protocol) is { } own
            && _formsByDrug.TryGetValue(DrugKey(protocol), out var forms)
            && forms.FirstOrDefault(f => !string.Equals(f.Code, protocol.Code, StringComparison.Ordinal)) is { Code: not null } longest
            && longest.Minutes > own.Minutes && longest.Minutes > minutes)
        {
            return new ChairTimeSaving(ChairTimeSavingKind.ShorterForm, longest.Minutes, minutes, longest.Code, longest.Option);
        }

        if (chosen is not null)
        {
            var longestOption = options.OrderByDescending(o => o.ChairTime.TotalMinutes).First();
            if (longestOption.ChairTime.TotalMinutes > minutes)
            {
                return new ChairTimeSaving(ChairTimeSavingKind.ShorterOption, longestOption.ChairTime.TotalMinutes, minutes, protocol.Code, longestOption.Code);
            }
        }

        return ChairTimeSaving.None(minutes);
    }

    /// <summary>
    /// The chair time of a protocol's maintenance dose given the longest way: its longest maintenance option (with its code),
    /// or the maintenance rule's own chair time when it has none; null for a course series or a protocol without maintenance.
    /// </summary>
    public static (int Minutes, string? Option)? MaintenanceBaseline(ProtocolDefinition protocol)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        if (protocol.IsCourseSeries || protocol.Maintenance is not { } maintenance)
        {
            return null;
        }

        if (maintenance.Options is { Count: > 0 } options)
        {
            var longest = options.OrderByDescending(o => o.ChairTime.TotalMinutes).First();
            return (longest.ChairTime.TotalMinutes, longest.Code);
        }

        return (maintenance.ChairTime.TotalMinutes, null);
    }

    private static bool IsMaintenance(ProtocolDefinition protocol, int sequence) =>
        !protocol.IsCourseSeries && protocol.Maintenance is not null && protocol.Steps is not null && sequence > protocol.Steps.Count;

    /// <summary>Protocols give the same drug when their generic names match (ignoring case and surrounding spaces).</summary>
    private static string DrugKey(ProtocolDefinition protocol) => protocol.Drug.GenericName.Trim().ToUpperInvariant();
}
