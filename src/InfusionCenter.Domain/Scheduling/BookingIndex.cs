namespace InfusionCenter.Domain.Scheduling;

/// <summary>
/// Existing bookings indexed for the slot finder: per day (with the nurse-load profile of that day), per chair-day and per
/// patient, each sorted by start. Built once (O(n log n)), queried many times, updated by <see cref="Add"/> (auto-scheduling).
/// A booking that spans midnight belongs to every day it touches. Not thread-safe while <see cref="Add"/> runs;
/// concurrent reads are fine (nothing is computed lazily).
/// </summary>
public sealed class BookingIndex
{
    private readonly Dictionary<int, DayBookings> _days = [];
    private readonly Dictionary<long, List<Booking>> _chairDays = [];
    private readonly Dictionary<int, List<Booking>> _patients = [];

    /// <exception cref="ArgumentException">A booking ends before it starts.</exception>
    public BookingIndex(IEnumerable<Booking> bookings)
    {
        ArgumentNullException.ThrowIfNull(bookings);
        foreach (var booking in bookings)
        {
            Place(booking);
        }

        foreach (var list in _chairDays.Values)
        {
            list.Sort(BookingOrder.Instance);
        }

        foreach (var list in _patients.Values)
        {
            list.Sort(BookingOrder.Instance);
        }

        foreach (var (dayNumber, day) in _days)
        {
            day.Bookings.Sort(BookingOrder.Instance);
            day.Rebuild(dayNumber);
        }
    }

    /// <summary>Number of bookings indexed.</summary>
    public int Count { get; private set; }

    /// <summary>Adds a booking (kept sorted; the nurse-load profile of each day it touches is rebuilt).</summary>
    /// <exception cref="ArgumentException">The booking ends before it starts.</exception>
    public void Add(Booking booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        Validate(booking);
        Count++;
        var (first, last) = DaysTouched(booking);
        for (var day = first; day <= last; day++)
        {
            var data = DayData(day);
            InsertSorted(data.Bookings, booking);
            data.Rebuild(day);
            InsertSorted(ChairDayList(booking.ChairId, day), booking);
        }

        if (booking.PatientId is { } patientId)
        {
            InsertSorted(PatientList(patientId), booking);
        }
    }

    /// <summary>Bookings that touch <paramref name="day"/> (start before its end and end after its start), by start then chair.</summary>
    public IReadOnlyList<Booking> On(DateOnly day) =>
        _days.TryGetValue(day.DayNumber, out var data) ? data.Bookings.ToArray() : [];

    /// <summary>True when no booking of the chair overlaps [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public bool IsChairFree(int chairId, DateTime start, DateTime end)
    {
        if (end <= start)
        {
            return true;
        }

        var last = DayNumberOf(end.Ticks - 1);
        for (var day = DayNumberOf(start.Ticks); day <= last; day++)
        {
            if (_chairDays.TryGetValue(ChairDayKey(chairId, day), out var list) && Overlaps(list, start, end))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when no booking of the patient (on any chair) overlaps [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public bool IsPatientFree(int patientId, DateTime start, DateTime end) =>
        end <= start || !_patients.TryGetValue(patientId, out var list) || !Overlaps(list, start, end);

    internal DayBookings? Day(int dayNumber) => _days.GetValueOrDefault(dayNumber);

    internal List<Booking>? ChairDay(int chairId, int dayNumber) => _chairDays.GetValueOrDefault(ChairDayKey(chairId, dayNumber));

    internal List<Booking>? Patient(int patientId) => _patients.GetValueOrDefault(patientId);

    internal static int DayNumberOf(long ticks) => (int)(ticks / TimeSpan.TicksPerDay);

    private void Place(Booking booking)
    {
        ArgumentNullException.ThrowIfNull(booking, nameof(booking));
        Validate(booking);
        Count++;
        var (first, last) = DaysTouched(booking);
        for (var day = first; day <= last; day++)
        {
            DayData(day).Bookings.Add(booking);
            ChairDayList(booking.ChairId, day).Add(booking);
        }

        if (booking.PatientId is { } patientId)
        {
            PatientList(patientId).Add(booking);
        }
    }

    private static void Validate(Booking booking)
    {
        if (booking.End < booking.Start)
        {
            throw new ArgumentException($"Booking on chair {booking.ChairId} ends ({booking.End:s}) before it starts ({booking.Start:s}).", nameof(booking));
        }
    }

    private static (int First, int Last) DaysTouched(Booking booking)
    {
        var first = DayNumberOf(booking.Start.Ticks);
        var last = booking.End > booking.Start ? DayNumberOf(booking.End.Ticks - 1) : first;
        return (first, last);
    }

    private DayBookings DayData(int day)
    {
        if (!_days.TryGetValue(day, out var data))
        {
            data = new DayBookings();
            _days.Add(day, data);
        }

        return data;
    }

    private List<Booking> ChairDayList(int chairId, int day)
    {
        var key = ChairDayKey(chairId, day);
        if (!_chairDays.TryGetValue(key, out var list))
        {
            list = [];
            _chairDays.Add(key, list);
        }

        return list;
    }

    private List<Booking> PatientList(int patientId)
    {
        if (!_patients.TryGetValue(patientId, out var list))
        {
            list = [];
            _patients.Add(patientId, list);
        }

        return list;
    }

    private static long ChairDayKey(int chairId, int day) => ((long)chairId << 32) | (uint)day;

    private static void InsertSorted(List<Booking> list, Booking booking)
    {
        var at = list.BinarySearch(booking, BookingOrder.Instance);
        list.Insert(at < 0 ? ~at : at, booking);
    }

    private static bool Overlaps(List<Booking> sortedByStart, DateTime start, DateTime end)
    {
        foreach (var booking in sortedByStart)
        {
            if (booking.Start >= end)
            {
                return false;
            }

            if (booking.End > start && booking.End > booking.Start)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Start, end, chair, patient: a total, deterministic order.</summary>
    private sealed class BookingOrder : IComparer<Booking>
    {
        public static readonly BookingOrder Instance = new();

        public int Compare(Booking? x, Booking? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null)
            {
                return -1;
            }

            if (y is null)
            {
                return 1;
            }

            var c = x.Start.Ticks.CompareTo(y.Start.Ticks);
            if (c == 0)
            {
                c = x.End.Ticks.CompareTo(y.End.Ticks);
            }

            if (c == 0)
            {
                c = x.ChairId.CompareTo(y.ChairId);
            }

            return c != 0 ? c : (x.PatientId ?? int.MinValue).CompareTo(y.PatientId ?? int.MinValue);
        }
    }
}

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
