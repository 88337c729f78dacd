using InfusionCenter.Domain.Protocols;

namespace InfusionCenter.Domain.Calendars;

/// <summary>
/// Checks while building: the minimum spacing from the previous dosing period, and the warnings about recorded doses
/// (out of order, too close, not in the plan).
/// </summary>
public static partial class CalendarEngine
{
    private sealed partial class Builder
    {
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
    }
}
