namespace InfusionCenter.Domain.Scheduling;

/// <summary>
/// Day grids: for one (day, visit length), which starts pass the hours, NotBeforeTime, patient and nurse checks, and which
/// chairs are free at each start (built once per key and cached); plus the merging of bookings into busy intervals.
/// </summary>
internal sealed partial class SlotSearch
{
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
}
