using InfusionCenter.Domain.Calendars;
using InfusionCenter.Domain.Patients;
using InfusionCenter.Domain.Protocols;
using InfusionCenter.Web.Infrastructure;

namespace InfusionCenter.Web.Features.Regimens;

/// <summary>
/// The calendar engine names its fields as the calendar API does ("intervalOverride", "start") and words its refusals for
/// developers. An enrolment answers in the enrolment's own fields (<see cref="EnrolRequest"/>: "intervalWeeks") and in
/// words a nurse reads next to the field, e.g. "The interval must be at least 20 weeks: doses of Ocrelizumab are at
/// least 20 weeks apart."
/// </summary>
public static class EnrolWording
{
    /// <summary>The engine's field errors for <paramref name="protocol"/>, keyed by the enrolment's fields and worded for nurses.</summary>
    public static RequestValidationException ForEnrolment(RequestValidationException refusal, ProtocolDefinition protocol, EnrolRequest request)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (field, messages) in refusal.Errors)
        {
            var (key, words) = Describe(field, protocol, request);
            errors[key] = words is null ? messages : [words];
        }

        return new RequestValidationException(errors, string.Join(" ", errors.Values.SelectMany(m => m).Distinct()));
    }

    /// <summary>The enrolment field and the words for one engine field (null words: the engine's message is kept).</summary>
    internal static (string Field, string? Words) Describe(string field, ProtocolDefinition protocol, EnrolRequest request) => field switch
    {
        "start" => ("start", $"The first dose date must be between {CalendarRequest.MinDate:yyyy-MM-dd} and {CalendarRequest.MaxDate:yyyy-MM-dd}."),
        "until" => ("until", request.Until < request.Start
            ? "The plan cannot end before the first dose."
            : $"Plan at most {CalendarRequest.MaxHorizonYears} years ahead."),
        "priorCumulativeMgPerM2" => ("priorCumulativeMgPerM2", $"The prior cumulative dose must be between 0 and {CumulativeDose.MaxPlausibleMgPerM2:0} mg/m²."),
        "days" => ("days", protocol.Courses switch
        {
            null => $"{DrugName(protocol)} is not given in courses: leave the course length empty.",
            { MinDays: { } min, MaxDays: { } max } => $"The course length must be between {min} and {max} days.",
            var courses => $"The course length of {DrugName(protocol)} is fixed at {UiDays(courses.FirstCourseDays)}.",
        }),
        "intervalOverride" => ("intervalWeeks", IntervalWords(protocol, request)),
        "bsa" => ("heightCm", "The body surface area from this patient's height and weight is implausible: check the measurements."),
        _ => (field, null),
    };

    private static string IntervalWords(ProtocolDefinition protocol, EnrolRequest request)
    {
        if (protocol.Maintenance is null)
        {
            return $"{DrugName(protocol)} has no maintenance doses: leave the interval empty.";
        }

        // 1 to 104 weeks is a valid interval in itself (the validator checks that first): refused, it is below the minimum spacing.
        if (protocol.MinSpacing?.Interval is { } minimum && request.IntervalWeeks is >= 1 and <= 104)
        {
            return $"The interval must be at least {minimum}: doses of {DrugName(protocol)} are given at least {minimum} apart.";
        }

        return "The interval must be between 1 and 104 weeks.";
    }

    /// <summary>The drug as a sentence names it: "Ocrelizumab" (protocol names are long: "Ocrelizumab IV (initial dose + …)").</summary>
    public static string DrugName(ProtocolDefinition protocol)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        var name = protocol.Drug.GenericName;
        return name.Length == 0 ? protocol.Name : char.ToUpperInvariant(name[0]) + name[1..];
    }

    private static string UiDays(int days) => days == 1 ? "1 day" : $"{days} days";
}
