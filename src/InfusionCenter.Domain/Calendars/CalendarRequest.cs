using InfusionCenter.Domain.Protocols;

namespace InfusionCenter.Domain.Calendars;

/// <summary>
/// What a calendar is computed for: one series of one protocol.
/// </summary>
/// <param name="Start">Target date of the first dose (or first course day).</param>
/// <param name="Until">Last date (inclusive) a dose may fall on; null = <see cref="DefaultUntil"/> (start + 2 years).</param>
/// <param name="Bsa">Body surface area in m² (required for BSA-dosed protocols), as displayed: see <c>Bsa.ForDosing</c>.</param>
/// <param name="PriorCumulativeMgPerM2">Cumulative dose already received (elsewhere or before this series), in mg/m².</param>
/// <param name="Days">Course length where the protocol allows a range (methylprednisolone 3–5).</param>
/// <param name="IntervalOverride">Replaces the maintenance interval for this regimen (natalizumab extended interval: 6 weeks).</param>
/// <param name="Courses">Number of courses for course protocols; null = the protocol's planned courses.</param>
/// <param name="Given">Doses recorded as given: sequence (1-based) → actual date given.</param>
public sealed record CalendarRequest(
    DateOnly Start,
    DateOnly? Until = null,
    decimal? Bsa = null,
    decimal PriorCumulativeMgPerM2 = 0m,
    int? Days = null,
    Interval? IntervalOverride = null,
    int? Courses = null,
    IReadOnlyDictionary<int, DateOnly>? Given = null)
{
    public const int DefaultHorizonYears = 2;
    public const int MaxHorizonYears = 30;

    public static DateOnly MinDate { get; } = new(1900, 1, 1);

    public static DateOnly MaxDate { get; } = new(2199, 12, 31);

    public DateOnly DefaultUntil => Start.AddYears(DefaultHorizonYears);

    /// <summary>The inclusive end of the calendar.</summary>
    public DateOnly EffectiveUntil => Until ?? DefaultUntil;
}
