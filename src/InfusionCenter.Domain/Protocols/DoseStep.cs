namespace InfusionCenter.Domain.Protocols;

/// <summary>
/// One initial dose of a dose series (e.g. ocrelizumab 300 mg on day 1 = offset 0, 300 mg on day 15 =
/// offset 14). The first step always has offset 0 (it falls on the start date).
/// <paramref name="Window"/> overrides the protocol's default window for this step.
/// </summary>
public sealed record DoseStep(
    int DayOffset,
    DoseAmount Amount,
    ChairTime ChairTime,
    string Label = "initial",
    DoseWindow? Window = null);
