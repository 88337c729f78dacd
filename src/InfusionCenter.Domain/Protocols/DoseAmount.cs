namespace InfusionCenter.Domain.Protocols;

public enum DoseBasis
{
    /// <summary>The value is the dose itself (e.g. 600 mg).</summary>
    Fixed,

    /// <summary>The value is per m² of body surface area (e.g. 12 mg/m²); dose = value × BSA.</summary>
    BodySurfaceArea,
}

/// <summary>A dose: a fixed amount, or an amount per m² of BSA. <paramref name="Unit"/> is the mass unit (mg).</summary>
public sealed record DoseAmount(decimal Value, DoseBasis Basis = DoseBasis.Fixed, string Unit = "mg")
{
    public static DoseAmount Mg(decimal value) => new(value);

    public static DoseAmount MgPerM2(decimal value) => new(value, DoseBasis.BodySurfaceArea);

    public bool IsBsaBased => Basis == DoseBasis.BodySurfaceArea;

    public override string ToString() => IsBsaBased ? $"{Value} {Unit}/m²" : $"{Value} {Unit}";
}
