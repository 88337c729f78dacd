using InfusionCenter.Domain.Protocols;

namespace InfusionCenter.Domain.Patients;

/// <summary>
/// Body surface area (Mosteller): BSA (m²) = √(height cm × weight kg / 3600).
/// Dosing decision: doses are computed from the BSA rounded to 2 decimals — the value shown to the
/// nurse and pharmacist — so "shown BSA × mg/m²" reproduces the dose on an independent double
/// check. (The difference from the unrounded value is at most 0.005 m², i.e. 0.06 mg at 12 mg/m²,
/// below the 0.1 mg rounding of the dose.) Use <see cref="ForDosing"/> for the calendar's BSA.
/// </summary>
public static class Bsa
{
    public const decimal MinHeightCm = 100m;
    public const decimal MaxHeightCm = 250m;
    public const decimal MinWeightKg = 20m;
    public const decimal MaxWeightKg = 350m;

    /// <summary>Plausible BSA range accepted by the calendar (m²).</summary>
    public const decimal MinPlausibleM2 = 0.5m;

    /// <inheritdoc cref="MinPlausibleM2"/>
    public const decimal MaxPlausibleM2 = 4.0m;

    /// <summary>Full-precision Mosteller BSA in m².</summary>
    /// <exception cref="ArgumentOutOfRangeException">Height or weight outside the plausible ranges.</exception>
    public static decimal Mosteller(decimal heightCm, decimal weightKg)
    {
        var errors = Validate(heightCm, weightKg);
        if (errors.Count > 0)
        {
            throw new ArgumentOutOfRangeException(errors[0].Field, errors[0].Message);
        }

        return (decimal)Math.Sqrt((double)(heightCm * weightKg / 3600m));
    }

    /// <summary>The BSA rounded to 2 decimals (half away from zero): the value shown and used for dosing.</summary>
    public static decimal ForDosing(decimal heightCm, decimal weightKg) => Round(Mosteller(heightCm, weightKg));

    /// <summary>Rounds a BSA to 2 decimals, half away from zero.</summary>
    public static decimal Round(decimal bsa) => decimal.Round(bsa, 2, MidpointRounding.AwayFromZero);

    /// <summary>Dose in mg for <paramref name="mgPerM2"/> at <paramref name="bsa"/>, rounded per <paramref name="rounding"/> (default 0.1 mg).</summary>
    public static decimal Dose(decimal mgPerM2, decimal bsa, DoseRounding? rounding = null) =>
        (rounding ?? DoseRounding.Default).Apply(mgPerM2 * bsa);

    /// <summary>Field errors (heightCm, weightKg) for implausible measurements; empty when both are plausible.</summary>
    public static IReadOnlyList<ValidationError> Validate(decimal heightCm, decimal weightKg)
    {
        List<ValidationError>? errors = null;
        if (heightCm < MinHeightCm || heightCm > MaxHeightCm)
        {
            (errors ??= []).Add(new ValidationError("heightCm", $"heightCm must be between {MinHeightCm} and {MaxHeightCm} cm"));
        }

        if (weightKg < MinWeightKg || weightKg > MaxWeightKg)
        {
            (errors ??= []).Add(new ValidationError("weightKg", $"weightKg must be between {MinWeightKg} and {MaxWeightKg} kg"));
        }

        return errors is null ? Array.Empty<ValidationError>() : errors;
    }
}
