namespace InfusionCenter.Domain.Scheduling;

/// <summary>A stretch of one chair's day with nothing booked, clinic-local wall clock; nurses can fill it from the due list.</summary>
public sealed record FreeStretch(int ChairId, DateTime From, DateTime To)
{
    public int Minutes => (int)(To - From).TotalMinutes;
}

/// <summary>The free stretches of a clinic day, chair by chair (the board offers them for booking).</summary>
public static class FreeStretches
{
    /// <summary>Free stretches shorter than this are not offered (the shortest default chair time is 30 minutes).</summary>
    public const int DefaultMinimumMinutes = 30;

    /// <summary>
    /// Each chair's free stretches of at least <paramref name="minimumMinutes"/> between opening and closing on
    /// <paramref name="day"/>, never in the past: a stretch starts no earlier than <paramref name="now"/> rounded up to
    /// the next quarter hour. <paramref name="bookings"/> are the day's active bookings (cancelled and no-shows left out);
    /// they may overlap, start before opening or run past closing. Chairs in the given order, stretches in time order.
    /// </summary>
    public static IReadOnlyList<FreeStretch> Find(
        DateOnly day, DayHours hours, DateTime now, IEnumerable<int> chairIds, IEnumerable<Booking> bookings,
        int minimumMinutes = DefaultMinimumMinutes)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var opens = day.ToDateTime(hours.Opens);
        var closes = day.ToDateTime(hours.Closes);
        const long quarter = TimeSpan.TicksPerMinute * 15;
        var earliest = now > opens ? new DateTime((now.Ticks + quarter - 1) / quarter * quarter) : opens;
        var byChair = bookings.ToLookup(b => b.ChairId);
        var result = new List<FreeStretch>();
        foreach (var chairId in chairIds)
        {
            var cursor = earliest;
            foreach (var booking in byChair[chairId].OrderBy(b => b.Start))
            {
                var until = booking.Start < closes ? booking.Start : closes;
                if ((until - cursor).TotalMinutes >= minimumMinutes)
                {
                    result.Add(new FreeStretch(chairId, cursor, until));
                }

                cursor = booking.End > cursor ? booking.End : cursor;
            }

            if ((closes - cursor).TotalMinutes >= minimumMinutes)
            {
                result.Add(new FreeStretch(chairId, cursor, closes));
            }
        }

        return result;
    }
}
