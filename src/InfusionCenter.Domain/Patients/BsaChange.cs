namespace InfusionCenter.Domain.Patients;

/// <summary>
/// How far a patient's body surface area has moved from the BSA a regimen was dosed with. Both sides are dosing BSAs
/// (Mosteller rounded to 2 decimals, <see cref="Bsa.ForDosing"/>), so the change is the one a nurse can reproduce from
/// the two values shown. Whether a change calls for re-dosing is a share of the dosed BSA set by the clinic (default
/// 10 %), passed in: never a constant here.
/// </summary>
/// <param name="DosedBsa">BSA (m²) the regimen's amounts were calculated with.</param>
/// <param name="CurrentBsa">BSA (m²) from the height and weight on file now.</param>
public sealed record BsaChange(decimal DosedBsa, decimal CurrentBsa)
{
    /// <summary>The change as a share of the dosed BSA: +0.1145 for 1.66 → 1.85 m², negative for a loss.</summary>
    public decimal Share => DosedBsa <= 0m ? 0m : (CurrentBsa - DosedBsa) / DosedBsa;

    /// <summary>The change in per cent, one decimal (+11.4 for 1.66 → 1.85 m²).</summary>
    public decimal Percent => decimal.Round(Share * 100m, 1, MidpointRounding.AwayFromZero);

    /// <summary>True when the BSA moved (up or down) by more than <paramref name="threshold"/>, a share (0.10 = 10 %).</summary>
    public bool Exceeds(decimal threshold) => Math.Abs(Share) > threshold;

    /// <summary>
    /// The change from <paramref name="dosedBsa"/> to the BSA of the measurements on file, or null when there is nothing
    /// to compare: no dosed BSA (not BSA-dosed), no or implausible measurements, or the same BSA.
    /// </summary>
    public static BsaChange? Since(decimal? dosedBsa, decimal? heightCm, decimal? weightKg)
    {
        if (dosedBsa is not { } dosed || dosed <= 0m || heightCm is not { } height || weightKg is not { } weight
            || Bsa.Validate(height, weight).Count > 0)
        {
            return null;
        }

        var current = Bsa.ForDosing(height, weight);
        return current == dosed ? null : new BsaChange(dosed, current);
    }
}
