using InfusionCenter.Domain.Protocols;
using InfusionCenter.Domain.Scheduling;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using InfusionCenter.Web.Features.ClinicCalendar;
using InfusionCenter.Web.Features.Booking;

namespace InfusionCenter.Web.Features.Worklist;

/// <summary>Slot search for a dose or a free duration, and the board's "fill this free stretch", over live data.</summary>
public sealed partial class WorklistService
{
    /// <summary>Best free slots for a dose (its window, chair time, chair kind and course days) or for a free duration.</summary>
    public async Task<IReadOnlyList<SlotDto>> SlotsAsync(int? doseId, int? minutes, DateOnly? from, DateOnly? to, int max = 10, CancellationToken cancellationToken = default)
    {
        var today = await clock.TodayAsync(cancellationToken);
        SlotRequest request;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (doseId is { } id)
        {
            request = (await DoseRequestsAsync(db, [id], today, cancellationToken)).GetValueOrDefault(id)
                ?? throw new NotFoundException($"No dose with id {id}.");
            request = request with { From = from ?? request.From, To = to ?? request.To, MaxResults = max };
        }
        else
        {
            var errors = new Dictionary<string, string[]>();
            if (minutes is null or < 5 or > 720)
            {
                errors["minutes"] = ["minutes (5–720) is required without a doseId."];
            }

            if (from is null)
            {
                errors["from"] = ["from is required without a doseId."];
            }

            if (to is null)
            {
                errors["to"] = ["to is required without a doseId."];
            }

            if (from is not null && to is not null && (to < from || to.Value.DayNumber - from.Value.DayNumber > 92))
            {
                errors["to"] = ["to must be on or after from, at most 92 days later."];
            }

            if (errors.Count > 0)
            {
                throw new RequestValidationException(errors);
            }

            request = new SlotRequest { DurationMinutes = minutes!.Value, From = from!.Value, To = to!.Value, NotBefore = today, MaxResults = max };
        }

        var lastDay = request.To.AddDays(request.CourseDays);
        var settings = await clinicCalendar.LoadAsync(request.From, lastDay, cancellationToken);
        var now = settings.ToLocal(clock.UtcNow.UtcDateTime);
        request = request with { NotBeforeTime = now };
        var chairs = await db.Chairs.AsNoTracking().Where(c => c.Active).OrderBy(c => c.SortOrder).ToListAsync(cancellationToken);
        var index = await BookingsAsync(db, settings, request.From, lastDay, cancellationToken);
        var schedule = settings.ToSchedule(chairs.Select(c => new ChairInfo(c.Id, c.Kind.ToString())).ToList());
        var names = chairs.ToDictionary(c => c.Id, c => c.Name);
        // Offer a spread of choices (different times, not eight neighbours on one chair): ask the finder for
        // more and keep, per day, only starts at least 30 minutes apart, best first.
        var candidates = SlotFinder.Find(schedule, index, request with { MaxResults = Math.Min(request.MaxResults * 8, 200) });
        var chosen = new List<Slot>();
        foreach (var slot in candidates)
        {
            if (chosen.Count >= request.MaxResults)
            {
                break;
            }

            if (!chosen.Any(c => c.Start.Date == slot.Start.Date && Math.Abs((c.Start - slot.Start).TotalMinutes) < 30))
            {
                chosen.Add(slot);
            }
        }

        return chosen.Select(s => ToSlotDto(s, names[s.ChairId], settings)).ToList();
    }

