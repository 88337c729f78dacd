namespace InfusionCenter.Domain.Scheduling;

/// <summary>
/// One <see cref="SlotFinder.Find"/> run. Works in whole seconds since midnight per day. For each (day, visit length) it
/// builds a grid once: which starts pass the hours, NotBeforeTime, patient and nurse checks (chair-independent), their
/// within-day cost, and which chairs are free at each start (one sweep per chair over its merged busy intervals). Course
/// day-ranges then combine the grids of consecutive days. Days are visited in order of their day cost, so the search
/// stops as soon as a day cannot beat the worst slot kept.
/// </summary>
internal sealed class SlotSearch
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

    private bool WeekdayPreferred(int day) =>
        _request.PreferredWeekdays is not { Count: > 0 } preferred || preferred.Contains(DateOnly.FromDayNumber(day).DayOfWeek);

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

    private bool LoadGrids(int day, DayGrid[] grids)
    {
        for (var i = 0; i < _courseDays; i++)
        {
            if (Grid(day + i, _durations[i]) is not { } grid)
            {
                return false;
            }

            grids[i] = grid;
        }

        return true;
    }

    /// <summary>Same chair, same start time every course day (a single dose: every free chair and start). True if any exists.</summary>
    private bool AddConsistent(int day, double dayCost, DayGrid[] grids, TopList top)
    {
        var first = grids[0];
        var chairs = _chairIds.Length;
        var any = false;
        for (var k = 0; k < first.Slots; k++)
        {
            if (!first.Ok[k])
            {
                continue;
            }

            var time = first.Opens + (k * _step);
            var cost = dayCost + first.Cost[k];
            var aligned = true;
            for (var i = 1; i < _courseDays && aligned; i++)
            {
                var grid = grids[i];
                var offset = time - grid.Opens;
                var j = offset / _step;
                aligned = offset >= 0 && offset % _step == 0 && j < grid.Slots && grid.Ok[j];
                if (aligned)
                {
                    _at[i] = j;
                    cost += grid.Cost[j];
                }
            }

            if (!aligned)
            {
                continue;
            }

            var competitive = top.WouldAccept(cost, int.MinValue, long.MinValue);
            if (!competitive && any)
            {
                continue;
            }

            for (var c = 0; c < chairs; c++)
            {
                if (!first.Feasible[(c * first.Slots) + k] || !FreeOnLaterDays(grids, c))
                {
                    continue;
                }

                any = true;
                if (!competitive || !top.TryAdd(new Candidate(cost, _chairIds[c], StartTicks(day, time), day, time, null)))
                {
                    break; // later chairs have higher ids: they lose the tie-break too
                }
            }
        }

        return any;
    }

    private bool FreeOnLaterDays(DayGrid[] grids, int chair)
    {
        for (var i = 1; i < _courseDays; i++)
        {
            var grid = grids[i];
            if (!grid.Feasible[(chair * grid.Slots) + _at[i]])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// No same-chair same-time option exists for this day 1: for each free (chair, start) of day 1, each later day takes the
    /// option closest to it (another start on the same chair, or the lowest free chair at a start), penalised per
    /// <see cref="SlotScoring"/>.
    /// </summary>
    private void AddMixed(int day, double dayCost, DayGrid[] grids, TopList top)
    {
        for (var i = 1; i < _courseDays; i++)
        {
            if (!grids[i].Any)
            {
                return;
            }
        }

        var first = grids[0];
        var chairs = _chairIds.Length;
        var choiceChairs = new int[_courseDays];
        for (var k = 0; k < first.Slots; k++)
        {
            if (!first.Ok[k])
            {
                continue;
            }

            if (!top.WouldAccept(dayCost + first.Cost[k], int.MinValue, long.MinValue))
            {
                continue; // later days only add cost
            }

            var time = first.Opens + (k * _step);
            for (var c = 0; c < chairs; c++)
            {
                if (!first.Feasible[(c * first.Slots) + k])
                {
                    continue;
                }

                var cost = dayCost + first.Cost[k];
                choiceChairs[0] = c;
                _at[0] = k;
                for (var i = 1; i < _courseDays; i++)
                {
                    cost += BestAlternative(grids[i], c, time, out choiceChairs[i], out _at[i]);
                }

                var startTicks = StartTicks(day, time);
                if (!top.WouldAccept(cost, _chairIds[c], startTicks))
                {
                    continue;
                }

                var days = new SlotDay[_courseDays];
                for (var i = 0; i < _courseDays; i++)
                {
                    var grid = grids[i];
                    var start = StartTicks(day + i, grid.Opens + (_at[i] * _step));
                    days[i] = new SlotDay(_chairIds[choiceChairs[i]], new DateTime(start), new DateTime(start + (_durations[i] * TimeSpan.TicksPerSecond)));
                }

                top.TryAdd(new Candidate(cost, _chairIds[c], startTicks, day, time, days));
            }
        }
    }

    private double BestAlternative(DayGrid grid, int chair, int time, out int bestChair, out int bestSlot)
    {
        var firstFree = grid.FirstFreeChairs(_chairIds.Length);
        var best = double.MaxValue;
        bestChair = -1;
        bestSlot = -1;
        for (var j = 0; j < grid.Slots; j++)
        {
            if (firstFree[j] < 0)
            {
                continue;
            }

            var at = grid.Opens + (j * _step);
            var cost = grid.Cost[j] + (at == time ? 0 : SlotScoring.CourseTimeChange + (SlotScoring.CourseTimeShiftPerMinute * Math.Abs(at - time) / 60.0));
            var sameChair = grid.Feasible[(chair * grid.Slots) + j];
            if (!sameChair)
            {
                cost += SlotScoring.CourseChairChange;
            }

            if (cost < best)
            {
                best = cost;
                bestChair = sameChair ? chair : firstFree[j];
                bestSlot = j;
            }
        }

        return best;
    }

    private DayGrid? Grid(int day, int duration)
    {
        var key = ((long)day << 20) | (uint)duration;
        if (!_grids.TryGetValue(key, out var grid))
        {
            grid = BuildGrid(day, duration);
            _grids.Add(key, grid);
        }

        return grid;
    }

    private OpenDay? OpenOn(int day)
    {
        if (!_openDays.TryGetValue(day, out var open))
        {
            var date = DateOnly.FromDayNumber(day);
            if (_schedule.HoursOn(date) is { } hours && hours.Closes > hours.Opens)
            {
                var opens = (int)(hours.Opens.Ticks / TimeSpan.TicksPerSecond);
                var closes = (int)(hours.Closes.Ticks / TimeSpan.TicksPerSecond);
                open = new OpenDay(opens, closes, Math.Max(0, _schedule.NursesOn(date)));
            }

            _openDays.Add(day, open);
        }

        return open;
    }

    private DayGrid? BuildGrid(int day, int duration)
    {
        if (OpenOn(day) is not { } open)
        {
            return null;
        }

        var length = open.Closes - open.Opens;
        var slots = duration <= length ? ((length - duration) / _step) + 1 : 0;
        var grid = new DayGrid(open.Opens, slots, _chairIds.Length);
        if (slots == 0 || day < _notBeforeTimeDay)
        {
            return grid;
        }

        var data = _index.Day(day);
        var rules = _schedule.Rules;
        var patientCap = open.Nurses > 0 && rules.MaxPatientsPerNurse > 0 ? open.Nurses * rules.MaxPatientsPerNurse : int.MaxValue;
        var startCap = open.Nurses > 0 && rules.MaxStartsPerNursePer30Minutes > 0 ? open.Nurses * rules.MaxStartsPerNursePer30Minutes : int.MaxValue;
        var busy = _request.PatientId is { } patientId ? MergeBusy(_index.Patient(patientId), day) : 0;
        var anyOk = false;
        for (int k = 0, p = 0; k < slots; k++)
        {
            var start = open.Opens + (k * _step);
            var end = start + duration;
            if (day == _notBeforeTimeDay && start < _notBeforeTimeSeconds)
            {
                continue;
            }

            while (p < busy && _busyEnds[p] <= start)
            {
                p++;
            }

            if (p < busy && _busyStarts[p] < end)
            {
                continue; // the patient is booked elsewhere
            }

            if (data is not null
                && ((patientCap != int.MaxValue && data.MaxOccupancy(start, end) >= patientCap)
                    || (startCap != int.MaxValue && data.MaxStartsInSpanAround(start, StartSpanSeconds) >= startCap)))
            {
                continue; // nurse limits
            }

            grid.Ok[k] = true;
            grid.Cost[k] = WithinDayCost(data, open.Opens, start, duration);
            anyOk = true;
        }

        if (!anyOk)
        {
            return grid;
        }

        for (var c = 0; c < _chairIds.Length; c++)
        {
            var intervals = MergeBusy(_index.ChairDay(_chairIds[c], day), day);
            var row = c * slots;
            for (int k = 0, p = 0; k < slots; k++)
            {
                if (!grid.Ok[k])
                {
                    continue;
                }

                var start = open.Opens + (k * _step);
                while (p < intervals && _busyEnds[p] <= start)
                {
                    p++;
                }

                if (p < intervals && _busyStarts[p] < start + duration)
                {
                    continue;
                }

                grid.Feasible[row + k] = true;
                grid.Any = true;
            }
        }

        return grid;
    }

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

    /// <summary>Merges the bookings (sorted by start) that touch <paramref name="day"/> into busy intervals in the buffers; returns their count.</summary>
    private int MergeBusy(List<Booking>? bookings, int day)
    {
        if (bookings is null)
        {
            return 0;
        }

        var dayStart = (long)day * TimeSpan.TicksPerDay;
        var dayEnd = dayStart + TimeSpan.TicksPerDay;
        var count = 0;
        foreach (var booking in bookings)
        {
            if (booking.Start.Ticks >= dayEnd)
            {
                break;
            }

            if (booking.End.Ticks <= dayStart || booking.End <= booking.Start)
            {
                continue;
            }

            var start = Seconds.Floor(booking.Start.Ticks - dayStart);
            var end = Seconds.Ceiling(booking.End.Ticks - dayStart);
            if (count > 0 && start <= _busyEnds[count - 1])
            {
                _busyEnds[count - 1] = Math.Max(_busyEnds[count - 1], end);
                continue;
            }

            if (count == _busyStarts.Length)
            {
                Array.Resize(ref _busyStarts, count * 2);
                Array.Resize(ref _busyEnds, count * 2);
            }

            _busyStarts[count] = start;
            _busyEnds[count] = end;
            count++;
        }

        return count;
    }

    private static long StartTicks(int day, int seconds) => ((long)day * TimeSpan.TicksPerDay) + (seconds * TimeSpan.TicksPerSecond);

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

    private readonly record struct OpenDay(int Opens, int Closes, int Nurses);

    private readonly record struct Candidate(double Score, int ChairId, long StartTicks, int Day, int Seconds, SlotDay[]? Days);

    /// <summary>The slots of one (day, visit length): per start, chair-independent checks and cost; per chair and start, free or not.</summary>
    private sealed class DayGrid(int opens, int slots, int chairs)
    {
        private int[]? _firstFree;

        public int Opens { get; } = opens;

        public int Slots { get; } = slots;

        /// <summary>Per start: inside hours and NotBeforeTime, patient free, nurse limits kept.</summary>
        public bool[] Ok { get; } = new bool[slots];

        public double[] Cost { get; } = new double[slots];

        /// <summary>[chair index × Slots + start index]: <see cref="Ok"/> and the chair is free.</summary>
        public bool[] Feasible { get; } = new bool[slots * chairs];

        public bool Any { get; set; }

        /// <summary>Per start: the lowest free chair index, or -1.</summary>
        public int[] FirstFreeChairs(int chairs)
        {
            if (_firstFree is null)
            {
                _firstFree = new int[Slots];
                Array.Fill(_firstFree, -1);
                for (var c = chairs - 1; c >= 0; c--)
                {
                    for (var k = 0; k < Slots; k++)
                    {
                        if (Feasible[(c * Slots) + k])
                        {
                            _firstFree[k] = c;
                        }
                    }
                }
            }

            return _firstFree;
        }
    }

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
