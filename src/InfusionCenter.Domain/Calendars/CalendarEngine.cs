using InfusionCenter.Domain.Patients;
using InfusionCenter.Domain.Protocols;

namespace InfusionCenter.Domain.Calendars;

/// <summary>
/// Computes the clinical target dates of one series of a protocol (no clinic hours, no chairs).
/// Pure and deterministic: same protocol + request, same calendar. The rules are documented in
/// Protocols/README.md ("Calendar rules").
/// </summary>
public static class CalendarEngine
{
    /// <exception cref="ProtocolDefinitionException">The protocol breaks <see cref="ProtocolRules"/>.</exception>
    /// <exception cref="CalendarRequestException">The request does not fit the protocol (missing BSA, days out of range, ...).</exception>
    public static CalendarResult Compute(ProtocolDefinition protocol, CalendarRequest request)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(request);

        var protocolErrors = ProtocolRules.Validate(protocol);
        if (protocolErrors.Count > 0)
        {
            throw new ProtocolDefinitionException(protocol.Code, protocolErrors);
        }

        var requestErrors = ValidateRequest(protocol, request);
        if (requestErrors.Count > 0)
        {
            throw new CalendarRequestException(requestErrors);
        }

        var builder = new Builder(protocol, request);
        if (protocol.Courses is { } courses)
        {
            builder.BuildCourses(courses);
        }
        else
        {
            builder.BuildDoseSeries();
        }

