namespace InfusionCenter.Domain.Protocols;

/// <summary>
/// The course section: course lengths and counts, the gap between courses (and its fit with the minimum spacing), the
/// daily amount, per-day chair times and windows.
/// </summary>
public static partial class ProtocolRules
{
    private static void ValidateCourses(ref Errors errors, CourseRule courses, MinimumSpacing? spacing)
    {
        if (courses.FirstCourseDays is < 1 or > MaxCourseDays)
        {
            errors.Add("courses.firstCourseDays", $"firstCourseDays must be between 1 and {MaxCourseDays}");
        }

        if (courses.SubsequentCourseDays is < 1 or > MaxCourseDays)
        {
            errors.Add("courses.subsequentCourseDays", $"subsequentCourseDays must be between 1 and {MaxCourseDays} when set");
        }

        if (courses.MinDays is null != courses.MaxDays is null)
        {
            errors.Add("courses.minDays", "minDays and maxDays must be set together (or both null for a fixed length)");
        }
        else if (courses.MinDays is { } min && courses.MaxDays is { } max)
        {
            if (min < 1 || max > MaxCourseDays)
            {
                errors.Add("courses.minDays", $"the course length range must lie between 1 and {MaxCourseDays} days");
            }

            if (!(min <= courses.FirstCourseDays && courses.FirstCourseDays <= max))
            {
                errors.Add("courses.firstCourseDays", "the course length range must satisfy minDays ≤ firstCourseDays (the default) ≤ maxDays");
            }
        }

        if (courses.PlannedCourses < 1 || courses.PlannedCourses > MaxCourses)
        {
            errors.Add("courses.plannedCourses", $"plannedCourses must be between 1 and {MaxCourses}");
        }

        if (courses.MaxCourses is { } maxCourses && (maxCourses < courses.PlannedCourses || maxCourses > MaxCourses))
        {
            errors.Add("courses.maxCourses", $"maxCourses must be between plannedCourses and {MaxCourses} when set");
        }

        var mayHaveSeveralCourses = courses.PlannedCourses > 1 || courses.MaxCourses is null or > 1;
        if (courses.Gap is null)
        {
            if (mayHaveSeveralCourses)
            {
                errors.Add("courses.gap", "a gap between courses is required when more than one course is allowed (set maxCourses to 1 otherwise)");
            }
        }
        else
        {
            ValidateInterval(ref errors, "courses.gap", courses.Gap);
            var longest = Math.Max(courses.MaxDays ?? courses.FirstCourseDays, courses.SubsequentCourseDays ?? 0);
            if (courses.Gap.Value > 0 && courses.Gap.MinDays < longest && courses.GapAnchor == CourseGapAnchor.PreviousCourseStart)
            {
                errors.Add("courses.gap", "the gap must be longer than a course (courses must not overlap)");
            }

            if (spacing?.Interval is { Value: > 0 } minimum && courses.Gap.Value > 0 && courses.Gap.IsCertainlyShorterThan(minimum)
                && spacing.From == SpacingReference.PreviousPeriodStart && courses.GapAnchor == CourseGapAnchor.PreviousCourseStart)
            {
                errors.Add("minSpacing", $"minSpacing ({minimum}) must not exceed the gap between courses ({courses.Gap})");
            }
        }

        if (!Enum.IsDefined(courses.GapAnchor))
        {
            errors.Add("courses.gapAnchor", "unknown gap anchor");
        }

        if (courses.OnOrderGapAnchor is { } onOrder && !Enum.IsDefined(onOrder))
        {
            errors.Add("courses.onOrderGapAnchor", "unknown gap anchor");
        }

        ValidateAmount(ref errors, "courses.dailyAmount", courses.DailyAmount);
        var chairTimes = courses.DayChairTimes;
        if (chairTimes is null || chairTimes.Count == 0)
        {
            errors.Add("courses.dayChairTimes", "at least one chair time (fromDay 1) is required");
        }
        else
        {
            for (var i = 0; i < chairTimes.Count; i++)
            {
                const string root = "courses.dayChairTimes";
                if (chairTimes[i] is not { } entry)
                {
                    errors.Add(new(root, i), "an entry is required");
                    continue;
                }

                if (i == 0 && entry.FromDay != 1)
                {
                    errors.Add(new(root, i, ".fromDay"), "the first chair time must start on day 1");
                }
                else if (i > 0 && (chairTimes[i - 1] is not { } previous || entry.FromDay <= previous.FromDay))
                {
                    errors.Add(new(root, i, ".fromDay"), "fromDay must be strictly increasing");
                }
                else if (entry.FromDay > MaxCourseDays)
                {
                    errors.Add(new(root, i, ".fromDay"), $"fromDay must be at most {MaxCourseDays}");
                }

                ValidateChairTime(ref errors, new(root, i, ".chairTime"), entry.ChairTime);
            }
        }

        ValidateWindow(ref errors, "courses.firstDayWindow", courses.FirstDayWindow, required: false);
        ValidateWindow(ref errors, "courses.subsequentDayWindow", courses.SubsequentDayWindow, required: true);
        if (string.IsNullOrWhiteSpace(courses.Label))
        {
            errors.Add("courses.label", "label is required");
        }
    }
}
