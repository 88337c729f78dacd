using System.Globalization;

namespace InfusionCenter.Domain.Scheduling;

/// <summary>
/// Finds free chair slots for a dose or a consecutive-day course, and auto-schedules many doses. Pure and deterministic:
/// same schedule, bookings and request, same slots in the same order. Rules and scoring: Scheduling/README.md and
/// <see cref="SlotScoring"/>.
/// </summary>
public static class SlotFinder
{
    /// <summary>
    /// The best slots for <paramref name="request"/>, best (lowest <see cref="Slot.Score"/>) first, at most
    /// <see cref="SlotRequest.MaxResults"/>, never two with the same chair and start.
    /// </summary>
    /// <exception cref="ArgumentException">The request is invalid (<see cref="SlotRequest.Problem"/>) or the granularity is not 1..720 minutes.</exception>
    public static IReadOnlyList<Slot> Find(ClinicSchedule schedule, BookingIndex bookings, SlotRequest request)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(bookings);
        ArgumentNullException.ThrowIfNull(request);
        ValidateSchedule(schedule);
        if (request.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(request));
        }

        return request.MaxResults < 1 ? [] : new SlotSearch(schedule, bookings, request).Run();
    }

    /// <summary>
    /// Places <paramref name="requests"/> in the given order (the caller sorts: overdue first): each in its best slot, which is
    /// added to <paramref name="bookings"/> (with the request's patient) so later requests see it. A request that cannot be
    /// placed gets a reason instead of a slot. <see cref="SlotRequest.MaxResults"/> is ignored.
    /// </summary>
    public static IReadOnlyList<AutoBookResult> AutoSchedule(ClinicSchedule schedule, BookingIndex bookings, IReadOnlyList<SlotRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(bookings);
        ArgumentNullException.ThrowIfNull(requests);
        ValidateSchedule(schedule);
        var results = new AutoBookResult[requests.Count];
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            if (request is null || request.Problem() is { } problem)
            {
                results[i] = new AutoBookResult(i, null, $"Invalid request: {(request is null ? "null" : request.Problem())}");
                continue;
            }

            var search = new SlotSearch(schedule, bookings, request with { MaxResults = 1 });
            var found = search.Run();
            if (found.Count == 0)
            {
                results[i] = new AutoBookResult(i, null, search.WhyNothing());
                continue;
            }

            var slot = found[0];
            foreach (var day in slot.Days)
            {
                bookings.Add(new Booking(day.ChairId, day.Start, day.End, request.PatientId));
            }

            results[i] = new AutoBookResult(i, slot, null);
        }

        return results;
    }

    private static void ValidateSchedule(ClinicSchedule schedule)
    {
        if (schedule.GranularityMinutes is < 1 or > 720)
        {
            throw new ArgumentException($"GranularityMinutes must be between 1 and 720 (was {schedule.GranularityMinutes})", nameof(schedule));
        }

        ArgumentNullException.ThrowIfNull(schedule.Chairs);
        ArgumentNullException.ThrowIfNull(schedule.HoursOn);
        ArgumentNullException.ThrowIfNull(schedule.NursesOn);
        ArgumentNullException.ThrowIfNull(schedule.Rules);
    }

    internal static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
