using System.Globalization;
using InfusionCenter.Domain.Scheduling;

namespace InfusionCenter.Domain.Tests.Scheduling;

internal static class SchedulingTestHelpers
{
    /// <summary>Monday 7 December 2026.</summary>
    public static readonly DateOnly Monday = new(2026, 12, 7);

    /// <summary>Parses "yyyy-MM-dd HH:mm" (clinic-local wall clock).</summary>
    public static DateTime T(string value) => DateTime.ParseExact(value, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static DateTime At(DateOnly day, int hour, int minute = 0) => day.ToDateTime(new TimeOnly(hour, minute));

    public static string Hm(DateTime value) => value.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Dhm(DateTime value) => value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static IReadOnlyList<ChairInfo> Recliners(int count, int firstId = 1) =>
        Enumerable.Range(firstId, count).Select(id => new ChairInfo(id, "recliner")).ToList();

    /// <summary>Mon–Fri <paramref name="opens"/>–<paramref name="closes"/> (default 08:00–17:00), closed on weekends and <paramref name="closed"/>.</summary>
    public static ClinicSchedule Weekdays(
        IReadOnlyList<ChairInfo> chairs,
        int nurses = 0,
        NurseRules? rules = null,
        TimeOnly? opens = null,
        TimeOnly? closes = null,
        params DateOnly[] closed) => new()
        {
            Chairs = chairs,
            HoursOn = d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || closed.Contains(d)
                ? null
                : new DayHours(opens ?? new TimeOnly(8, 0), closes ?? new TimeOnly(17, 0)),
            NursesOn = _ => nurses,
            Rules = rules ?? new NurseRules(),
        };

    /// <summary>Open every day of the week <paramref name="opens"/>–<paramref name="closes"/>, except <paramref name="closed"/>.</summary>
    public static ClinicSchedule EveryDay(IReadOnlyList<ChairInfo> chairs, TimeOnly opens, TimeOnly closes, params DateOnly[] closed) => new()
    {
        Chairs = chairs,
        HoursOn = d => closed.Contains(d) ? null : new DayHours(opens, closes),
        NursesOn = _ => 0,
    };

    public static BookingIndex Index(params Booking[] bookings) => new(bookings);

    public static SlotRequest OneDay(DateOnly day, int minutes, int max = 100) => new()
    {
        DurationMinutes = minutes,
        From = day,
        To = day,
        MaxResults = max,
    };

    /// <summary>
    /// Every rule of a slot checked naively (the reference the finder is compared with): hours, window, chair kind, chair
    /// and patient overlaps, nurse limits minute by minute. Null when valid, else the broken rule.
    /// </summary>
    public static string? Violation(ClinicSchedule schedule, IReadOnlyList<Booking> existing, SlotRequest request, Slot slot)
    {
        var first = DateOnly.FromDateTime(slot.Days[0].Start);
        if (first < request.From || first > request.To)
        {
            return "day 1 outside the window";
        }

        if (request.NotBefore is { } notBefore && first < notBefore)
        {
            return "before NotBefore";
        }

        if (slot.Days.Count != request.CourseDays)
        {
            return "wrong number of course days";
        }

        for (var i = 0; i < slot.Days.Count; i++)
        {
            var day = slot.Days[i];
            var date = DateOnly.FromDateTime(day.Start);
            if (date != first.AddDays(i))
            {
                return "course days not consecutive";
            }

            if ((day.End - day.Start).TotalMinutes != request.DurationOnDay(i))
            {
                return "wrong duration";
            }

            if (request.NotBeforeTime is { } notBeforeTime && day.Start < notBeforeTime)
            {
                return "before NotBeforeTime";
            }

            if (schedule.HoursOn(date) is not { } hours)
            {
                return $"closed on {date}";
            }

            if (TimeOnly.FromDateTime(day.Start) < hours.Opens || DateOnly.FromDateTime(day.End) != date || TimeOnly.FromDateTime(day.End) > hours.Closes)
            {
                return "outside opening hours";
            }

            var chair = schedule.Chairs.SingleOrDefault(c => c.Id == day.ChairId);
            if (chair is null)
            {
                return "unknown chair";
            }

            if (request.RequiredChairKind is { } kind && !string.Equals(kind, chair.Kind, StringComparison.OrdinalIgnoreCase))
            {
                return "wrong chair kind";
            }

            if (existing.Any(b => b.ChairId == day.ChairId && b.Start < day.End && b.End > day.Start))
            {
                return "chair overlap";
            }

            if (request.PatientId is { } patient && existing.Any(b => b.PatientId == patient && b.Start < day.End && b.End > day.Start))
            {
                return "patient overlap";
            }

            var nurses = schedule.NursesOn(date);
            if (nurses > 0)
            {
                // occupancy is a step function: its maximum over [start, end) is at start or at a booking start inside
                var moments = existing.Where(b => b.Start > day.Start && b.Start < day.End).Select(b => b.Start).Append(day.Start);
                foreach (var moment in moments)
                {
                    if (existing.Count(b => b.Start <= moment && b.End > moment) + 1 > nurses * schedule.Rules.MaxPatientsPerNurse)
                    {
                        return $"too many patients at {Dhm(moment)}";
                    }
                }

                for (var t = day.Start.AddMinutes(-29); t <= day.Start; t = t.AddMinutes(1))
                {
                    var spanStart = t;
                    if (existing.Count(b => b.Start >= spanStart && b.Start < spanStart.AddMinutes(30)) + 1 > nurses * schedule.Rules.MaxStartsPerNursePer30Minutes)
                    {
                        return $"too many starts in the 30 minutes from {Dhm(spanStart)}";
                    }
                }
            }
        }

        return null;
    }

    /// <summary>True when two half-open intervals overlap.</summary>
    public static bool Overlap(DateTime aStart, DateTime aEnd, DateTime bStart, DateTime bEnd) => aStart < bEnd && bStart < aEnd;
}
