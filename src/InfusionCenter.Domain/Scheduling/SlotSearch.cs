namespace InfusionCenter.Domain.Scheduling;

/// <summary>
/// One <see cref="SlotFinder.Find"/> run. Works in whole seconds since midnight per day. For each (day, visit length) it
/// builds a grid once: which starts pass the hours, NotBeforeTime, patient and nurse checks (chair-independent), their
/// within-day cost, and which chairs are free at each start (one sweep per chair over its merged busy intervals). Course
/// day-ranges then combine the grids of consecutive days. Days are visited in order of their day cost, so the search
/// stops as soon as a day cannot beat the worst slot kept.
/// <para>This file: the search's state, <see cref="Run"/> (days by cost, early stop), <see cref="WhyNothing"/> and the day
/// order. The other parts: SlotSearch.DayGrids.cs (building a day's grid), SlotSearch.Candidates.cs (combining the
/// grids of a course's days into candidates), SlotSearch.Ranking.cs (costs and the bounded best-first list).</para>
/// </summary>
internal sealed partial class SlotSearch
{
    private const int StartSpanSeconds = 30 * 60;

    private readonly ClinicSchedule _schedule;
    private readonly BookingIndex _index;
    private readonly SlotRequest _request;
    private readonly int[] _chairIds;
    private readonly int _step;
    private readonly int[] _durations;
    private readonly int _courseDays;
    private readonly int _firstDay;
    private readonly int _lastDay;
    private readonly int _referenceDay;
    private readonly int _notBeforeTimeDay = int.MinValue;
    private readonly int _notBeforeTimeSeconds;
    private readonly string? _kind;
    private readonly Dictionary<int, OpenDay?> _openDays = [];
    private readonly Dictionary<long, DayGrid?> _grids = [];
    private readonly int[] _at;
    private int[] _busyStarts = new int[32];
    private int[] _busyEnds = new int[32];
    private int _openRanges;

    public SlotSearch(ClinicSchedule schedule, BookingIndex index, SlotRequest request)
    {
        _schedule = schedule;
        _index = index;
        _request = request;
        _kind = string.IsNullOrWhiteSpace(request.RequiredChairKind) ? null : request.RequiredChairKind.Trim();
        _chairIds = ChairsOfKind(schedule.Chairs, _kind);
        _step = schedule.GranularityMinutes * 60;
        _courseDays = request.CourseDays;
        _durations = new int[_courseDays];
        for (var i = 0; i < _courseDays; i++)
        {
            _durations[i] = request.DurationOnDay(i) * 60;
        }

        _at = new int[_courseDays];
        var first = request.From.DayNumber;
        if (request.NotBefore is { } notBefore)
        {
            first = Math.Max(first, notBefore.DayNumber);
        }

        if (request.NotBeforeTime is { } notBeforeTime)
        {
            _notBeforeTimeDay = BookingIndex.DayNumberOf(notBeforeTime.Ticks);
            _notBeforeTimeSeconds = Seconds.Ceiling(notBeforeTime.Ticks - ((long)_notBeforeTimeDay * TimeSpan.TicksPerDay));
            first = Math.Max(first, _notBeforeTimeDay);
        }

        _firstDay = first;
        _lastDay = request.To.DayNumber;
        var reference = (request.Target ?? request.From).DayNumber;
        _referenceDay = Math.Max(reference, _firstDay);
    }

    public IReadOnlyList<Slot> Run()
    {
        if (_chairIds.Length == 0 || _firstDay > _lastDay)
        {
            return [];
        }

        var top = new TopList(_request.MaxResults);
        var grids = new DayGrid[_courseDays];
        foreach (var day in DaysByCost())
        {
            var distanceCost = SlotScoring.PerDayFromReference * Math.Abs(day - _referenceDay);
            if (top.IsFull && distanceCost > top.WorstScore)
            {
                break; // every later day costs at least as much, and no term is negative
            }

            var dayCost = distanceCost + (WeekdayPreferred(day) ? 0 : SlotScoring.WeekdayMissed);

            if (!LoadGrids(day, grids))
            {
                continue;
            }

            _openRanges++;
            if (!AddConsistent(day, dayCost, grids, top) && _courseDays > 1)
            {
                AddMixed(day, dayCost, grids, top);
            }
        }

        return top.ToSlots(this);
    }

    /// <summary>Why <see cref="Run"/> found nothing (call after it).</summary>
    public string WhyNothing()
    {
        var window = $"{SlotFinder.Format(_request.From)}..{SlotFinder.Format(_request.To)}";
        if (_chairIds.Length == 0)
        {
            return _kind is null ? "No active chairs" : $"No active chair of kind {_kind}";
        }

        if (_firstDay > _lastDay)
        {
            return $"The window {window} ends before the first allowed day {SlotFinder.Format(DateOnly.FromDayNumber(_firstDay))}";
        }

        if (_openRanges == 0)
        {
            return _courseDays == 1
                ? $"The clinic is closed on every day inside the window {window}"
                : $"No {_courseDays} consecutive open days start inside the window {window}";
        }

        var kind = _kind is null ? "" : $" of kind {_kind}";
        var course = _courseDays == 1 ? "" : $" for a {_courseDays}-day course";
        return $"No free chair{kind}{course} inside the window {window}";
    }

    private static int[] ChairsOfKind(IReadOnlyList<ChairInfo> chairs, string? kind)
    {
        var ids = new List<int>(chairs.Count);
        foreach (var chair in chairs)
        {
            if (chair is not null && (kind is null || string.Equals(chair.Kind?.Trim(), kind, StringComparison.OrdinalIgnoreCase)))
            {
                ids.Add(chair.Id);
            }
        }

        ids.Sort();
        var distinct = new List<int>(ids.Count);
        foreach (var id in ids)
        {
            if (distinct.Count == 0 || distinct[^1] != id)
            {
                distinct.Add(id);
            }
        }

        return [.. distinct];
    }

    /// <summary>The allowed days for course day 1, nearest to the reference day first (ties: the earlier day).</summary>
    private IEnumerable<int> DaysByCost()
    {
        var reference = Math.Clamp(_referenceDay, _firstDay, _lastDay);
        yield return reference;
        for (var distance = 1; reference - distance >= _firstDay || reference + distance <= _lastDay; distance++)
        {
            if (reference - distance >= _firstDay)
            {
                yield return reference - distance;
            }

            if (reference + distance <= _lastDay)
            {
                yield return reference + distance;
            }
        }
    }

    private static long StartTicks(int day, int seconds) => ((long)day * TimeSpan.TicksPerDay) + (seconds * TimeSpan.TicksPerSecond);

    private readonly record struct OpenDay(int Opens, int Closes, int Nurses);
}
