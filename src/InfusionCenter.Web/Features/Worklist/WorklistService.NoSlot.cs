using InfusionCenter.Web.Features.Booking;
using InfusionCenter.Web.Features.ClinicCalendar;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Worklist;

/// <summary>Why a dose has no free slot in its window, in words a nurse can act on.</summary>
public sealed partial class WorklistService
{
    /// <summary>
    /// The reason no slot fits the dose's window: the clinic's calendar (no open day, or no run of consecutive open days for a
    /// course, naming the weekday closures and closed days), no chair of the kind it needs, or — the days being open — full chairs
    /// or nurse start limits. Null when slots exist.
    /// </summary>
    public async Task<string?> NoSlotReasonAsync(int doseId, CancellationToken cancellationToken = default) =>
        (await SlotsAsync(doseId, null, null, null, 1, cancellationToken)).Count > 0 ? null : await WhyNoSlotAsync(doseId, cancellationToken);

    /// <summary>As <see cref="NoSlotReasonAsync"/> for a caller that has just found no slot (the search is not repeated).</summary>
    internal async Task<string?> WhyNoSlotAsync(int doseId, CancellationToken cancellationToken)
    {

        var today = await clock.TodayAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var request = (await DoseRequestsAsync(db, [doseId], today, cancellationToken)).GetValueOrDefault(doseId)
            ?? throw new NotFoundException($"No dose with id {doseId}.");
        var days = request.CourseDays;
        var settings = await clinicCalendar.LoadAsync(request.From, request.To.AddDays(days), cancellationToken);
        var span = $"between {request.From:yyyy-MM-dd} and {request.To:yyyy-MM-dd}";
        if (request.RequiredChairKind is { } kind
            && !(await db.Chairs.Where(c => c.Active).Select(c => c.Kind).ToListAsync(cancellationToken)).Any(k => string.Equals(k.ToString(), kind, StringComparison.OrdinalIgnoreCase)))
        {
            return $"no {kind.ToLowerInvariant()} is in service: this dose needs one.";
        }

        var fits = false;
        for (var start = request.From; start <= request.To && !fits; start = start.AddDays(1))
        {
            fits = Enumerable.Range(0, days).All(i => settings.HoursOn(start.AddDays(i)).Hours is not null);
        }

        if (!fits)
        {
            var closed = ClosedSummary(settings, request.From, request.To.AddDays(days - 1));
            return days > 1
                ? $"{days} consecutive clinic days never fit {span}: {closed}."
                : $"the clinic is not open on any day {span}: {closed}.";
        }

        return $"every suitable chair is booked, or the nurses' start limits are reached, on the open days {span}.";
    }

    /// <summary>"the clinic is closed on Saturdays and Sundays, and on 2026-12-25 (Christmas)".</summary>
    private static string ClosedSummary(ClinicSettings settings, DateOnly from, DateOnly to)
    {
        var weekdays = new SortedSet<DayOfWeek>();
        var dates = new List<string>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (settings.HoursOn(day).Hours is not null)
            {
                continue;
            }

            if (settings.Closures.TryGetValue(day, out var reason))
            {
                dates.Add($"{day:yyyy-MM-dd} ({reason})");
            }
            else
            {
                weekdays.Add(day.DayOfWeek);
            }
        }

        var parts = new List<string>();
        if (weekdays.Count > 0)
        {
            var names = weekdays.OrderBy(d => ((int)d + 6) % 7).Select(d => $"{d}s").ToList();
            var list = names.Count == 1 ? names[0] : $"{string.Join(", ", names[..^1])} and {names[^1]}";
            parts.Add(weekdays.SetEquals([DayOfWeek.Saturday, DayOfWeek.Sunday]) ? "the clinic is closed on weekends" : $"the clinic is closed on {list}");
        }

        if (dates.Count > 0)
        {
            parts.Add($"{(parts.Count > 0 ? "and" : "the clinic is closed")} on {string.Join(", ", dates)}");
        }

        return parts.Count > 0 ? string.Join(", ", parts) : "the clinic is closed on those days";
    }

    /// <summary>
    /// The free slot nearest to an appointment that has to move (its day closed): for a dose, inside its window; for a visit,
    /// from a week before to two weeks after. Nearest day first, then nearest time. Null when none fits, or for a day of a
    /// consecutive-day course (moving one day shifts the whole course: that is the move dialog's job).
    /// </summary>
    public async Task<SlotDto?> NearestSlotAsync(AppointmentDto appointment, CancellationToken cancellationToken = default)
    {
        if (appointment.CourseGroup is not null)
        {
            return null;
        }

        var day = DateOnly.FromDateTime(appointment.Start.DateTime);
        var today = await clock.TodayAsync(cancellationToken);
        var (from, to) = (day.AddDays(-7), day.AddDays(14));
        if (appointment.DoseId is { } doseId)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var request = (await DoseRequestsAsync(db, [doseId], today, cancellationToken)).GetValueOrDefault(doseId);
            if (request is null)
            {
                return null;
            }

            (from, to) = (request.From, request.To);
        }

        // Day by day outwards from the closed day (the day after before the day before), nearest time first on each.
        for (var offset = 1; offset <= 31; offset++)
        {
            foreach (var candidate in new[] { day.AddDays(offset), day.AddDays(-offset) })
            {
                if (candidate < today || candidate < from || candidate > to)
                {
                    continue;
                }

                var slots = appointment.DoseId is { } id
                    ? await SlotsAsync(id, null, candidate, candidate, 10, cancellationToken)
                    : await SlotsAsync(null, appointment.Minutes, candidate, candidate, 10, cancellationToken);
                if (slots.MinBy(s => Math.Abs((s.Start.TimeOfDay - appointment.Start.TimeOfDay).TotalMinutes)) is { } nearest)
                {
                    return nearest;
                }
            }
        }

        return null;
    }
}
