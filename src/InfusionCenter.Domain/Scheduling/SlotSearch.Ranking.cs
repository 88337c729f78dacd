namespace InfusionCenter.Domain.Scheduling;

/// <summary>
/// Scoring and ranking: the weekday and within-day costs of a start (weights in <see cref="SlotScoring"/>), the
/// candidates kept, and the bounded best-first list that turns them into <see cref="Slot"/>s.
/// </summary>
internal sealed partial class SlotSearch
{
    private bool WeekdayPreferred(int day) =>
        _request.PreferredWeekdays is not { Count: > 0 } preferred || preferred.Contains(DateOnly.FromDayNumber(day).DayOfWeek);

    private double WithinDayCost(DayBookings? data, int opens, int start, int duration)
    {
        var cost = 0.0;
        if (data is not null)
        {
            cost += SlotScoring.PerNearbyStart * data.StartsNear(start, SlotScoring.NearbyStartMinutes * 60);
        }

        if (duration >= SlotScoring.LongVisitMinutes * 60)
        {
            cost += SlotScoring.LateLongPerHourPerHour * ((start - opens) / 3600.0) * (duration / 3600.0);
        }

        var noon = SlotScoring.NoonMinutes * 60;
        if ((_request.Preference == TimePreference.Morning && start >= noon) || (_request.Preference == TimePreference.Afternoon && start < noon))
        {
            cost += SlotScoring.PreferenceMissed;
        }

        return cost;
    }

    private Slot ToSlot(Candidate candidate)
    {
        var days = candidate.Days;
        if (days is null)
        {
            days = new SlotDay[_courseDays];
            for (var i = 0; i < _courseDays; i++)
            {
                var start = StartTicks(candidate.Day + i, candidate.Seconds);
                days[i] = new SlotDay(candidate.ChairId, new DateTime(start), new DateTime(start + (_durations[i] * TimeSpan.TicksPerSecond)));
            }
        }

        return new Slot(candidate.ChairId, days[0].Start, days[0].End, candidate.Score, days);
    }

    private readonly record struct Candidate(double Score, int ChairId, long StartTicks, int Day, int Seconds, SlotDay[]? Days);

    /// <summary>The best candidates so far, sorted by score, then chair id, then start; bounded.</summary>
    private sealed class TopList(int capacity)
    {
        private readonly List<Candidate> _items = new(Math.Min(capacity, 256) + 1);

        public bool IsFull => _items.Count >= capacity;

        public double WorstScore => _items[^1].Score;

        public bool WouldAccept(double score, int chairId, long startTicks) => !IsFull || Compare(score, chairId, startTicks, _items[^1]) < 0;

        public bool TryAdd(Candidate candidate)
        {
            if (!WouldAccept(candidate.Score, candidate.ChairId, candidate.StartTicks))
            {
                return false;
            }

            int lo = 0, hi = _items.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (Compare(candidate.Score, candidate.ChairId, candidate.StartTicks, _items[mid]) < 0)
                {
                    hi = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }

            _items.Insert(lo, candidate);
            if (_items.Count > capacity)
            {
                _items.RemoveAt(_items.Count - 1);
            }

            return true;
        }

        public IReadOnlyList<Slot> ToSlots(SlotSearch search)
        {
            var slots = new Slot[_items.Count];
            for (var i = 0; i < slots.Length; i++)
            {
                slots[i] = search.ToSlot(_items[i]);
            }

            return slots;
        }

        private static int Compare(double score, int chairId, long startTicks, in Candidate other)
        {
            var c = score.CompareTo(other.Score);
            if (c == 0)
            {
                c = chairId.CompareTo(other.ChairId);
            }

            return c != 0 ? c : startTicks.CompareTo(other.StartTicks);
        }
    }
}
