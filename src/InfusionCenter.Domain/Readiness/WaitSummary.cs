namespace InfusionCenter.Domain.Readiness;

/// <summary>
/// How long patients waited, in days (e.g. from referral to first dose): how many, the median and the 90th percentile.
/// The median is the middle value (the mean of the two middle values for an even count, so it may end in .5); the 90th
/// percentile is by nearest rank, the smallest wait that at least 90 % of the patients did not exceed — always a wait
/// someone actually had. Both are null when there is nobody.
/// </summary>
public sealed record WaitSummary(int Count, double? MedianDays, int? Percentile90Days)
{
    public static WaitSummary Of(IEnumerable<int> days)
    {
        var sorted = days.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new WaitSummary(0, null, null);
        }

        var n = sorted.Length;
        var median = n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2.0;
        return new WaitSummary(n, median, NearestRank(sorted, 90));
    }

    /// <summary>The <paramref name="percent"/>th percentile of ascending <paramref name="sorted"/> by nearest rank: the value at rank ⌈percent × n / 100⌉.</summary>
    public static int NearestRank(IReadOnlyList<int> sorted, int percent)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        var rank = ((percent * sorted.Count) + 99) / 100; // integer ceiling: no floating-point edge at exact ranks
        return sorted[rank - 1];
    }
}
