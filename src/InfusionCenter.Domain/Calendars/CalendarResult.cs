namespace InfusionCenter.Domain.Calendars;

/// <summary>
/// A computed dosing calendar.
/// </summary>
/// <param name="Protocol">Protocol code.</param>
/// <param name="StopReason">null (the series ended by itself), <see cref="StopReasons.Until"/> or <see cref="StopReasons.CumulativeCap"/>.</param>
/// <param name="Until">The inclusive end date used.</param>
/// <param name="Bsa">BSA used for BSA-dosed amounts (m²), else null.</param>
/// <param name="PriorCumulativeMgPerM2">Cumulative mg/m² before this series (protocols with a cap or BSA dosing), else null.</param>
/// <param name="CumulativeMgPerM2">Prior + every dose of this calendar in mg/m² (BSA-dosed protocols), else null.</param>
/// <param name="Doses">Doses in sequence order (dates non-decreasing).</param>
/// <param name="Warnings">Warnings in sequence order; empty when none.</param>
public sealed record CalendarResult(
    string Protocol,
    string? StopReason,
    DateOnly Until,
    decimal? Bsa,
    decimal? PriorCumulativeMgPerM2,
    decimal? CumulativeMgPerM2,
    IReadOnlyList<PlannedDose> Doses,
    IReadOnlyList<CalendarWarning> Warnings);
