using InfusionCenter.Domain.Protocols;

namespace InfusionCenter.Domain.Calendars;

/// <summary>
/// Course series: whole courses of consecutive days, each after a gap from the previous course (never a partial
/// course).
/// </summary>
public static partial class CalendarEngine
{
    private sealed partial class Builder
    {
        public void BuildCourses(CourseRule rule)
        {
            var protocol = _protocol;
            var courseCount = _request.Courses ?? rule.PlannedCourses;
            var firstLength = _request.Days ?? rule.FirstCourseDays;
            var laterLength = rule.SubsequentCourseDays ?? firstLength;
            var (amount, perM2) = Resolve(rule.DailyAmount);
            var firstDayWindow = rule.FirstDayWindow ?? protocol.Window;
            var otherDayWindow = rule.SubsequentDayWindow;

            for (var course = 1; course <= courseCount; course++)
            {
                var length = course == 1 ? firstLength : laterLength;
                var start = _request.Start;
                if (course > 1)
                {
                    var gapAnchor = course <= rule.PlannedCourses ? rule.GapAnchor : rule.OnOrderGapAnchor ?? rule.GapAnchor;
                    var basis = gapAnchor == CourseGapAnchor.PreviousCourseStart ? _periodStart.Date : _periodEnd.Date;
                    start = rule.Gap!.AddTo(basis);
                }

                var firstSequence = _sequence + 1;
                var firstGiven = Given(firstSequence);
                var firstEarliest = start.AddDays(-firstDayWindow.DaysBefore);
                var spacing = SpacingCheck.None;
                DateOnly pushedFrom = default, minimum = default;
                PeriodMark reference = default;
                if (course > 1)
                {
                    spacing = ApplySpacing(ref start, ref firstEarliest, firstDayWindow.DaysBefore, out pushedFrom, out minimum, out reference);
                }

                // The whole course must fit (never a partial course): check the cap and the end date first.
                if (_cap is { } cap && perM2 is { } daily && _cumulative + (daily * length) > cap)
                {
                    _stopReason = StopReasons.CumulativeCap;
                    return;
                }

                if (LastCourseDate(start, firstSequence, length) > _until)
                {
                    _stopReason = StopReasons.Until;
                    return;
                }

                if (course > 1)
                {
                    ReportSpacing(firstSequence, spacing, firstGiven, pushedFrom, minimum, reference, start);
                }

                // Days are consecutive from the latest day recorded on another date.
                var referenceDate = start;
                var referenceDay = 1;
                var previousEffective = start;
                for (var day = 1; day <= length; day++)
                {
                    var sequence = ++_sequence;
                    var target = referenceDate.AddDays(day - referenceDay);
                    var given = day == 1 ? firstGiven : Given(sequence);
                    var window = day == 1 ? firstDayWindow : otherDayWindow;
                    var earliest = day == 1 ? firstEarliest : target.AddDays(-window.DaysBefore);
                    if (day > 1 && given is { } dayGiven && dayGiven != previousEffective.AddDays(1))
                    {
                        Warn(sequence, CalendarWarningCodes.CourseNotConsecutive,
                            $"Course {course} day {day} was given on {dayGiven:yyyy-MM-dd}, not the day after day {day - 1} ({previousEffective.AddDays(1):yyyy-MM-dd}): course days must be consecutive.");
                    }

                    Add(new PlannedDose(
                        sequence,
                        target,
                        earliest,
                        target.AddDays(window.DaysAfter),
                        amount,
                        rule.DailyAmount.Unit,
                        perM2,
                        rule.ChairTimeForDay(day),
                        course,
                        day,
                        DoseKind.CourseDay,
                        rule.Label,
                        given));

                    if (given is { } givenDate && givenDate != target)
                    {
                        referenceDate = givenDate;
                        referenceDay = day;
                    }

                    previousEffective = given ?? target;
                    var mark = new PeriodMark(previousEffective, given is not null, sequence);
                    if (day == 1)
                    {
                        _periodStart = mark;
                    }

                    _periodEnd = mark;
                }
            }
        }

        private DateOnly LastCourseDate(DateOnly start, int firstSequence, int length)
        {
            var referenceDate = start;
            var referenceDay = 1;
            var latest = start;
            for (var day = 1; day <= length; day++)
            {
                var target = referenceDate.AddDays(day - referenceDay);
                if (target > latest)
                {
                    latest = target;
                }

                if (Given(firstSequence + day - 1) is { } given && given != target)
                {
                    referenceDate = given;
                    referenceDay = day;
                }
            }

            return latest;
        }
    }
}
