using InfusionCenter.Domain.Protocols;

namespace InfusionCenter.Domain.Calendars;

/// <summary>
/// Dose series: the initial dose steps, then maintenance doses at a fixed interval from their anchor (re-anchored by a
/// dose given on another date).
/// </summary>
public static partial class CalendarEngine
{
    private sealed partial class Builder
    {
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
    }
}