    /// <summary>
    /// The board's "fill this gap": due doses (as <see cref="DueAsync"/> lists them, overdue first) that fit a free stretch
    /// of one chair on one clinic-local day, each with the best start inside the stretch. A dose fits when the day is inside
    /// its window (an overdue dose fits any day from today), the chair is of the kind it needs, and the slot finder places it
    /// there: clinic hours, the patient's other bookings, the nurse limits and, for a course, the following days on this chair.
    /// </summary>
    public async Task<IReadOnlyList<GapFit>> FillAsync(int chairId, DateTime fromLocal, DateTime toLocal, CancellationToken cancellationToken = default)
    {
        var day = DateOnly.FromDateTime(fromLocal);
        var today = await clock.TodayAsync(cancellationToken);
        if (toLocal <= fromLocal || DateOnly.FromDateTime(toLocal.AddTicks(-1)) != day)
        {
            throw RequestValidationException.For("to", "The free stretch must end after it starts, on the same day.");
        }

        if (day < today || day > today.AddDays(7 * 52))
        {
            throw RequestValidationException.For("from", $"Only days from today ({today:yyyy-MM-dd}) to a year ahead can be filled.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var chair = await db.Chairs.AsNoTracking().FirstOrDefaultAsync(c => c.Id == chairId && c.Active, cancellationToken)
            ?? throw new NotFoundException($"No active chair with id {chairId}.");
        var gapMinutes = (int)(toLocal - fromLocal).TotalMinutes;
        var due = (await DueAsync(Math.Clamp(((day.DayNumber - today.DayNumber) / 7) + 1, 1, 52), cancellationToken))
            .Where(d => d.ChairMinutes <= gapMinutes && (d.Overdue || (d.Earliest <= day && day <= d.Latest)))
            .ToList();
        if (due.Count == 0)
        {
            return [];
        }

        var requests = await DoseRequestsAsync(db, due.Select(d => d.DoseId).ToList(), today, cancellationToken);
        var lastDay = day.AddDays(requests.Values.Max(r => r.CourseDays));
        var settings = await clinicCalendar.LoadAsync(day, lastDay, cancellationToken);
        var index = await BookingsAsync(db, settings, day, lastDay, cancellationToken);
        var schedule = settings.ToSchedule([new ChairInfo(chair.Id, chair.Kind.ToString())]);
        var now = settings.ToLocal(clock.UtcNow.UtcDateTime);
        var fits = new List<GapFit>();
        foreach (var dose in due)
        {
            var request = requests[dose.DoseId] with { From = day, To = day, NotBeforeTime = now, MaxResults = 200 };
            var slot = SlotFinder.Find(schedule, index, request).FirstOrDefault(s => s.Start >= fromLocal && s.End <= toLocal);
            if (slot is not null)
            {
                fits.Add(new GapFit(dose, ToSlotDto(slot, chair.Name, settings)));
            }
        }

        return fits;
    }

    /// <summary>
    /// Slot requests for doses (window, chair time, chair kind, course days, the patient's preferred time and weekdays),
    /// keyed by dose id; unknown ids are left out.
    /// </summary>
    private static async Task<Dictionary<int, SlotRequest>> DoseRequestsAsync(InfusionDbContext db, IReadOnlyList<int> doseIds, DateOnly today, CancellationToken cancellationToken)
    {
        var doses = await db.Doses.AsNoTracking().Where(d => doseIds.Contains(d.Id))
            .Select(d => new
            {
                d.Id, d.RegimenId, d.Course, d.ChairMinutes, d.Earliest, d.Latest, d.TargetDate, d.Regimen!.PatientId, d.Regimen.ProtocolVersion!.DefinitionJson,
                d.Regimen.Patient!.PreferredTime, d.Regimen.Patient.PreferredWeekdays,
            })
            .ToListAsync(cancellationToken);
        var regimenIds = doses.Select(d => d.RegimenId).Distinct().ToList();
        var courseDays = await db.Doses.AsNoTracking()
            .Where(d => regimenIds.Contains(d.RegimenId) && d.Status != DoseStatus.Cancelled)
            .Select(d => new { d.RegimenId, d.Course, d.DayInCourse, d.ChairMinutes })
            .ToListAsync(cancellationToken);
        var result = new Dictionary<int, SlotRequest>();
        foreach (var dose in doses)
        {
            var definition = ProtocolJson.Deserialize(dose.DefinitionJson);
            List<int> durations = definition.IsCourseSeries
                ? courseDays.Where(d => d.RegimenId == dose.RegimenId && d.Course == dose.Course).OrderBy(d => d.DayInCourse).Select(d => d.ChairMinutes).ToList()
                : [dose.ChairMinutes];
            result[dose.Id] = new SlotRequest
            {
                DurationMinutes = dose.ChairMinutes,
                From = dose.Earliest < today ? today : dose.Earliest,
                To = dose.Latest < today ? today.AddDays(14) : dose.Latest, // overdue: as soon as possible
                Target = dose.TargetDate < today ? today : dose.TargetDate,
                RequiredChairKind = definition.RequiredChairKind,
                PatientId = dose.PatientId,
                CourseDays = durations.Count,
                CourseDurations = durations.Count > 1 ? durations : null,
                NotBefore = today,
                Preference = dose.PreferredTime,
                PreferredWeekdays = dose.PreferredWeekdays,
            };
        }

        return result;
    }

    /// <summary>Active appointments touching clinic-local days <paramref name="from"/>..<paramref name="to"/>, as the slot finder's index.</summary>
    private static async Task<BookingIndex> BookingsAsync(InfusionDbContext db, ClinicSettings settings, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var (fromUtc, _) = settings.DayInUtc(from);
        var (_, toUtc) = settings.DayInUtc(to);
        var bookings = await db.Appointments.AsNoTracking()
            .Where(a => a.StartsAt < toUtc && a.EndsAt > fromUtc && a.Status != AppointmentStatus.Cancelled && a.Status != AppointmentStatus.NoShow)
            .Select(a => new { a.ChairId, a.StartsAt, a.EndsAt, a.PatientId })
            .ToListAsync(cancellationToken);
        return new BookingIndex(bookings.Select(b => new InfusionCenter.Domain.Scheduling.Booking(b.ChairId, settings.ToLocal(b.StartsAt), settings.ToLocal(b.EndsAt), b.PatientId)));
    }

    private static SlotDto ToSlotDto(Slot slot, string chairName, ClinicSettings settings) =>
        new(slot.ChairId, chairName, Local(slot.Start, settings), Local(slot.End, settings),
            slot.Days.Select(d => new SlotDayDto(d.ChairId, Local(d.Start, settings), Local(d.End, settings))).ToList());

    private static DateTimeOffset Local(DateTime local, ClinicSettings settings) => AppointmentService.ToOffset(settings.ToUtc(local), settings);
}
