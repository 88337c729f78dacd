using InfusionCenter.Domain.Protocols;

namespace InfusionCenter.Domain.Calendars;

/// <summary>
/// How far from the last dose of the old form the first dose of the new one must be: the new protocol's minimum spacing
/// counted from <paramref name="LastGiven"/> (ocrelizumab IV → Ocrevus Zunovo: 20 weeks).
/// </summary>
public sealed record SwitchSpacing(string Drug, DateOnly LastGiven, Interval Spacing, DateOnly NotBefore);

/// <summary>
/// Switching a patient between two forms of one drug (IV ↔ subcutaneous ocrelizumab, Tysabri ↔ Tyruko): the first dose of
/// the new form is due when the next dose of the old one was, and never closer to the old form's last dose than the new
/// protocol's minimum spacing. Pure: the caller passes the old regimen's dates.
/// </summary>
public static class FormSwitch
{
    /// <summary>The new form's first dose by default: the old regimen's next dose still to give (its target date), if any.</summary>
    public static DateOnly? DefaultStart(IEnumerable<(int Sequence, DateOnly Target)> stillToGive)
    {
        ArgumentNullException.ThrowIfNull(stillToGive);
        (int Sequence, DateOnly Target)? next = null;
        foreach (var dose in stillToGive)
        {
            if (next is null || dose.Sequence < next.Value.Sequence)
            {
                next = dose;
            }
        }

        return next?.Target;
    }

    /// <summary>
    /// The spacing that applies across the two regimens: null when they are different drugs (another drug's spacing is a
    /// clinical decision, not a rule here), when nothing of the old one was given, or when the new protocol sets none.
    /// </summary>
    public static SwitchSpacing? Spacing(ProtocolDefinition from, ProtocolDefinition to, DateOnly? lastGiven)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (lastGiven is not { } last || to.MinSpacing is not { } spacing || !SameDrug(from.Drug, to.Drug))
        {
            return null;
        }

        return new SwitchSpacing(from.Drug.GenericName, last, spacing.Interval, spacing.Interval.AddTo(last));
    }

    /// <summary>Whether a first dose on <paramref name="firstDose"/> keeps the spacing (always, when none applies).</summary>
    public static bool Keeps(SwitchSpacing? spacing, DateOnly firstDose) => spacing is null || firstDose >= spacing.NotBefore;

    private static bool SameDrug(Drug a, Drug b) =>
        string.Equals(a.GenericName.Trim(), b.GenericName.Trim(), StringComparison.OrdinalIgnoreCase);
}
