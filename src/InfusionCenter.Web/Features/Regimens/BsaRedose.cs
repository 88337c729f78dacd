using InfusionCenter.Domain.Patients;
using InfusionCenter.Domain.Protocols;
using InfusionCenter.Web.Data;

namespace InfusionCenter.Web.Features.Regimens;

/// <summary>
/// When a BSA-dosed regimen's doses still to give are flagged for re-dosing, and what each would be: the one rule the
/// regimen (patient page, API) and the due list share. Amounts come from the Domain (mg/m² × BSA, rounded as the protocol says).
/// </summary>
public static class BsaRedose
{
    /// <summary>
    /// The change since <paramref name="dosedBsa"/> when <paramref name="definition"/> is dosed per m² and the BSA of the
    /// measurements on file moved by more than <paramref name="threshold"/> (a share); otherwise null.
    /// </summary>
    public static BsaChange? Flagged(ProtocolDefinition definition, decimal? dosedBsa, decimal? heightCm, decimal? weightKg, decimal threshold)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.IsBsaDosed && BsaChange.Since(dosedBsa, heightCm, weightKg) is { } change && change.Exceeds(threshold) ? change : null;
    }

    /// <summary>Whether a dose is still to give and dosed per m² (a re-dose changes it).</summary>
    public static bool IsRedosable(DoseStatus status, decimal? amountPerM2) =>
        status is DoseStatus.Planned or DoseStatus.Booked or DoseStatus.Missed && amountPerM2 is not null;

    /// <summary>One dose's amount now and at <paramref name="bsa"/>.</summary>
    public static RedoseDoseDto Line(ProtocolDefinition definition, int doseId, int sequence, DateOnly date, DoseStatus status, decimal amount, decimal amountPerM2, string unit, decimal bsa)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new RedoseDoseDto(doseId, sequence, date, status, amount, Bsa.Dose(amountPerM2, bsa, definition.Rounding), unit);
    }

    public static BsaChangeDto ToDto(BsaChange change, IReadOnlyList<RedoseDoseDto> doses)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new BsaChangeDto(change.DosedBsa, change.CurrentBsa, change.Percent, doses);
    }
}
