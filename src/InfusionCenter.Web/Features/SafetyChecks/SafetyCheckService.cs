using InfusionCenter.Domain.Protocols;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Audit;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using InfusionCenter.Web.Features.ClinicCalendar;
using InfusionCenter.Web.Features.Booking;

namespace InfusionCenter.Web.Features.SafetyChecks;

/// <summary>
/// The pre-infusion checklist. The checks of an appointment are the safety gates (protocol data) of its dose's protocol
/// version that apply at an infusion (<see cref="SafetyGate.AppliesAtInfusion"/>): before each dose (or each of the first
/// course days only), before the first dose (dose 1), and periodic gates (valid for their interval from the day confirmed,
/// so a 6-monthly check confirmed once covers the infusions after it). Blocking checks must be
/// confirmed before the patient goes in the chair or the infusion is recorded as complete.
/// </summary>
public sealed class SafetyCheckService(IDbContextFactory<InfusionDbContext> dbFactory, ClinicCalendarService clinicCalendar, ClinicClock clock, ILogger<SafetyCheckService> logger)
{
    public const int MaxNoteLength = 500;

    public async Task<IReadOnlyList<SafetyCheckDto>> ForAppointmentAsync(int appointmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await LoadAsync(db, appointmentId, cancellationToken)).Checks;
    }

    /// <summary>Confirms one check for the appointment (by the acting user); confirming a check that holds already changes nothing.</summary>
    public async Task<IReadOnlyList<SafetyCheckDto>> ConfirmAsync(int appointmentId, string code, ConfirmCheckRequest? request, CancellationToken cancellationToken = default)
    {
        var note = string.IsNullOrWhiteSpace(request?.Note) ? null : request.Note.Trim();
        if (note is { Length: > MaxNoteLength })
        {
            throw RequestValidationException.For("note", $"The note is at most {MaxNoteLength} characters.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (appointment, checks) = await LoadAsync(db, appointmentId, cancellationToken);
        var check = checks.FirstOrDefault(c => c.Code == code)
            ?? throw new NotFoundException($"Appointment {appointmentId} has no safety check '{code}'.");
        if (appointment.Status is not (AppointmentStatus.Booked or AppointmentStatus.CheckedIn or AppointmentStatus.InChair))
        {
            throw new ConflictException($"Appointment {appointmentId} is {appointment.Status.ToString().ToLowerInvariant()}; its checks can no longer be confirmed.");
        }

        if (check.Confirmed)
        {
            return checks;
        }

        db.SafetyChecks.Add(new SafetyCheck
        {
            PatientId = appointment.PatientId,
            AppointmentId = appointmentId,
            GateCode = code,
            ConfirmedOn = await clock.TodayAsync(cancellationToken),
            ConfirmedAt = clock.UtcNow.UtcDateTime,
            ConfirmedBy = AuditUser.Name,
            Note = note,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Safety check {GateCode} confirmed for appointment {AppointmentId}", code, appointmentId);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Another nurse confirmed it at the same moment: it is confirmed.
        }

        return await ForAppointmentAsync(appointmentId, cancellationToken);
    }

    /// <summary>Throws 409 naming the blocking checks not yet confirmed (before the patient goes in the chair or the dose is recorded).</summary>
    public async Task EnsureBlockingConfirmedAsync(int appointmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (appointment, checks) = await LoadAsync(db, appointmentId, cancellationToken);
        if (appointment.Status is not (AppointmentStatus.Booked or AppointmentStatus.CheckedIn or AppointmentStatus.InChair))
        {
            return; // the transition itself is refused, with the reason (cancelled, completed, ...)
        }

        var missing = checks.Where(c => c.Blocking && !c.Confirmed).ToList();
        if (missing.Count > 0)
        {
            throw new ConflictException($"Confirm the pre-infusion checks first: {string.Join("; ", missing.Select(c => c.Label))}.");
        }
    }

    /// <summary>
    /// "touch-authorization" -> "TOUCH authorization", "yearly-lvef-after-stopping" -> "Yearly LVEF after stopping",
    /// "hepatitis-b-screening" -> "Hepatitis B screening" (a single letter is a name: hepatitis B, vitamin D).
    /// </summary>
    public static string Label(string code)
    {
        var words = code.Split('-', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => Acronyms.Contains(w) || w.Length == 1 ? w.ToUpperInvariant() : w)
            .ToArray();
        var label = string.Join(' ', words);
        return label.Length == 0 ? code : char.ToUpperInvariant(label[0]) + label[1..];
    }

    /// <summary>Programme and test names written in capitals (gate codes are lower-case data).</summary>
    private static readonly HashSet<string> Acronyms = new(StringComparer.OrdinalIgnoreCase)
    {
        "touch", "rems", "jcv", "lvef", "cbc", "tsh", "hbv", "hiv", "ecg", "ekg", "mri", "muga", "iv",
    };

    /// <summary>Per appointment: how many blocking checks are still to confirm (the Today list); ids without checks map to 0.</summary>
    public async Task<IReadOnlyDictionary<int, int>> BlockingOpenAsync(IReadOnlyCollection<int> appointmentIds, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var loaded = await LoadManyAsync(db, appointmentIds, cancellationToken);
        return loaded.ToDictionary(l => l.Key, l => l.Value.Checks.Count(c => c.Blocking && !c.Confirmed));
    }

    /// <summary>Per appointment: its checks, confirmed or not (the printable day list shows the open ones); unknown ids are left out.</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<SafetyCheckDto>>> ForAppointmentsAsync(IReadOnlyCollection<int> appointmentIds, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var loaded = await LoadManyAsync(db, appointmentIds, cancellationToken);
        return loaded.ToDictionary(l => l.Key, l => (IReadOnlyList<SafetyCheckDto>)l.Value.Checks);
    }

    private async Task<(Appointment Appointment, List<SafetyCheckDto> Checks)> LoadAsync(InfusionDbContext db, int appointmentId, CancellationToken cancellationToken) =>
        (await LoadManyAsync(db, [appointmentId], cancellationToken)).GetValueOrDefault(appointmentId) is { Appointment: not null } found
            ? found
            : throw new NotFoundException($"No appointment with id {appointmentId}.");

    /// <summary>The appointments (unknown ids left out) with their checks: two queries whatever the number of appointments.</summary>
    private async Task<Dictionary<int, (Appointment Appointment, List<SafetyCheckDto> Checks)>> LoadManyAsync(
        InfusionDbContext db, IReadOnlyCollection<int> appointmentIds, CancellationToken cancellationToken)
    {
        var rows = await db.Appointments.AsNoTracking().Where(a => appointmentIds.Contains(a.Id))
            .Select(a => new { Appointment = a, Sequence = (int?)a.Dose!.Sequence, DayInCourse = (int?)a.Dose.DayInCourse, Definition = a.Dose.Regimen!.ProtocolVersion!.DefinitionJson })
            .ToListAsync(cancellationToken);
        var settings = await clinicCalendar.LoadAsync(DateOnly.MinValue, DateOnly.MinValue, cancellationToken);
        var definitions = new Dictionary<string, ProtocolDefinition>();
        var gatesOf = rows.ToDictionary(r => r.Appointment.Id, r =>
        {
            if (r.Appointment.DoseId is null || r.Definition is null)
            {
                return []; // a visit without a dose has no protocol gates
            }

            if (!definitions.TryGetValue(r.Definition, out var definition))
            {
                definitions[r.Definition] = definition = ProtocolJson.Deserialize(r.Definition);
            }

            return definition.SafetyGates.Where(g => g.AppliesAtInfusion(r.Sequence ?? 0, r.DayInCourse ?? 1)).ToList();
        });
        var patientIds = rows.Where(r => gatesOf[r.Appointment.Id].Count > 0).Select(r => r.Appointment.PatientId).Distinct().ToList();
        var codes = gatesOf.Values.SelectMany(g => g).Select(g => g.Code).Distinct().ToList();
        var confirmations = patientIds.Count == 0
            ? []
            : await db.SafetyChecks.AsNoTracking().Where(c => patientIds.Contains(c.PatientId) && codes.Contains(c.GateCode)).ToListAsync(cancellationToken);

        var result = new Dictionary<int, (Appointment, List<SafetyCheckDto>)>();
        foreach (var row in rows)
        {
            var appointment = row.Appointment;
            var day = DateOnly.FromDateTime(settings.ToLocal(appointment.StartsAt));
            var checks = gatesOf[appointment.Id].Select(gate =>
            {
                // A per-dose gate holds for its appointment; a periodic one from the day it was confirmed, for its interval.
                var periodic = gate.Timing == GateTiming.Periodic && gate.Every is not null;
                var hit = confirmations
                    .Where(c => c.PatientId == appointment.PatientId && c.GateCode == gate.Code
                        && (c.AppointmentId == appointment.Id || (periodic && c.ConfirmedOn <= day && gate.Every!.AddTo(c.ConfirmedOn) > day)))
                    .MaxBy(c => c.ConfirmedAt);
                return new SafetyCheckDto(
                    gate.Code, Label(gate.Code), gate.Description, gate.Timing, gate.Blocking, hit is not null,
                    hit?.ConfirmedBy, hit is null ? null : AppointmentService.ToOffset(hit.ConfirmedAt, settings),
                    hit is not null && periodic ? gate.Every!.AddTo(hit.ConfirmedOn) : null, hit?.Note);
            }).ToList();
            result[appointment.Id] = (appointment, checks);
        }

        return result;
    }
}
