namespace InfusionCenter.Domain.Protocols;

/// <summary>
/// One initial dose of a dose series (e.g. ocrelizumab 300 mg on day 1 = offset 0, 300 mg on day 15 =
/// offset 14). The first step always has offset 0 (it falls on the start date), so its chair time is the chair time of
/// a regimen's first dose (Ocrevus Zunovo: 1 h observation after the first injection, 15 min after later ones).
/// <paramref name="Window"/> overrides the protocol's default window for this step.
/// </summary>
public sealed record DoseStep(
    int DayOffset,
    DoseAmount Amount,
    ChairTime ChairTime,
    string Label = "initial",
    DoseWindow? Window = null)
{
    /// <summary>Named ways of giving this dose, each with its own chair time (empty: the step's chair time only).</summary>
    public IReadOnlyList<AdministrationOption> Options { get; init; } = [];

    public bool Equals(DoseStep? other) =>
        other is not null
        && DayOffset == other.DayOffset
        && Equals(Amount, other.Amount)
        && Equals(ChairTime, other.ChairTime)
        && string.Equals(Label, other.Label, StringComparison.Ordinal)
        && Equals(Window, other.Window)
        && ListEquality.SequenceEqual(Options, other.Options);

    public override int GetHashCode() => HashCode.Combine(DayOffset, Amount, ChairTime, Label, Window, ListEquality.Hash(Options));
}
