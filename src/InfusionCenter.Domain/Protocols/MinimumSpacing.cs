namespace InfusionCenter.Domain.Protocols;

public enum SpacingReference
{
    /// <summary>Measured from the last dose of the previous dosing period (the last loading infusion, the previous dose).</summary>
    PreviousPeriodEnd,

    /// <summary>Measured from the first dose of the previous dosing period (the first day of the previous course).</summary>
    PreviousPeriodStart,
}

/// <summary>
/// The shortest allowed gap between consecutive dosing periods (the initial doses form period 1,
/// each maintenance dose one period; each course one period). Not applied between the steps of the
/// initial period nor between the days of one course: those have their own offsets.
/// </summary>
public sealed record MinimumSpacing(Interval Interval, SpacingReference From = SpacingReference.PreviousPeriodEnd);
