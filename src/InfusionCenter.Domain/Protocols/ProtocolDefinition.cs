namespace InfusionCenter.Domain.Protocols;

/// <summary>
/// A dosing protocol as pure data: everything the calendar engine needs, and the safety gates the
/// booking flow shows. Immutable value (versions are kept by the web layer). A protocol is either a
/// <em>dose series</em> (<see cref="Steps"/> + optional <see cref="Maintenance"/>) or a
/// <em>course series</em> (<see cref="Courses"/>), never both. Serialize with <see cref="ProtocolJson.Options"/>.
/// </summary>
public sealed record ProtocolDefinition
{
    /// <summary>Stable slug (lowercase letters, digits, '-'), e.g. "ocrelizumab".</summary>
    public required string Code { get; init; }

    public required string Name { get; init; }

    public required Drug Drug { get; init; }

    public string? Description { get; init; }

    /// <summary>Chair kind the visit needs (e.g. "recliner", "bed"); null = any chair.</summary>
    public string? RequiredChairKind { get; init; }

    /// <summary>Initial doses, ordered by day offset; the first has offset 0. Empty for course series.</summary>
    public IReadOnlyList<DoseStep> Steps { get; init; } = [];

    public MaintenanceRule? Maintenance { get; init; }

    public CourseRule? Courses { get; init; }

    /// <summary>Default booking window of every dose unless a step, maintenance or course overrides it.</summary>
    public required DoseWindow Window { get; init; }

    public MinimumSpacing? MinSpacing { get; init; }

    /// <summary>Lifetime cumulative cap in mg/m² (counting doses given elsewhere); null = no cap.</summary>
    public decimal? CumulativeCapMgPerM2 { get; init; }

    public DoseRounding Rounding { get; init; } = DoseRounding.Default;

    public IReadOnlyList<SafetyGate> SafetyGates { get; init; } = [];

    public bool IsCourseSeries => Courses is not null;

    /// <summary>True when any dose is per m² of BSA (a BSA is then required to compute a calendar).</summary>
    public bool IsBsaDosed
    {
        get
        {
            if (Courses?.DailyAmount is { IsBsaBased: true } || Maintenance?.Amount is { IsBsaBased: true })
            {
                return true;
            }

            if (Steps is not null)
            {
                foreach (var step in Steps)
                {
                    if (step?.Amount is { IsBsaBased: true })
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }

    /// <summary>
    /// The administration options of dose <paramref name="sequence"/> (1-based, as in the calendar): the options of step
    /// <c>sequence − 1</c>, or of the maintenance rule after the steps; empty for course series and for doses without options.
    /// </summary>
    public IReadOnlyList<AdministrationOption> OptionsForDose(int sequence)
    {
        if (IsCourseSeries || sequence < 1 || Steps is null)
        {
            return [];
        }

        if (sequence <= Steps.Count)
        {
            return Steps[sequence - 1]?.Options ?? [];
        }

        return Maintenance?.Options ?? [];
    }

    /// <summary>Every rule violation (empty when valid). See <see cref="ProtocolRules"/>.</summary>
    public IReadOnlyList<ValidationError> Validate() => ProtocolRules.Validate(this);

    public bool Equals(ProtocolDefinition? other) =>
        other is not null
        && string.Equals(Code, other.Code, StringComparison.Ordinal)
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && Equals(Drug, other.Drug)
        && string.Equals(Description, other.Description, StringComparison.Ordinal)
        && string.Equals(RequiredChairKind, other.RequiredChairKind, StringComparison.Ordinal)
        && ListEquality.SequenceEqual(Steps, other.Steps)
        && Equals(Maintenance, other.Maintenance)
        && Equals(Courses, other.Courses)
        && Equals(Window, other.Window)
        && Equals(MinSpacing, other.MinSpacing)
        && CumulativeCapMgPerM2 == other.CumulativeCapMgPerM2
        && Equals(Rounding, other.Rounding)
        && ListEquality.SequenceEqual(SafetyGates, other.SafetyGates);

    public override int GetHashCode() =>
        HashCode.Combine(Code, Name, Drug, ListEquality.Hash(Steps), Maintenance, Courses, CumulativeCapMgPerM2, ListEquality.Hash(SafetyGates));
}
