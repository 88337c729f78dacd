using InfusionCenter.Domain.Patients;
using InfusionCenter.Domain.Protocols;
using InfusionCenter.Web.Components.Shared;
using InfusionCenter.Web.Data;

namespace InfusionCenter.Web.Features.Protocols;

/// <summary>
/// The words the protocol screens use for the protocol data's enums and intervals (never an identifier such as
/// "BeforeEachDose" on screen), with numbers and their nouns in the right form ("1 week", "3 months").
/// </summary>
public static class ProtocolText
{
    /// <summary>"4 weeks", "1 day", "3 months" (calendar months; the select lists say so).</summary>
    public static string Interval(Interval interval) => Interval(interval.Value, interval.Unit);

    public static string Interval(int value, IntervalUnit unit) => unit switch
    {
        IntervalUnit.Days => UiText.Count(value, "day"),
        IntervalUnit.Weeks => UiText.Count(value, "week"),
        IntervalUnit.Months => UiText.Count(value, "month"),
        _ => $"{value} {unit}",
    };

    /// <summary>The unit as a select list shows it.</summary>
    public static string Unit(IntervalUnit unit) => unit switch
    {
        IntervalUnit.Days => "days",
        IntervalUnit.Weeks => "weeks",
        IntervalUnit.Months => "calendar months",
        _ => unit.ToString(),
    };

    public static string Anchor(MaintenanceAnchor anchor) => anchor switch
    {
        MaintenanceAnchor.FirstDose => "counted from the first dose",
        MaintenanceAnchor.PreviousDose => "after the previous dose",
        _ => anchor.ToString(),
    };

    public static string GapAnchor(CourseGapAnchor anchor) => anchor switch
    {
        CourseGapAnchor.PreviousCourseStart => "from the first day of the previous course",
        CourseGapAnchor.PreviousCourseEnd => "from the last day of the previous course",
        _ => anchor.ToString(),
    };

    public static string Timing(GateTiming timing) => timing switch
    {
        GateTiming.BeforeFirstDose => "before the first dose",
        GateTiming.BeforeEachDose => "before each dose",
        GateTiming.Periodic => "regularly during treatment",
        GateTiming.AfterTreatment => "after treatment (monitoring)",
        _ => timing.ToString(),
    };

    public static string Rounding(DoseRoundingMode mode) => mode switch
    {
        DoseRoundingMode.Nearest => "to the nearest",
        DoseRoundingMode.Down => "always down",
        DoseRoundingMode.Up => "always up",
        _ => mode.ToString(),
    };

    public static string Basis(DoseBasis basis) => basis switch
    {
        DoseBasis.Fixed => "mg",
        DoseBasis.BodySurfaceArea => "mg/m² × BSA",
        _ => basis.ToString(),
    };

    /// <summary>Where the minimum spacing is measured from, for a dose series or (<paramref name="courses"/>) a course series.</summary>
    public static string Spacing(SpacingReference reference, bool courses = false) => (reference, courses) switch
    {
        (SpacingReference.PreviousPeriodEnd, false) => "after the previous dose",
        (SpacingReference.PreviousPeriodEnd, true) => "after the last day of the previous course",
        (SpacingReference.PreviousPeriodStart, false) => "after the first dose of the previous series",
        (SpacingReference.PreviousPeriodStart, true) => "after the first day of the previous course",
        _ => reference.ToString(),
    };

    /// <summary>A dose window in words: "3 days before to 7 days after the target date", "up to 28 days after the target date".</summary>
    public static string Window(DoseWindow window) => (window.DaysBefore, window.DaysAfter) switch
    {
        (0, 0) => "on the target date",
        (0, var after) => $"up to {UiText.Count(after, "day")} after the target date",
        (var before, 0) => $"up to {UiText.Count(before, "day")} before the target date",
        var (before, after) => $"{UiText.Count(before, "day")} before to {UiText.Count(after, "day")} after the target date",
    };

    /// <summary>The chair kinds a protocol may require, as stored in its definition (API names), with their words.</summary>
    public static readonly IReadOnlyList<string> ChairKinds = ["recliner", "bed", "privateRoom"];

    /// <summary>"Private room" for "privateRoom"; "Any chair" when none is required.</summary>
    public static string ChairKindText(string? kind) => kind is null
        ? "Any chair"
        : Enum.TryParse<ChairKind>(kind, ignoreCase: true, out var parsed) ? UiText.ChairKindLabel(parsed) : kind;

    /// <summary>When a safety check is done, in a sentence's words: "Every 1 month after treatment, for 48 months after the last dose".</summary>
    public static string GateWhen(SafetyGate gate) => Capitalise(gate.Timing switch
    {
        GateTiming.BeforeEachDose when gate.UpToCourseDay is { } last => $"before each dose on course days 1–{last}",
        GateTiming.Periodic when gate.Every is { } every => $"every {Interval(every)} during treatment",
        GateTiming.AfterTreatment when gate.Every is { } every => $"every {Interval(every)} after treatment, "
            + (gate.For is { } length ? $"for {Interval(length)} after the last dose" : "with no end"),
        _ => Timing(gate.Timing),
    });

    /// <summary>A reaction severity as the option editor's select list shows it.</summary>
    public static string Severity(InfusionReactionSeverity severity) => severity switch
    {
        InfusionReactionSeverity.None => "no reaction",
        InfusionReactionSeverity.Mild => "mild",
        InfusionReactionSeverity.Moderate => "moderate",
        InfusionReactionSeverity.Severe => "severe",
        _ => severity.ToString(),
    };

    /// <summary>Who may have a dose given with an option: "for every patient", "only for patients with no prior severe infusion reaction on this drug".</summary>
    public static string Eligibility(EligibilityRule? rule) => rule switch
    {
        null => "for every patient",
        { Code: EligibilityRules.NoPriorReaction, Severity: InfusionReactionSeverity.Mild } => "only for patients with no prior infusion reaction on this drug",
        { Code: EligibilityRules.NoPriorReaction, Severity: InfusionReactionSeverity.Moderate } =>
            "only for patients with no prior moderate or severe infusion reaction on this drug",
        { Code: EligibilityRules.NoPriorReaction } => "only for patients with no prior severe infusion reaction on this drug",
        _ => "only for patients who meet a condition this version of the app does not know",
    };

    /// <summary>A stored label ("loading", "course day") as the start of a table cell.</summary>
    public static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
