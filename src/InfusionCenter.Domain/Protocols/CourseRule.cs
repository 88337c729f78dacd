namespace InfusionCenter.Domain.Protocols;

public enum CourseGapAnchor
{
    /// <summary>The gap is counted from the first day of the previous course (alemtuzumab course 2).</summary>
    PreviousCourseStart,

    /// <summary>The gap is counted from the last day of the previous course.</summary>
    PreviousCourseEnd,
}

/// <summary>Chair time that applies from <paramref name="FromDay"/> of a course until the next entry's day.</summary>
public sealed record CourseDayChairTime(int FromDay, ChairTime ChairTime);

/// <summary>
/// Courses of consecutive calendar days (alemtuzumab: 5 days, then 3 days 12 months later;
/// methylprednisolone: one course of 3–5 days). A course is never split.
/// </summary>
public sealed record CourseRule
{
    /// <summary>Length of course 1 in days, and the default when a range is allowed.</summary>
    public required int FirstCourseDays { get; init; }

    /// <summary>Length of courses 2, 3, ...; null = same as course 1 (including a requested length).</summary>
    public int? SubsequentCourseDays { get; init; }

    /// <summary>Shortest course length that may be ordered (null = the length is fixed).</summary>
    public int? MinDays { get; init; }

    /// <summary>Longest course length that may be ordered (null = the length is fixed).</summary>
    public int? MaxDays { get; init; }

    /// <summary>Gap from the previous course (see <see cref="GapAnchor"/>) to the first day of the next.</summary>
    public Interval? Gap { get; init; }

    public CourseGapAnchor GapAnchor { get; init; } = CourseGapAnchor.PreviousCourseStart;

    /// <summary>Anchor of the gap for courses beyond <see cref="PlannedCourses"/> (ordered ones); null = <see cref="GapAnchor"/>.</summary>
    public CourseGapAnchor? OnOrderGapAnchor { get; init; }

    /// <summary>Courses the calendar plans automatically.</summary>
    public int PlannedCourses { get; init; } = 1;

    /// <summary>Most courses that may be requested (further ones "on order only"); null = no limit.</summary>
    public int? MaxCourses { get; init; }

    /// <summary>Dose given on each course day.</summary>
    public required DoseAmount DailyAmount { get; init; }

    /// <summary>Step function of chair time per day in course; the first entry starts on day 1.</summary>
    public required IReadOnlyList<CourseDayChairTime> DayChairTimes { get; init; }

    /// <summary>Window of a course's first day; null = the protocol's default window.</summary>
    public DoseWindow? FirstDayWindow { get; init; }

    /// <summary>Window of the other days of a course (default: exactly on the day).</summary>
    public DoseWindow SubsequentDayWindow { get; init; } = DoseWindow.Exact;

    public string Label { get; init; } = "course day";

    public bool HasLengthRange => MinDays is not null || MaxDays is not null;

    /// <summary>Chair time of <paramref name="dayInCourse"/> (1-based).</summary>
    public ChairTime ChairTimeForDay(int dayInCourse)
    {
        var times = DayChairTimes;
        var result = times[0].ChairTime;
        for (var i = 1; i < times.Count && times[i].FromDay <= dayInCourse; i++)
        {
            result = times[i].ChairTime;
        }

        return result;
    }

    public bool Equals(CourseRule? other) =>
        other is not null
        && FirstCourseDays == other.FirstCourseDays
        && SubsequentCourseDays == other.SubsequentCourseDays
        && MinDays == other.MinDays
        && MaxDays == other.MaxDays
        && Equals(Gap, other.Gap)
        && GapAnchor == other.GapAnchor
        && OnOrderGapAnchor == other.OnOrderGapAnchor
        && PlannedCourses == other.PlannedCourses
        && MaxCourses == other.MaxCourses
        && Equals(DailyAmount, other.DailyAmount)
        && ListEquality.SequenceEqual(DayChairTimes, other.DayChairTimes)
        && Equals(FirstDayWindow, other.FirstDayWindow)
        && Equals(SubsequentDayWindow, other.SubsequentDayWindow)
        && string.Equals(Label, other.Label, StringComparison.Ordinal);

    public override int GetHashCode() =>
        HashCode.Combine(FirstCourseDays, SubsequentCourseDays, Gap, PlannedCourses, DailyAmount, ListEquality.Hash(DayChairTimes));
}
