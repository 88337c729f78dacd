using InfusionCenter.Domain.Protocols;
using InfusionCenter.Domain.Scheduling;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Appointments;

public sealed record DueDose(
    int DoseId, int PatientId, string PatientName, string Mrn, string Protocol, string ProtocolName, int Sequence, string Label,
    DateOnly Target, DateOnly Earliest, DateOnly Latest, decimal Amount, string Unit, int ChairMinutes, int CourseDays,
    bool Overdue, DoseStatus Status, IReadOnlyList<string> Flags);

public sealed record SlotDto(int ChairId, string ChairName, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<SlotDayDto> Days);

public sealed record SlotDayDto(int ChairId, DateTimeOffset Start, DateTimeOffset End);

/// <summary>The due-dose worklist (planned doses not yet booked, overdue first) and the slot finder over live data.</summary>
public sealed class WorklistService(IDbContextFactory<InfusionDbContext> dbFactory, ClinicCalendar clinicCalendar, ClinicClock clock)
{
    /// <summary>Doses due within <paramref name="weeks"/> weeks that have no appointment: overdue first, then by latest date.</summary>
    public async Task<IReadOnlyList<DueDose>> DueAsync(int weeks, CancellationToken cancellationToken = default)
    {
        if (weeks is < 1 or > 52)
        {
            throw RequestValidationException.For("weeks", "weeks must be between 1 and 52.");
        }

        var today = await clock.TodayAsync(cancellationToken);
        var horizon = today.AddDays(7 * weeks);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Doses.AsNoTracking()
            .Where(d => (d.Status == DoseStatus.Planned || d.Status == DoseStatus.Missed) && d.Earliest <= horizon && d.Regimen!.Status == RegimenStatus.Active)
            .Select(d => new
            {
                d.Id, d.RegimenId, d.Regimen!.PatientId, d.Regimen.Patient!.GivenName, d.Regimen.Patient.FamilyName, d.Regimen.Patient.Mrn,
                d.Regimen.Patient.AuthorizationExpires, Protocol = d.Regimen.ProtocolVersion!.Protocol!.Code, d.Regimen.ProtocolVersion.Name,
                d.Regimen.ProtocolVersion.DefinitionJson, d.Sequence, d.Label, d.TargetDate, d.Earliest, d.Latest, d.Amount, d.Unit, d.ChairMinutes,
                d.Course, d.DayInCourse, d.Status,
            })
            .ToListAsync(cancellationToken);

        var definitions = new Dictionary<string, ProtocolDefinition>();
        var courseLengths = rows.GroupBy(r => (r.RegimenId, r.Course)).ToDictionary(g => g.Key, g => g.Count());
        var result = new List<DueDose>();
        foreach (var r in rows)
        {
            if (!definitions.TryGetValue(r.DefinitionJson, out var definition))
            {
                definition = ProtocolJson.Deserialize(r.DefinitionJson);
                definitions[r.DefinitionJson] = definition;
            }

            // A consecutive-day course appears once, by its first open day.
            var courseDays = definition.IsCourseSeries ? courseLengths[(r.RegimenId, r.Course)] : 1;
            if (definition.IsCourseSeries && rows.Any(o => o.RegimenId == r.RegimenId && o.Course == r.Course && o.DayInCourse < r.DayInCourse))
            {
                continue;
            }

            var overdue = r.Latest < today || r.Status == DoseStatus.Missed;
            result.Add(new DueDose(r.Id, r.PatientId, $"{r.FamilyName}, {r.GivenName}", r.Mrn, r.Protocol, r.Name, r.Sequence, r.Label,
                r.TargetDate, r.Earliest, r.Latest, r.Amount, r.Unit, r.ChairMinutes, courseDays, overdue, r.Status,
                Flags(definition, r.AuthorizationExpires, r.Latest, r.Sequence, today, overdue)));
        }

        return result.OrderByDescending(d => d.Overdue).ThenBy(d => d.Latest).ThenBy(d => d.Target).ThenBy(d => d.PatientName).ToList();
    }

