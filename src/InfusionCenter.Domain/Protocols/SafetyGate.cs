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
/// (null: with no end). Pure data: the calendar engine does not evaluate gates.
/// </summary>
public sealed record SafetyGate(
    string Code,
    string Description,
    GateTiming Timing,
    bool Blocking,
    Interval? Every = null,
    Interval? For = null);
