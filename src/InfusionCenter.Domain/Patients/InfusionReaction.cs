namespace InfusionCenter.Domain.Patients;

/// <summary>
/// How severe an infusion (or injection) reaction was, as the nurse records it when she completes a visit: none, mild,
/// moderate or severe. "Serious" in the labels' wording is recorded as severe.
/// </summary>
public enum InfusionReactionSeverity
{
    None,
    Mild,
    Moderate,
    Severe,
}

/// <summary>
/// One dose given to the patient, with the reaction recorded at its completion: the history an administration option's
/// eligibility rule is judged from. <paramref name="Drug"/> is the drug's generic name (the protocol's
/// <c>drug.genericName</c>): doses of another drug never count; <paramref name="Sequence"/> is the dose's number in
/// its regimen, shown to the nurse ("dose 2").
/// </summary>
public sealed record RecordedReaction(DateOnly Date, string Drug, int Sequence, InfusionReactionSeverity Severity);