    /// <summary>Best free slots for a dose (its window, chair time, chair kind and course days) or for a free duration.</summary>
    public async Task<IReadOnlyList<SlotDto>> SlotsAsync(int? doseId, int? minutes, DateOnly? from, DateOnly? to, int max = 10, CancellationToken cancellationToken = default)
    {
        var today = await clock.TodayAsync(cancellationToken);
        SlotRequest request;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (doseId is { } id)
        {
            var dose = await db.Doses.AsNoTracking().Include(d => d.Regimen!).ThenInclude(r => r.ProtocolVersion).FirstOrDefaultAsync(d => d.Id == id, cancellationToken)
                ?? throw new NotFoundException($"No dose with id {id}.");
            var definition = ProtocolJson.Deserialize(dose.Regimen!.ProtocolVersion!.DefinitionJson);
            var courseDurations = definition.IsCourseSeries
                ? await db.Doses.AsNoTracking().Where(d => d.RegimenId == dose.RegimenId && d.Course == dose.Course && d.Status != DoseStatus.Cancelled)
                    .OrderBy(d => d.DayInCourse).Select(d => d.ChairMinutes).ToListAsync(cancellationToken)
                : [dose.ChairMinutes];
            var earliest = dose.Earliest < today ? today : dose.Earliest;
            var latest = dose.Latest < today ? today.AddDays(14) : dose.Latest; // overdue: as soon as possible
            request = new SlotRequest
            {
                DurationMinutes = dose.ChairMinutes,
                From = from ?? earliest,
                To = to ?? latest,
                Target = dose.TargetDate < today ? today : dose.TargetDate,
                RequiredChairKind = definition.RequiredChairKind,
                PatientId = dose.Regimen.PatientId,
                CourseDays = courseDurations.Count,
                CourseDurations = courseDurations.Count > 1 ? courseDurations : null,
                NotBefore = today,
                MaxResults = max,
            };
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
        var (fromUtc, _) = settings.DayInUtc(request.From);
        var (_, toUtc) = settings.DayInUtc(lastDay);
        var bookings = await db.Appointments.AsNoTracking()
            .Where(a => a.StartsAt < toUtc && a.EndsAt > fromUtc && a.Status != AppointmentStatus.Cancelled && a.Status != AppointmentStatus.NoShow)
            .Select(a => new { a.ChairId, a.StartsAt, a.EndsAt, a.PatientId })
            .ToListAsync(cancellationToken);
        var index = new BookingIndex(bookings.Select(b => new Booking(b.ChairId, settings.ToLocal(b.StartsAt), settings.ToLocal(b.EndsAt), b.PatientId)));
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

        return chosen
            .Select(s => new SlotDto(s.ChairId, names[s.ChairId], Local(s.Start), Local(s.End),
                s.Days.Select(d => new SlotDayDto(d.ChairId, Local(d.Start), Local(d.End))).ToList()))
            .ToList();

        DateTimeOffset Local(DateTime local) => AppointmentService.ToOffset(settings.ToUtc(local), settings);
    }

    /// <summary>
    /// "Auto-book the due list": places every due dose (overdue first, as listed) in its best slot, one
    /// after the other so that each booking sees the ones before it. Doses with no slot inside their
    /// window are reported, not forced.
    /// </summary>
    public async Task<(int Booked, IReadOnlyList<string> NotBooked)> AutoBookAsync(int weeks, AppointmentService appointments, string? user, CancellationToken cancellationToken = default)
    {
        var booked = 0;
        var notBooked = new List<string>();
        foreach (var dose in await DueAsync(weeks, cancellationToken))
        {
            var slot = (await SlotsAsync(dose.DoseId, null, null, null, 1, cancellationToken)).FirstOrDefault();
            if (slot is null)
            {
                notBooked.Add($"{dose.PatientName}, {dose.ProtocolName} dose {dose.Sequence}: no free slot between {dose.Earliest:yyyy-MM-dd} and {dose.Latest:yyyy-MM-dd}");
                continue;
            }

            try
            {
                await appointments.BookAsync(new BookAppointmentRequest
                {
                    PatientId = dose.PatientId,
                    ChairId = slot.ChairId,
                    DoseId = dose.DoseId,
                    Start = slot.Start.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                }, user, cancellationToken);
                booked++;
            }
            catch (Exception e) when (e is ConflictException or RequestValidationException)
            {
                notBooked.Add($"{dose.PatientName}, {dose.ProtocolName} dose {dose.Sequence}: {e.Message}");
            }
        }

        return (booked, notBooked);
    }

    /// <summary>Safety flags from the protocol's gates (data) and the patient's authorization on file.</summary>
    private static List<string> Flags(ProtocolDefinition definition, DateOnly? authorizationExpires, DateOnly latest, int sequence, DateOnly today, bool overdue)
    {
        var flags = new List<string>();
        if (overdue)
        {
            flags.Add("Overdue");
        }

        foreach (var gate in definition.SafetyGates)
        {
            if (gate.Code.EndsWith("authorization", StringComparison.Ordinal) && gate.Blocking)
            {
                flags.Add(authorizationExpires switch
                {
                    null => "Authorization not on file",
                    { } expiry when expiry < today => $"Authorization expired {expiry:yyyy-MM-dd}",
                    { } expiry when expiry <= latest.AddDays(30) => $"Authorization expires {expiry:yyyy-MM-dd}",
                    _ => null,
                } ?? "");
            }
            else if (gate.Blocking && (gate.Timing == GateTiming.BeforeEachDose || (gate.Timing == GateTiming.BeforeFirstDose && sequence == 1)))
            {
                flags.Add(ShortGate(gate.Code));
            }
        }

        flags.RemoveAll(string.IsNullOrEmpty);
        return flags;
    }

    private static string ShortGate(string code) => code switch
    {
        _ => char.ToUpperInvariant(code[0]) + code[1..].Replace('-', ' '),
    };
}
