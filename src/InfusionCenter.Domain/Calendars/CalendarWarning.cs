namespace InfusionCenter.Domain.Calendars;

/// <summary>Something the user must see about one dose (<paramref name="Code"/> is one of <see cref="CalendarWarningCodes"/>).</summary>
public sealed record CalendarWarning(int Sequence, string Code, string Message);

public static class CalendarWarningCodes
{
    /// <summary>A dose recorded as given closer than the protocol's minimum spacing to the previous given dose.</summary>
    public const string MinSpacingViolated = "min-spacing";

    /// <summary>A planned date was moved later than the label schedule so that it keeps the minimum spacing.</summary>
    public const string PushedForMinSpacing = "pushed-for-min-spacing";

    /// <summary>A course day recorded on a date that does not follow the previous course day.</summary>
    public const string CourseNotConsecutive = "course-not-consecutive";

    /// <summary>A dose recorded as given before the previous dose of the series.</summary>
    public const string GivenOutOfOrder = "given-out-of-order";

    /// <summary>A dose recorded as given whose sequence is not part of this calendar (beyond the cap, the end or the courses).</summary>
    public const string GivenNotInPlan = "given-not-in-plan";
}
