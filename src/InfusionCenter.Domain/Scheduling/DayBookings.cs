namespace InfusionCenter.Domain.Scheduling;

/// <summary>
/// The bookings touching one day plus its nurse-load profile in seconds since midnight: the sorted starts of bookings
/// that start that day, and the number of patients in chairs as a step function.
/// </summary>
internal sealed class DayBookings
{
    private static readonly int[] _none = [];

    public List<Booking> Bookings { get; } = [];

    /// <summary>Seconds since midnight of the bookings that start on this day, ascending.</summary>
    public int[] Starts { get; private set; } = _none;

    /// <summary>Occupancy step function: from <c>SegmentStarts[i]</c> (until the next one) there are <c>SegmentCounts[i]</c> patients in chairs.</summary>
    public int[] SegmentStarts { get; private set; } = _none;

    public int[] SegmentCounts { get; private set; } = _none;

    public void Rebuild(int dayNumber)
    {
        var dayStart = (long)dayNumber * TimeSpan.TicksPerDay;
        var starts = new List<int>(Bookings.Count);
        var begins = new int[Bookings.Count];
        var ends = new int[Bookings.Count];
        var intervals = 0;
        foreach (var booking in Bookings)
        {
            if (booking.Start.Ticks >= dayStart)
            {
                starts.Add(Seconds.Floor(booking.Start.Ticks - dayStart));
            }

            var begin = Seconds.Floor(booking.Start.Ticks - dayStart);
            var end = Seconds.Ceiling(booking.End.Ticks - dayStart);
            if (end > begin)
            {
                begins[intervals] = begin;
                ends[intervals] = end;
                intervals++;
            }
        }

        Starts = [.. starts];
        Array.Sort(begins, 0, intervals);
        Array.Sort(ends, 0, intervals);

        var segmentStarts = new List<int>(2 * intervals);
        var segmentCounts = new List<int>(2 * intervals);
        int b = 0, e = 0, count = 0;
        while (b < intervals || e < intervals)
        {
            var t = e >= intervals || (b < intervals && begins[b] < ends[e]) ? begins[b] : ends[e];
            while (b < intervals && begins[b] == t)
            {
                count++;
                b++;
            }

            while (e < intervals && ends[e] == t)
            {
                count--;
                e++;
            }

            if (segmentCounts.Count == 0 || segmentCounts[^1] != count)
            {
                segmentStarts.Add(t);
                segmentCounts.Add(count);
            }
        }

        SegmentStarts = [.. segmentStarts];
        SegmentCounts = [.. segmentCounts];
    }

    /// <summary>Highest number of patients in chairs at any moment of [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public int MaxOccupancy(int start, int end)
    {
        var segments = SegmentStarts;
        var i = Seconds.UpperBound(segments, start) - 1;
        var max = i >= 0 ? SegmentCounts[i] : 0;
        for (i++; i < segments.Length && segments[i] < end; i++)
        {
            if (SegmentCounts[i] > max)
            {
                max = SegmentCounts[i];
            }
        }

        return max;
    }

    /// <summary>Number of starts strictly less than <paramref name="radius"/> seconds before or after <paramref name="at"/>.</summary>
    public int StartsNear(int at, int radius) => Seconds.LowerBound(Starts, at + radius) - Seconds.UpperBound(Starts, at - radius);

    /// <summary>
    /// The most existing starts in any span [t, t + <paramref name="span"/>) that contains <paramref name="at"/> (the spans a
    /// new start at <paramref name="at"/> would fall into). The maximum is reached at t = <paramref name="at"/> or at an existing start.
    /// </summary>
    public int MaxStartsInSpanAround(int at, int span)
    {
        var starts = Starts;
        var max = Seconds.LowerBound(starts, at + span) - Seconds.LowerBound(starts, at);
        for (var i = Seconds.UpperBound(starts, at - span); i < starts.Length && starts[i] <= at; i++)
        {
            if (i > 0 && starts[i - 1] == starts[i])
            {
                continue;
            }

            var count = Seconds.LowerBound(starts, starts[i] + span) - i;
            if (count > max)
            {
                max = count;
            }
        }

        return max;
    }
}
