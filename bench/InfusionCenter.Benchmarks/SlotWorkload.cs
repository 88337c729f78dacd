using InfusionCenter.Domain.Scheduling;

namespace InfusionCenter.Benchmarks;

/// <summary>
/// A deterministic slot-finding workload: 40 chairs (36 recliners, 4 beds), open Mon–Fri 07:00–19:00, 6 nurses a day
/// (default rules: 24 patients at once, 12 starts per 30 minutes), and ~150,000 existing bookings of 1–7 h.
/// <para>
/// 150,000 bookings of 1–7 h cannot fit in 6 months of 40 chairs (that would be ~1,150 a day, and 6 nurses allow ~70), so
/// every open day is filled to a realistic ~90 % of the nurse capacity (bookings never overlap on a chair, patients are
/// never double booked, nurse limits are kept), the 6-month horizon (<see cref="HorizonStart"/> + 26 weeks) first, then
/// going back in time (history) until the count is reached. Queries look at the horizon; the index holds it all.
/// </para>
/// </summary>
public sealed class SlotWorkload
{
    public const int ChairCount = 40;
    public const int BedCount = 4;
    public const int Nurses = 6;
    public const int Patients = 4_000;

    private const int Bins = 12 * 4;

    private static readonly TimeOnly _opens = new(7, 0);
    private static readonly TimeOnly _closes = new(19, 0);

    /// <summary>Chair minutes of typical visits (natalizumab 2 h, ocrelizumab 3.5–6 h, alemtuzumab 7 h, steroids 1–1.5 h, ...).</summary>
    private static readonly int[] _visitMinutes = [60, 60, 90, 90, 120, 120, 120, 150, 180, 210, 240, 270, 300, 330, 360, 390, 420];

    public SlotWorkload(int bookings = 150_000, int queries = 1_000, int seed = 42)
    {
        Chairs = [.. Enumerable.Range(1, ChairCount).Select(id => new ChairInfo(id, id > ChairCount - BedCount ? "bed" : "recliner"))];
        Schedule = new ClinicSchedule
        {
            Chairs = Chairs,
            HoursOn = d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? null : new DayHours(_opens, _closes),
            NursesOn = _ => Nurses,
        };

        var random = new Random(seed);
        Bookings = GenerateBookings(bookings, random);
        Queries = GenerateQueries(queries, random);
    }

    /// <summary>Monday 1 June 2026: the clinic's "today"; the horizon is the 26 weeks from here.</summary>
    public static DateOnly HorizonStart { get; } = new(2026, 6, 1);

    public static DateOnly HorizonEnd { get; } = HorizonStart.AddDays((26 * 7) - 1);

    public IReadOnlyList<ChairInfo> Chairs { get; }

    public ClinicSchedule Schedule { get; }

    public Booking[] Bookings { get; }

    public SlotRequest[] Queries { get; }

    public DateOnly FirstBookedDay { get; private set; }

    public int HorizonBookings { get; private set; }

    public BookingIndex BuildIndex() => new(Bookings);

    private Booking[] GenerateBookings(int count, Random random)
    {
        var result = new List<Booking>(count);
        var occupancy = new int[Bins]; // patients in chairs per 15-minute bin of the day
        var starts = new int[Bins];    // starts per 15-minute bin
        var chairFreeFrom = new int[ChairCount];
        var patientsToday = new HashSet<int>();
        const int patientCap = Nurses * 4 * 9 / 10; // ~90 % of 24
        const int startCap = Nurses * 2;

        // the horizon first (forwards), then history (backwards from the day before the horizon)
        var days = new List<DateOnly>();
        for (var day = HorizonStart; day <= HorizonEnd; day = day.AddDays(1))
        {
            days.Add(day);
        }

        var horizonDays = days.Count;
        for (var i = 0; result.Count < count; i++)
        {
            var day = i < horizonDays ? days[i] : HorizonStart.AddDays(horizonDays - 1 - i);
            if (i == horizonDays)
            {
                HorizonBookings = result.Count;
            }

            if (Schedule.HoursOn(day) is null)
            {
                continue;
            }

            FirstBookedDay = i < horizonDays ? HorizonStart : day;
            Array.Clear(occupancy);
            Array.Clear(starts);
            Array.Clear(chairFreeFrom);
            patientsToday.Clear();
            for (var chair = 0; chair < ChairCount; chair++)
            {
                chairFreeFrom[chair] = random.Next(3);
            }

            // round-robin over chairs so the morning is shared; stop when no chair accepts more
            for (var progress = true; progress && result.Count < count;)
            {
                progress = false;
                for (var chair = 0; chair < ChairCount && result.Count < count; chair++)
                {
                    var length = _visitMinutes[random.Next(_visitMinutes.Length)] / 15;
                    for (var start = chairFreeFrom[chair]; start + length <= Bins; start++)
                    {
                        if (!Fits(occupancy, starts, start, length, patientCap, startCap))
                        {
                            continue;
                        }

                        int patient;
                        do
                        {
                            patient = 1 + random.Next(Patients);
                        }
                        while (!patientsToday.Add(patient));

                        for (var b = start; b < start + length; b++)
                        {
                            occupancy[b]++;
                        }

                        starts[start]++;
                        var at = day.ToDateTime(_opens).AddMinutes(15 * start);
                        result.Add(new Booking(chair + 1, at, at.AddMinutes(15 * length), patient));
                        chairFreeFrom[chair] = start + length + random.Next(3);
                        progress = true;
                        break;
                    }
                }
            }
        }

        if (HorizonBookings == 0)
        {
            HorizonBookings = result.Count;
        }

        return [.. result];
    }

    /// <summary>Nurse limits on the 15-minute grid: every bin under the patient cap; the 30-minute spans around the start under the start cap.</summary>
    private static bool Fits(int[] occupancy, int[] starts, int start, int length, int patientCap, int startCap)
    {
        for (var b = start; b < start + length; b++)
        {
            if (occupancy[b] >= patientCap)
            {
                return false;
            }
        }

        var before = start > 0 ? starts[start - 1] : 0;
        var after = start + 1 < starts.Length ? starts[start + 1] : 0;
        return before + starts[start] < startCap && starts[start] + after < startCap;
    }

    private static SlotRequest[] GenerateQueries(int count, Random random)
    {
        var queries = new SlotRequest[count];
        for (var i = 0; i < count; i++)
        {
            var from = HorizonStart.AddDays(random.Next(26 * 7 - 14));
            var course = random.Next(10) == 0;
            var bed = random.Next(5) == 0;
            queries[i] = new SlotRequest
            {
                DurationMinutes = 60 + (15 * random.Next(25)), // 60–420
                From = from,
                To = from.AddDays(13),
                Target = random.Next(4) == 0 ? null : from.AddDays(random.Next(14)),
                RequiredChairKind = bed ? "bed" : null,
                PatientId = random.Next(2) == 0 ? 1 + random.Next(Patients) : null,
                CourseDays = course ? 3 : 1,
                NotBefore = HorizonStart,
                Preference = (TimePreference)random.Next(3),
                MaxResults = 10,
            };
        }

        return queries;
    }
}
