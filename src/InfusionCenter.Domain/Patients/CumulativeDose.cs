namespace InfusionCenter.Domain.Patients;

/// <summary>
/// Lifetime cumulative dose in mg/m² (mitoxantrone: cap 140 mg/m² US, 72 mg/m² EU). Counted in the
/// prescribed mg/m² of each dose (not mg ÷ BSA after rounding), including doses given elsewhere.
/// </summary>
public static class CumulativeDose
{
    /// <summary>Largest prior cumulative dose the calendar accepts (guards against unit mistakes).</summary>
    public const decimal MaxPlausibleMgPerM2 = 10_000m;

    public static decimal Total(decimal priorMgPerM2, IEnumerable<decimal> dosesMgPerM2)
    {
        ArgumentNullException.ThrowIfNull(dosesMgPerM2);
        var total = priorMgPerM2;
        foreach (var dose in dosesMgPerM2)
        {
            total += dose;
        }

        return total;
    }

    /// <summary>mg/m² still available under the cap (never negative).</summary>
    public static decimal Remaining(decimal priorMgPerM2, decimal capMgPerM2) => Math.Max(0m, capMgPerM2 - priorMgPerM2);

    /// <summary>True when giving <paramref name="doseMgPerM2"/> would take the total over the cap.</summary>
    public static bool WouldExceed(decimal priorMgPerM2, decimal doseMgPerM2, decimal capMgPerM2) =>
        priorMgPerM2 + doseMgPerM2 > capMgPerM2;

    /// <summary>How many whole doses of <paramref name="doseMgPerM2"/> still fit under the cap (12 mg/m², cap 140, prior 0 → 11).</summary>
    public static int DosesWithinCap(decimal priorMgPerM2, decimal doseMgPerM2, decimal capMgPerM2)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(doseMgPerM2);
        var remaining = Remaining(priorMgPerM2, capMgPerM2);
        return (int)decimal.Floor(remaining / doseMgPerM2);
    }

    /// <summary>
    /// mg/m² of a dose recorded in mg at a known BSA (for doses given elsewhere), rounded <em>up</em> to
    /// 0.01 mg/m² so the cumulative total is never understated.
    /// </summary>
    public static decimal MgPerM2FromAmount(decimal amountMg, decimal bsaM2)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bsaM2);
        ArgumentOutOfRangeException.ThrowIfNegative(amountMg);
        return decimal.Ceiling(amountMg / bsaM2 * 100m) / 100m;
    }
}
