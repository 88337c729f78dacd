using InfusionCenter.Domain.Scheduling;


namespace InfusionCenter.Web.Features.ClinicCalendar;

/// <summary>The clinic's settings for a date range: time zone, hours, closures, staffing and nurse rules.</summary>
public sealed class ClinicSettings
{
    public required TimeZoneInfo Zone { get; init; }
    public required IReadOnlyDictionary<DayOfWeek, DayHours> WeeklyHours { get; init; }
    public required IReadOnlyDictionary<DateOnly, string> Closures { get; init; }
    public required IReadOnlyDictionary<DateOnly, int> Staffing { get; init; }
    public required int DefaultNurses { get; init; }
    public required NurseRules Rules { get; init; }

    /// <summary>
    /// Settings for converting times only (the clinic's zone; no hours, closures or staffing): what reading
    /// appointments needs, without loading the calendar.
    /// </summary>
    public static ClinicSettings TimesOnly(TimeZoneInfo zone) => new()
    {
        Zone = zone, WeeklyHours = new Dictionary<DayOfWeek, DayHours>(), Closures = new Dictionary<DateOnly, string>(),
        Staffing = new Dictionary<DateOnly, int>(), DefaultNurses = 0, Rules = new NurseRules(4, 2),
    };

    /// <summary>Opening hours on <paramref name="date"/>, or null with the reason when closed.</summary>
    public (DayHours? Hours, string? ClosedBecause) HoursOn(DateOnly date)
    {
        if (Closures.TryGetValue(date, out var reason))
        {
            return (null, $"the clinic is closed on {date:yyyy-MM-dd} ({reason})");
        }

        return WeeklyHours.TryGetValue(date.DayOfWeek, out var hours)
            ? (hours, null)
            : (null, $"the clinic is closed on {date.DayOfWeek}s");
    }

    public int NursesOn(DateOnly date) => Staffing.TryGetValue(date, out var nurses) ? nurses : DefaultNurses;

    /// <summary>Clinic-local wall-clock time of a UTC instant.</summary>
    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>UTC instant of a clinic-local wall-clock time (a time skipped by a DST change moves forward).</summary>
    public DateTime ToUtc(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }

    public (DateTime StartUtc, DateTime EndUtc) DayInUtc(DateOnly date) =>
        (ToUtc(date.ToDateTime(TimeOnly.MinValue)), ToUtc(date.AddDays(1).ToDateTime(TimeOnly.MinValue)));

    public ClinicSchedule ToSchedule(IReadOnlyList<ChairInfo> chairs) => new()
    {
        Chairs = chairs,
        HoursOn = d => HoursOn(d).Hours,
        NursesOn = NursesOn,
        Rules = Rules,
    };
}
