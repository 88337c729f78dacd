namespace InfusionCenter.Domain.Protocols;

/// <summary>
/// Acceptable booking window around a target date: earliest = target − <paramref name="DaysBefore"/>,
/// latest = target + <paramref name="DaysAfter"/>. Both are ≥ 0, so the window always contains the target.
/// </summary>
public sealed record DoseWindow(int DaysBefore, int DaysAfter)
{
    public const int MaxDays = 365;

    public static DoseWindow Exact { get; } = new(0, 0);
}
