namespace InfusionCenter.Domain.Scheduling;

/// <summary>
/// What to find a slot for: a single dose (<see cref="CourseDays"/> = 1) or a course of consecutive calendar days booked
/// as one unit. All dates and times are clinic-local wall clock.
/// </summary>
public sealed record SlotRequest
{
    public const int MaxCourseDays = 31;

    /// <summary>Chair minutes of the visit (1..1440); every course day unless <see cref="CourseDurations"/> is set.</summary>
    public required int DurationMinutes { get; init; }

    /// <summary>Earliest day (inclusive) for the (first) day of the slot.</summary>
    public required DateOnly From { get; init; }

    /// <summary>Latest day (inclusive) for the (first) day of the slot; later course days may fall after it.</summary>
    public required DateOnly To { get; init; }

    /// <summary>The dose's target date: days close to it rank first. Null (or a day before the first allowed day) = earliest first.</summary>
    public DateOnly? Target { get; init; }

    /// <summary>Chair kind the visit needs (compared case-insensitively); null or blank = any chair.</summary>
    public string? RequiredChairKind { get; init; }

    /// <summary>The patient, who must not be double booked (their existing bookings block the time on any chair).</summary>
    public int? PatientId { get; init; }

    /// <summary>Consecutive calendar days booked as one unit (1..31): alemtuzumab 5, methylprednisolone 3–5.</summary>
    public int CourseDays { get; init; } = 1;

    /// <summary>Per-day chair minutes of a course (day 1..n, exactly <see cref="CourseDays"/> entries); null = <see cref="DurationMinutes"/> every day.</summary>
    public IReadOnlyList<int>? CourseDurations { get; init; }

    /// <summary>No day before this one is offered (e.g. the clinic's today).</summary>
    public DateOnly? NotBefore { get; init; }

    /// <summary>No start earlier than this is offered (e.g. now): earlier days are skipped, on its day earlier starts are.</summary>
    public DateTime? NotBeforeTime { get; init; }

    /// <summary>At most this many slots are returned (≤ 0: none).</summary>
    public int MaxResults { get; init; } = 10;

    public TimePreference Preference { get; init; } = TimePreference.None;

    /// <summary>Weekdays the patient prefers (a soft preference for day 1: see <see cref="SlotScoring.WeekdayMissed"/>); null or empty = any.</summary>
    public IReadOnlyCollection<DayOfWeek>? PreferredWeekdays { get; init; }

    /// <summary>Chair minutes of course day <paramref name="dayIndex"/> (0-based).</summary>
    public int DurationOnDay(int dayIndex) => CourseDurations is { } durations ? durations[dayIndex] : DurationMinutes;

    /// <summary>Why the request cannot be searched (null when it can). <see cref="SlotFinder.Find"/> throws with this message.</summary>
    public string? Problem()
    {
        if (CourseDays < 1 || CourseDays > MaxCourseDays)
        {
            return $"CourseDays must be between 1 and {MaxCourseDays} (was {CourseDays})";
        }

        if (CourseDurations is { } durations)
        {
            if (durations.Count != CourseDays)
            {
                return $"CourseDurations must have one entry per course day ({CourseDays}), has {durations.Count}";
            }

            for (var i = 0; i < durations.Count; i++)
            {
                if (durations[i] is < 1 or > 24 * 60)
                {
                    return $"CourseDurations[{i}] must be between 1 and 1440 minutes (was {durations[i]})";
                }
            }
        }
        else if (DurationMinutes is < 1 or > 24 * 60)
        {
            return $"DurationMinutes must be between 1 and 1440 (was {DurationMinutes})";
        }

        return null;
    }
}
