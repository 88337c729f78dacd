using InfusionCenter.Domain.Patients;
using InfusionCenter.Domain.Protocols;

namespace InfusionCenter.Domain.Calendars;

/// <summary>
/// Request validation: the field errors of a <see cref="CalendarRequest"/> for a protocol (dates, BSA, prior dose,
/// course length and count, interval override, recorded doses), checked before any calendar is built.
/// </summary>
public static partial class CalendarEngine
{
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
}
