namespace InfusionCenter.Domain.Protocols;

public enum MaintenanceAnchor
{
    /// <summary>
    /// Maintenance dose k falls k intervals after the first dose of the series (ocrelizumab and
    /// ublituximab: "24 weeks after infusion 1, then every 24 weeks").
    /// </summary>
    FirstDose,

    /// <summary>
    /// Maintenance dose k falls k intervals after the last initial step (natalizumab: every 4 weeks,
    /// mitoxantrone: every 3 calendar months). "After the previous dose", computed from the anchor so
    /// month-based series do not drift.
    /// </summary>
    PreviousDose,
}

/// <summary>Repeating doses after the initial steps.</summary>
public sealed record MaintenanceRule
{
    public required Interval Interval { get; init; }

    public MaintenanceAnchor Anchor { get; init; } = MaintenanceAnchor.PreviousDose;

    public required DoseAmount Amount { get; init; }

    public required ChairTime ChairTime { get; init; }

    /// <summary>Number of maintenance doses; null = indefinitely (until the calendar's end or a cap).</summary>
    public int? RepeatCount { get; init; }

    /// <summary>Overrides the protocol's default window for maintenance doses.</summary>
    public DoseWindow? Window { get; init; }

    public string Label { get; init; } = "maintenance";

    /// <summary>Named ways of giving a maintenance dose, each with its own chair time (empty: <see cref="ChairTime"/> only).</summary>
    public IReadOnlyList<AdministrationOption> Options { get; init; } = [];

    public bool Equals(MaintenanceRule? other) =>
        other is not null
        && Equals(Interval, other.Interval)
        && Anchor == other.Anchor
        && Equals(Amount, other.Amount)
        && Equals(ChairTime, other.ChairTime)
        && RepeatCount == other.RepeatCount
        && Equals(Window, other.Window)
        && string.Equals(Label, other.Label, StringComparison.Ordinal)
        && ListEquality.SequenceEqual(Options, other.Options);

    public override int GetHashCode() => HashCode.Combine(Interval, Anchor, Amount, ChairTime, RepeatCount, Window, Label, ListEquality.Hash(Options));
}
