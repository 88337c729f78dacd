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
