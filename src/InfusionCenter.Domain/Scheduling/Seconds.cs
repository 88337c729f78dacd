namespace InfusionCenter.Domain.Scheduling;

/// <summary>Seconds-since-midnight helpers (the slot finder works in whole seconds of one day).</summary>
internal static class Seconds
{
    public const int PerDay = 24 * 60 * 60;

    /// <summary>Whole seconds, rounded down, clamped to 0..<see cref="PerDay"/>.</summary>
    public static int Floor(long ticks) => (int)Math.Clamp(Math.Floor((double)ticks / TimeSpan.TicksPerSecond), 0, PerDay);

    /// <summary>Whole seconds, rounded up, clamped to 0..<see cref="PerDay"/>.</summary>
    public static int Ceiling(long ticks) => (int)Math.Clamp(Math.Ceiling((double)ticks / TimeSpan.TicksPerSecond), 0, PerDay);

    /// <summary>First index whose value is ≥ <paramref name="value"/>.</summary>
    public static int LowerBound(int[] sorted, int value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>First index whose value is &gt; <paramref name="value"/>.</summary>
    public static int UpperBound(int[] sorted, int value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
