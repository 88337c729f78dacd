namespace InfusionCenter.Domain.Protocols;

public enum IntervalUnit
{
    Days,
    Weeks,
    Months,
}

/// <summary>
/// A length of time: an exact number of days or weeks, or a number of calendar months.
/// Calendar months are always added to a series anchor (<see cref="AddTo"/> with a multiplier),
/// never chained from the previous date, so the day of month does not drift; a day that does not
/// exist in the target month is clamped to that month's last day (30 Nov + 3 months = 28/29 Feb).
/// </summary>
public sealed record Interval(int Value, IntervalUnit Unit)
{
    public static Interval OfDays(int value) => new(value, IntervalUnit.Days);

    public static Interval OfWeeks(int value) => new(value, IntervalUnit.Weeks);

    public static Interval OfMonths(int value) => new(value, IntervalUnit.Months);

    /// <summary><paramref name="anchor"/> + <paramref name="times"/> × this interval.</summary>
    public DateOnly AddTo(DateOnly anchor, int times = 1) => Unit switch
    {
        IntervalUnit.Days => anchor.AddDays(Value * times),
        IntervalUnit.Weeks => anchor.AddDays(7 * Value * times),
        IntervalUnit.Months => anchor.AddMonths(Value * times),
        _ => throw new InvalidOperationException($"Unknown interval unit {Unit}."),
    };

    /// <summary>A lower bound of the interval's length in days (exact for days and weeks).</summary>
    internal int MinDays => Unit switch
    {
        IntervalUnit.Days => Value,
        IntervalUnit.Weeks => 7 * Value,
        // n calendar months (with end-of-month clamping) last at least ~30.4n - 3 days.
        _ => Math.Max(28 * Value, (30 * Value) - 3),
    };

    /// <summary>An upper bound of the interval's length in days (exact for days and weeks).</summary>
    internal int MaxDays => Unit switch
    {
        IntervalUnit.Days => Value,
        IntervalUnit.Weeks => 7 * Value,
        _ => 31 * Value,
    };

    /// <summary>True when this interval is certainly shorter than <paramref name="other"/>.</summary>
    internal bool IsCertainlyShorterThan(Interval other)
    {
        if (IsMonthBased == other.IsMonthBased)
        {
            return ExactComparable < other.ExactComparable;
        }

        return MaxDays < other.MinDays;
    }

    /// <summary>True when this interval may be shorter than <paramref name="other"/> for some anchor date.</summary>
    internal bool MayBeShorterThan(Interval other)
    {
        if (IsMonthBased == other.IsMonthBased)
        {
            return ExactComparable < other.ExactComparable;
        }

        return MinDays < other.MaxDays;
    }

    private bool IsMonthBased => Unit == IntervalUnit.Months;

    private int ExactComparable => Unit == IntervalUnit.Weeks ? 7 * Value : Value;

    public override string ToString() => Unit switch
    {
        IntervalUnit.Days => Value == 1 ? "1 day" : $"{Value} days",
        IntervalUnit.Weeks => Value == 1 ? "1 week" : $"{Value} weeks",
        _ => Value == 1 ? "1 month" : $"{Value} months",
    };
}