        return builder.ToResult();
    }

    /// <summary>
    /// Field errors of <paramref name="request"/> for <paramref name="protocol"/> (empty when valid).
    /// Field names are the API's parameter names.
    /// </summary>
    public static IReadOnlyList<ValidationError> ValidateRequest(ProtocolDefinition protocol, CalendarRequest request)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(request);
        List<ValidationError>? errors = null;
        void Add(string field, string message) => (errors ??= []).Add(new ValidationError(field, message));

        var startValid = request.Start >= CalendarRequest.MinDate && request.Start <= CalendarRequest.MaxDate;
        if (!startValid)
        {
            Add("start", $"start must be between {CalendarRequest.MinDate:yyyy-MM-dd} and {CalendarRequest.MaxDate:yyyy-MM-dd}");
        }

        if (startValid && request.Until is { } until)
        {
            if (until < request.Start)
            {
                Add("until", "until must not be before start");
            }
            else if (until > request.Start.AddYears(CalendarRequest.MaxHorizonYears))
            {
                Add("until", $"until must be at most {CalendarRequest.MaxHorizonYears} years after start");
            }
        }

        if (protocol.IsBsaDosed)
        {
            if (request.Bsa is not { } bsa)
            {
                Add("bsa", $"bsa is required for BSA-dosed protocol {protocol.Code}");
            }
            else if (bsa < Bsa.MinPlausibleM2 || bsa > Bsa.MaxPlausibleM2)
            {
                Add("bsa", $"bsa must be between {Bsa.MinPlausibleM2} and {Bsa.MaxPlausibleM2} m²");
            }
        }

        if (request.PriorCumulativeMgPerM2 < 0 || request.PriorCumulativeMgPerM2 > CumulativeDose.MaxPlausibleMgPerM2)
        {
            Add("priorCumulativeMgPerM2", $"priorCumulativeMgPerM2 must be between 0 and {CumulativeDose.MaxPlausibleMgPerM2}");
        }

        var courses = protocol.Courses;
        if (request.Days is { } days)
        {
            if (courses is null)
            {
                Add("days", $"days applies to course protocols only; protocol {protocol.Code} has no courses");
            }
            else if (courses.MinDays is { } min && courses.MaxDays is { } max)
            {
                if (days < min || days > max)
                {
                    Add("days", $"days must be between {min} and {max}");
                }
            }
            else if (days != courses.FirstCourseDays)
            {
                Add("days", $"the course length of protocol {protocol.Code} is fixed at {courses.FirstCourseDays} days");
            }
        }

        if (request.Courses is { } courseCount)
        {
            var maxCourses = courses?.MaxCourses ?? ProtocolRules.MaxCourses;
            if (courses is null)
            {
                Add("courses", $"courses applies to course protocols only; protocol {protocol.Code} has no courses");
            }
            else if (courseCount < 1 || courseCount > maxCourses)
            {
                Add("courses", $"courses must be between 1 and {maxCourses}");
            }
        }

        if (request.IntervalOverride is { } interval)
        {
            if (protocol.Maintenance is null)
            {
                Add("intervalOverride", $"intervalOverride applies to protocols with maintenance doses; protocol {protocol.Code} has none");
            }
            else if (!Enum.IsDefined(interval.Unit) || interval.Value < 1
                || interval.MinDays > ProtocolRules.MaxIntervalDays)
            {
                Add("intervalOverride", "intervalOverride must be a positive interval of at most 10 years");
            }
            else if (protocol.MinSpacing?.Interval is { } minimum && interval.IsCertainlyShorterThan(minimum))
            {
                Add("intervalOverride", $"intervalOverride ({interval}) must not be shorter than the minimum spacing ({minimum})");
            }
        }

        if (request.Given is { } given)
        {
            foreach (var (sequence, date) in given)
            {
                if (sequence < 1)
                {
                    Add($"given[{sequence}]", "dose sequences start at 1");
                }
                else if (date < CalendarRequest.MinDate || date > CalendarRequest.MaxDate)
                {
                    Add($"given[{sequence}]", $"the given date must be between {CalendarRequest.MinDate:yyyy-MM-dd} and {CalendarRequest.MaxDate:yyyy-MM-dd}");
                }
            }
        }

        return errors is null ? Array.Empty<ValidationError>() : errors;
    }

    /// <summary>Mutable state of one computation (one allocation per calendar).</summary>
    private sealed class Builder
    {
        private readonly ProtocolDefinition _protocol;
        private readonly CalendarRequest _request;
        private readonly IReadOnlyDictionary<int, DateOnly>? _given;
        private readonly DateOnly _until;
        private readonly decimal _bsa;
        private readonly bool _bsaDosed;
        private readonly decimal? _cap;
        private readonly MinimumSpacing? _spacing;
        private readonly List<PlannedDose> _doses;
        private List<CalendarWarning>? _warnings;
        private decimal _cumulative;
        private string? _stopReason;
        private int _sequence;
        private DateOnly _previousDoseDate;

        // The previous dosing period (for the minimum spacing and the course gap).
        private PeriodMark _periodStart;
        private PeriodMark _periodEnd;

        public Builder(ProtocolDefinition protocol, CalendarRequest request)
        {
            _protocol = protocol;
            _request = request;
            _given = request.Given is { Count: > 0 } given ? given : null;
            _until = request.EffectiveUntil;
            _bsaDosed = protocol.IsBsaDosed;
            _bsa = request.Bsa ?? 0m;
            _cap = protocol.CumulativeCapMgPerM2;
            _spacing = protocol.MinSpacing;
            _cumulative = request.PriorCumulativeMgPerM2;
            _doses = new List<PlannedDose>(EstimateCount(protocol, request, _until));
        }

        public void BuildDoseSeries()
        {
            var protocol = _protocol;
            var steps = protocol.Steps;
            var referenceDate = _request.Start;
            var referenceOffset = 0;

            // Initial steps: each step keeps its day offset from the latest step recorded on another date.
            for (var i = 0; i < steps.Count; i++)
            {
                var step = steps[i];
                var target = referenceDate.AddDays(step.DayOffset - referenceOffset);
                var (amount, perM2) = Resolve(step.Amount);
                if (!CanAdd(perM2, 1, target))
                {
                    return;
                }

                var sequence = ++_sequence;
                var given = Given(sequence);
                var window = step.Window ?? protocol.Window;
                CheckOrder(sequence, given);
                Add(new PlannedDose(
                    sequence,
                    target,
                    target.AddDays(-window.DaysBefore),
                    target.AddDays(window.DaysAfter),
                    amount,
                    step.Amount.Unit,
                    perM2,
                    step.ChairTime,
                    Course: 1,
                    DayInCourse: i + 1,
                    DoseKind.Initial,
                    step.Label,
                    given));

                var effective = given ?? target;
                if (given is { } givenDate && givenDate != target)
                {
                    referenceDate = givenDate;
                    referenceOffset = step.DayOffset;
                }

                var mark = new PeriodMark(effective, given is not null, sequence);
                if (i == 0)
                {
                    _periodStart = mark;
                }

                _periodEnd = mark;
            }

            if (protocol.Maintenance is not { } maintenance)
            {
                return;
            }

            var interval = _request.IntervalOverride ?? maintenance.Interval;
            // FirstDose: the day-0 date implied by the latest step recorded on another date (a step given
            // Δ days late moves the series by Δ, keeping "24 weeks after infusion 1" relative to it).
            var anchor = maintenance.Anchor == MaintenanceAnchor.FirstDose
                ? referenceDate.AddDays(-referenceOffset)
                : _periodEnd.Date;
            var multiple = 1;
            var (maintenanceAmount, maintenancePerM2) = Resolve(maintenance.Amount);
            var maintenanceWindow = maintenance.Window ?? protocol.Window;
            var period = 1;

            for (var count = 0; maintenance.RepeatCount is not { } repeat || count < repeat; count++)
            {
                // Anchor + k·interval (months: clamped to month end, never chained).
                var target = interval.AddTo(anchor, multiple);
                var sequence = _sequence + 1;
                var given = Given(sequence);
                var earliest = target.AddDays(-maintenanceWindow.DaysBefore);
                var spacing = ApplySpacing(ref target, ref earliest, maintenanceWindow.DaysBefore, out var pushedFrom, out var minimum, out var reference);
                if (!CanAdd(maintenancePerM2, 1, target))
                {
                    return;
                }

                _sequence = sequence;
                period++;
                ReportSpacing(sequence, spacing, given, pushedFrom, minimum, reference, target);
                Add(new PlannedDose(
                    sequence,
                    target,
                    earliest,
                    target.AddDays(maintenanceWindow.DaysAfter),
                    maintenanceAmount,
                    maintenance.Amount.Unit,
                    maintenancePerM2,
                    maintenance.ChairTime,
                    period,
                    DayInCourse: 1,
                    DoseKind.Maintenance,
                    maintenance.Label,
                    given));

                var effective = given ?? target;
                if (given is { } givenDate && givenDate != target)
                {
                    // A dose given on another date re-anchors every later dose of the series.
                    anchor = givenDate;
                    multiple = 1;
                }
                else
                {
                    multiple++;
                }

                _periodStart = _periodEnd = new PeriodMark(effective, given is not null, sequence);
            }
        }

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

        public CalendarResult ToResult()
        {
            if (_given is not null)
            {
                ReportGivenNotInPlan();
            }

            return new CalendarResult(
                _protocol.Code,
                _stopReason,
                _until,
                _bsaDosed ? _bsa : null,
                _bsaDosed ? _request.PriorCumulativeMgPerM2 : null,
                _bsaDosed ? _cumulative : null,
                _doses,
                _warnings is null ? Array.Empty<CalendarWarning>() : _warnings);
        }

        private static int EstimateCount(ProtocolDefinition protocol, CalendarRequest request, DateOnly until)
        {
            var spanDays = until.DayNumber - request.Start.DayNumber;
            int estimate;
            if (protocol.Courses is { } courses)
            {
                var count = request.Courses ?? courses.PlannedCourses;
                estimate = count * Math.Max(request.Days ?? courses.MaxDays ?? courses.FirstCourseDays, courses.SubsequentCourseDays ?? 0);
            }
            else
            {
                estimate = protocol.Steps.Count;
                if (protocol.Maintenance is { } maintenance)
                {
                    var interval = request.IntervalOverride ?? maintenance.Interval;
                    var maintenanceCount = (spanDays / Math.Max(1, interval.MinDays)) + 1;
                    estimate += maintenance.RepeatCount is { } repeat ? Math.Min(repeat, maintenanceCount) : maintenanceCount;
                }
            }

            return Math.Clamp(estimate, 1, 1024);
        }

        private DateOnly? Given(int sequence) =>
            _given is not null && _given.TryGetValue(sequence, out var date) ? date : null;

        private (decimal Amount, decimal? PerM2) Resolve(DoseAmount amount) =>
            amount.IsBsaBased
                ? (_protocol.Rounding.Apply(amount.Value * _bsa), amount.Value)
                : (_protocol.Rounding.Apply(amount.Value), null);

        /// <summary>Cap first (it ends the series for good), then the calendar's end.</summary>
        private bool CanAdd(decimal? perM2, int days, DateOnly target)
        {
            if (_cap is { } cap && perM2 is { } dose && _cumulative + (dose * days) > cap)
            {
                _stopReason = StopReasons.CumulativeCap;
                return false;
            }

            if (target > _until)
            {
                _stopReason = StopReasons.Until;
                return false;
            }

            return true;
        }

        private void Add(PlannedDose dose)
        {
            _doses.Add(dose);
            if (dose.AmountPerM2 is { } perM2)
            {
                _cumulative += perM2;
            }

            _previousDoseDate = dose.GivenDate ?? dose.Date;
        }

        /// <summary>
        /// Minimum spacing from the previous dosing period: a target closer than the spacing is pushed to
        /// the first allowed date (also for a dose already given, so that a dose given on its pushed target
        /// does not re-anchor the series); the window's earliest date never precedes it.
        /// </summary>
        private SpacingCheck ApplySpacing(
            ref DateOnly target,
            ref DateOnly earliest,
            int daysBefore,
            out DateOnly pushedFrom,
            out DateOnly minimum,
            out PeriodMark reference)
        {
            pushedFrom = default;
            minimum = default;
            reference = default;
            if (_spacing is not { } spacing)
            {
                return SpacingCheck.None;
            }

            reference = spacing.From == SpacingReference.PreviousPeriodStart ? _periodStart : _periodEnd;
            minimum = spacing.Interval.AddTo(reference.Date);
            var result = SpacingCheck.Checked;
            if (target < minimum)
            {
                pushedFrom = target;
                target = minimum;
                earliest = target.AddDays(-daysBefore);
                result = SpacingCheck.Pushed;
            }

            if (earliest < minimum)
            {
                earliest = minimum;
            }

            return result;
        }

        private void ReportSpacing(int sequence, SpacingCheck check, DateOnly? given, DateOnly pushedFrom, DateOnly minimum, PeriodMark reference, DateOnly target)
        {
            if (check == SpacingCheck.None)
            {
                CheckOrder(sequence, given);
                return;
            }

            var spacing = _spacing!;
            if (check == SpacingCheck.Pushed)
            {
                Warn(sequence, CalendarWarningCodes.PushedForMinSpacing,
                    $"Dose {sequence} moved from {pushedFrom:yyyy-MM-dd} to {target:yyyy-MM-dd} to keep the minimum spacing of {spacing.Interval} after dose {reference.Sequence} ({reference.Date:yyyy-MM-dd}).");
            }

            if (given is { } givenDate && reference.Given && givenDate < minimum)
            {
                Warn(sequence, CalendarWarningCodes.MinSpacingViolated,
                    $"Dose {sequence} was given on {givenDate:yyyy-MM-dd}, {givenDate.DayNumber - reference.Date.DayNumber} days after dose {reference.Sequence} ({reference.Date:yyyy-MM-dd}): closer than the minimum spacing of {spacing.Interval} (not before {minimum:yyyy-MM-dd}).");
            }
            else
            {
                CheckOrder(sequence, given);
            }
        }

        private void CheckOrder(int sequence, DateOnly? given)
        {
            if (sequence > 1 && given is { } givenDate && givenDate < _previousDoseDate)
            {
                Warn(sequence, CalendarWarningCodes.GivenOutOfOrder,
                    $"Dose {sequence} was recorded as given on {givenDate:yyyy-MM-dd}, before dose {sequence - 1} ({_previousDoseDate:yyyy-MM-dd}).");
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

        private void ReportGivenNotInPlan()
        {
            List<int>? missing = null;
            foreach (var sequence in _given!.Keys)
            {
                if (sequence > _sequence)
                {
                    (missing ??= []).Add(sequence);
                }
            }

            if (missing is null)
            {
                return;
            }

            missing.Sort();
            var why = _stopReason switch
            {
                StopReasons.CumulativeCap => "the cumulative cap ends the series before it",
                StopReasons.Until => "it falls after the end of the calendar",
                _ => "the series has no such dose",
            };
            foreach (var sequence in missing)
            {
                Warn(sequence, CalendarWarningCodes.GivenNotInPlan,
                    $"Dose {sequence} is recorded as given on {_given[sequence]:yyyy-MM-dd} but is not part of this calendar: {why}.");
            }
        }

        private void Warn(int sequence, string code, string message) =>
            (_warnings ??= []).Add(new CalendarWarning(sequence, code, message));
    }

    private enum SpacingCheck
    {
        None,
        Checked,
        Pushed,
    }

    private readonly record struct PeriodMark(DateOnly Date, bool Given, int Sequence);
}
