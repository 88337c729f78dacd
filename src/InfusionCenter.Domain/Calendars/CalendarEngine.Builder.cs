using InfusionCenter.Domain.Protocols;

namespace InfusionCenter.Domain.Calendars;

/// <summary>
/// The builder's state and its small shared steps: dose amounts, the cap and end-date stop, adding a dose, the result.
/// </summary>
public static partial class CalendarEngine
{
    /// <summary>Mutable state of one computation (one allocation per calendar).</summary>
    private sealed partial class Builder
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

        private void Warn(int sequence, string code, string message) =>
            (_warnings ??= []).Add(new CalendarWarning(sequence, code, message));
    }
}
