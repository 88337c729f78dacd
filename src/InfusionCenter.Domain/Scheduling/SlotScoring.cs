namespace InfusionCenter.Domain.Scheduling;

/// <summary>
/// How <see cref="SlotFinder"/> ranks slots. A slot's <see cref="Slot.Score"/> is a cost (0 = ideal, lower is better), the
/// sum of the terms below; ties are broken by chair id, then start. Every term is ≥ 0, so a whole day can be skipped once
/// its day term alone is worse than the worst slot kept. Roughly, 10 points = one day further from the target: the day
/// dominates, the time of day decides within a day (and can beat a neighbouring day only when the slot is clearly poor).
/// <list type="bullet">
/// <item><b>Day</b>: <see cref="PerDayFromReference"/> × |day − reference|. The reference is the target date; when there is
/// no target, or it lies before the first allowed day (From, NotBefore, NotBeforeTime), the first allowed day: then earlier
/// is better. For a course, day 1 counts.</item>
/// <item><b>Stagger</b>: <see cref="PerNearbyStart"/> × the number of other infusions starting less than 30 minutes before or
/// after the candidate start, clinic-wide (spreads starts away from the nurses' busiest moments and the midday peak).</item>
/// <item><b>Long infusions early</b>: for visits of at least <see cref="LongVisitMinutes"/>,
/// <see cref="LateLongPerHourPerHour"/> × (hours after opening) × (visit hours), so a 7 h visit starting 4 h after opening
/// costs 0.1 × 4 × 7 = 2.8 and the late chair hours stay free for short visits.</item>
/// <item><b>Preference</b>: <see cref="PreferenceMissed"/> when a Morning request starts at or after 12:00 or an Afternoon
/// request starts before 12:00.</item>
/// <item><b>Weekday</b>: <see cref="WeekdayMissed"/> when the request names preferred weekdays and day 1 is not one of them:
/// about two and a half days' worth, so a patient who comes on Tuesdays is booked on the Tuesday nearest the target when
/// it is at most two days away (inside the dose's window), and on the target day otherwise.</item>
/// <item><b>Course</b>: the stagger, long-visit and preference terms are summed over the course days. Same chair and same
/// start time every day is the norm; only when no such option exists for a given day 1, each later day that differs costs
/// <see cref="CourseChairChange"/> for another chair and <see cref="CourseTimeChange"/> +
/// <see cref="CourseTimeShiftPerMinute"/> × |shift in minutes| for another start time.</item>
/// </list>
/// </summary>
public static class SlotScoring
{
    public const double PerDayFromReference = 10.0;
    public const double PerNearbyStart = 0.5;
    public const int NearbyStartMinutes = 30;
    public const int LongVisitMinutes = 240;
    public const double LateLongPerHourPerHour = 0.1;
    public const double PreferenceMissed = 5.0;
    public const double WeekdayMissed = 25.0;
    public const int NoonMinutes = 12 * 60;
    public const double CourseChairChange = 2.0;
    public const double CourseTimeChange = 2.0;
    public const double CourseTimeShiftPerMinute = 0.02;
}
