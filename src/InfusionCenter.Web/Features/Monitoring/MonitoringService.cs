using InfusionCenter.Domain.Protocols;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Audit;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using InfusionCenter.Web.Features.SafetyChecks;

namespace InfusionCenter.Web.Features.Monitoring;

/// <summary>
/// After-treatment monitoring (protocol data: gates with timing AfterTreatment, e.g. alemtuzumab REMS labs monthly until 48
/// months after the last dose, mitoxantrone yearly LVEF after stopping): who is due, from each patient's doses given and the
/// monitoring recorded since. The next step is due one interval after the last one recorded (or after the last dose given,
/// when none is); monitoring ends the gate's duration after the last dose (no end when the protocol gives none).
/// </summary>
public sealed class MonitoringService(IDbContextFactory<InfusionDbContext> dbFactory, ClinicClock clock, ILogger<MonitoringService> logger)
{
    /// <summary>Steps due within this many days count as "due" (the rest of the list is "upcoming").</summary>
    public const int DueSoonDays = 14;

    public async Task<IReadOnlyList<MonitoringItem>> ListAsync(bool includeEnded = false, CancellationToken cancellationToken = default)
    {
        var today = await clock.TodayAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var items = await ItemsAsync(db, null, today, cancellationToken);
        return items.Where(i => includeEnded || i.Status != MonitoringStatus.Ended)
            .OrderBy(i => i.Status).ThenBy(i => i.NextDue).ThenBy(i => i.PatientName, StringComparer.Ordinal).ToList();
    }

    /// <summary>One patient's after-treatment monitoring (finished ones included), by next due date.</summary>
    public async Task<IReadOnlyList<MonitoringItem>> ForPatientAsync(int patientId, CancellationToken cancellationToken = default)
    {
        var today = await clock.TodayAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await ItemsAsync(db, patientId, today, cancellationToken)).OrderBy(i => i.Status).ThenBy(i => i.NextDue).ToList();
    }

    /// <summary>Records a monitoring step done on <see cref="MonitoringDoneRequest.Date"/> (default today) by the acting user.</summary>
    public async Task<MonitoringItem> RecordAsync(int patientId, string code, MonitoringDoneRequest request, CancellationToken cancellationToken = default)
    {
        var today = await clock.TodayAsync(cancellationToken);
        var date = request.Date ?? today;
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        var errors = new Dictionary<string, string[]>();
        if (date > today || date.Year < 2000)
        {
            errors["date"] = [$"The date must be between 2000-01-01 and today ({today:yyyy-MM-dd})."];
        }

        if (note is { Length: > SafetyCheckService.MaxNoteLength })
        {
            errors["note"] = [$"The note is at most {SafetyCheckService.MaxNoteLength} characters."];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors, string.Join(" ", errors.Values.SelectMany(v => v)));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken))
        {
            throw new NotFoundException($"No patient with id {patientId}.");
        }

        if ((await ItemsAsync(db, patientId, today, cancellationToken)).All(i => i.Code != code))
        {
            throw new NotFoundException($"Patient {patientId} has no after-treatment monitoring '{code}' (it starts with the first dose given).");
        }

        db.SafetyChecks.Add(new SafetyCheck
        {
            PatientId = patientId, GateCode = code, ConfirmedOn = date, ConfirmedAt = clock.UtcNow.UtcDateTime, ConfirmedBy = AuditUser.Name, Note = note,
        });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Monitoring {GateCode} recorded for patient {PatientId}", code, patientId);
        return (await ItemsAsync(db, patientId, today, cancellationToken)).First(i => i.Code == code);
    }

    private static async Task<List<MonitoringItem>> ItemsAsync(InfusionDbContext db, int? patientId, DateOnly today, CancellationToken cancellationToken)
    {
        // Regimens with a dose given: the protocol version's gates are read from its definition.
        var regimens = await db.Regimens.AsNoTracking()
            .Where(r => patientId == null || r.PatientId == patientId)
            .Where(r => r.Doses.Any(d => d.Status == DoseStatus.Given && d.GivenOn != null))
            .Select(r => new
            {
                r.PatientId, r.Patient!.GivenName, r.Patient.FamilyName, r.Patient.Mrn,
                Protocol = r.ProtocolVersion!.Protocol!.Code, r.ProtocolVersion.Name, r.ProtocolVersion.DefinitionJson,
                LastDose = r.Doses.Where(d => d.Status == DoseStatus.Given).Max(d => d.GivenOn)!.Value,
            })
            .ToListAsync(cancellationToken);
        var definitions = new Dictionary<string, ProtocolDefinition>();
        var monitored = new List<(int PatientId, string Name, string Mrn, string Protocol, string ProtocolName, SafetyGate Gate, DateOnly LastDose)>();
        foreach (var r in regimens)
        {
            if (!definitions.TryGetValue(r.DefinitionJson, out var definition))
            {
                definitions[r.DefinitionJson] = definition = ProtocolJson.Deserialize(r.DefinitionJson);
            }

            foreach (var gate in definition.SafetyGates.Where(g => g.Timing == GateTiming.AfterTreatment && g.Every is not null))
            {
                monitored.Add((r.PatientId, $"{r.FamilyName}, {r.GivenName}", r.Mrn, r.Protocol, r.Name, gate, r.LastDose));
            }
        }

        if (monitored.Count == 0)
        {
            return [];
        }

        var patients = monitored.Select(m => m.PatientId).Distinct().ToList();
        var codes = monitored.Select(m => m.Gate.Code).Distinct().ToList();
        var done = (await db.SafetyChecks.AsNoTracking()
                .Where(c => patients.Contains(c.PatientId) && codes.Contains(c.GateCode))
                .Select(c => new { c.PatientId, c.GateCode, c.ConfirmedOn, c.ConfirmedAt, c.ConfirmedBy })
                .ToListAsync(cancellationToken))
            .GroupBy(c => (c.PatientId, c.GateCode))
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.ConfirmedOn).ThenBy(c => c.ConfirmedAt).Last());

        // One row per patient and gate: the latest regimen's last dose decides (a patient may have had several courses).
        return monitored
            .GroupBy(m => (m.PatientId, m.Gate.Code))
            .Select(g => g.MaxBy(m => m.LastDose))
            .Select(m =>
            {
                var last = done.GetValueOrDefault((m.PatientId, m.Gate.Code));
                var until = m.Gate.For?.AddTo(m.LastDose);
                var next = m.Gate.Every!.AddTo(last?.ConfirmedOn ?? m.LastDose);
                var status = until is { } end && (today > end || next > end) ? MonitoringStatus.Ended
                    : next < today ? MonitoringStatus.Overdue
                    : next <= today.AddDays(DueSoonDays) ? MonitoringStatus.Due
                    : MonitoringStatus.Upcoming;
                return new MonitoringItem(
                    m.PatientId, m.Name, m.Mrn, m.Protocol, m.ProtocolName, m.Gate.Code, SafetyCheckService.Label(m.Gate.Code), m.Gate.Description,
                    m.Gate.Every, m.LastDose, until, last?.ConfirmedOn, last?.ConfirmedBy, next, status);
            })
            .ToList();
    }
}
