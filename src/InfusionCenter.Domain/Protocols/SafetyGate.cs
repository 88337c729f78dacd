namespace InfusionCenter.Domain.Protocols;

public enum GateTiming
{
    BeforeFirstDose,
    BeforeEachDose,

    /// <summary>Recurs every <see cref="SafetyGate.Every"/> while on treatment.</summary>
    Periodic,

    /// <summary>Monitoring that continues after the last dose (every <see cref="SafetyGate.Every"/>).</summary>
    AfterTreatment,
}

/// <summary>
/// A check the booking flow shows and, when <paramref name="Blocking"/>, must be confirmed before the infusion starts
/// (e.g. "touch-authorization" before each natalizumab dose). Periodic and after-treatment gates recur
/// <paramref name="Every"/>; an after-treatment gate's monitoring lasts <paramref name="For"/> after the last dose given
/// (null: with no end). A before-each-dose gate of a course protocol can be limited to the first
/// <paramref name="UpToCourseDay"/> days of each course (alemtuzumab's corticosteroid premedication: days 1–3).
/// Pure data: the calendar engine does not evaluate gates.
/// </summary>
public sealed record SafetyGate(
    string Code,
    string Description,
    GateTiming Timing,
    bool Blocking,
    Interval? Every = null,
    Interval? For = null,
    int? UpToCourseDay = null)
{
    /// <summary>Whether the gate is checked before the infusion of a dose (dose <paramref name="sequence"/>, course day <paramref name="dayInCourse"/>).</summary>
    public bool AppliesAtInfusion(int sequence, int dayInCourse) => Timing switch
    {
        GateTiming.BeforeEachDose => UpToCourseDay is not { } last || dayInCourse <= last,
        GateTiming.BeforeFirstDose => sequence == 1,
        GateTiming.Periodic => true,
        _ => false,
    };
}
