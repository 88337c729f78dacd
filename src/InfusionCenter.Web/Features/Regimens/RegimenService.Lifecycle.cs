using InfusionCenter.Domain.Protocols;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Protocols;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Regimens;

/// <summary>
/// A regimen's lifecycle rules (issue 12, API.md "Lifecycles"): one active regimen per drug unless a nurse confirms a
/// second with a reason, no enrolment once the lifetime cap is reached, and stopping a regimen cancels its future doses
/// and their appointments in one transaction.
/// </summary>
public sealed partial class RegimenService
{
    /// <summary>Refuses a prior cumulative dose at or above the protocol's lifetime cap (nothing could be given).</summary>
    private static void EnsureBelowCap(ProtocolDefinition definition, EnrolRequest request)
    {
        if (definition.CumulativeCapMgPerM2 is { } cap && (request.PriorCumulativeMgPerM2 ?? 0m) >= cap)
        {
            throw RequestValidationException.For("priorCumulativeMgPerM2",
                $"The prior cumulative dose ({request.PriorCumulativeMgPerM2:0.##} mg/m²) is at or above the lifetime cap of {cap:0.##} mg/m² "
                + $"for {EnrolWording.DrugName(definition)}: no further dose can be given.");
        }
    }

    /// <summary>
    /// Inside the enrolment's transaction (serialised per patient by an advisory lock): another active regimen on the
    /// same drug is a 409 unless the request confirms it with a reason.
    /// </summary>
    private static async Task EnsureNoDuplicateAsync(InfusionDbContext db, int patientId, ProtocolDefinition definition, EnrolRequest request, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(20261202, {patientId})", cancellationToken);
        var active = await db.Regimens.AsNoTracking().Where(r => r.PatientId == patientId && r.Status == RegimenStatus.Active)
            .Select(r => new { r.Start, r.ProtocolVersion!.DefinitionJson, r.ProtocolVersion.Name }).ToListAsync(cancellationToken);
        var same = active.FirstOrDefault(r => SameDrug(ProtocolJson.Deserialize(r.DefinitionJson).Drug, definition.Drug));
        if (same is null)
        {
            return;
        }

        if (request.ConfirmDuplicate == true && !string.IsNullOrWhiteSpace(request.Reason))
        {
            return;
        }

        throw DuplicateRegimen.Conflict(
            $"This patient already has an active {same.Name} regimen (started {same.Start:yyyy-MM-dd}) on {definition.Drug.GenericName}. "
            + "Stop it first, or confirm a second regimen on the same drug and give the reason.");
    }

    private static bool SameDrug(Drug a, Drug b) => string.Equals(a.GenericName.Trim(), b.GenericName.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Stops a regimen: its doses not yet given are cancelled and their appointments cancelled (the chairs are free
    /// again), all in one transaction; audited with who, when and why.
    /// </summary>
    public async Task<RegimenDto> StopAsync(int regimenId, StopRegimenRequest request, string? user, CancellationToken cancellationToken = default)
    {
        await stopValidator.EnsureValidAsync(request, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (regimen, appointments) = await StopOnAsync(db, regimenId, request.Reason!.Trim(), user, cancellationToken);
        await PublishCancelledAsync(appointments, cancellationToken);
        return await GetAsync(regimen.Id, cancellationToken);
    }

    /// <summary>The stop on <paramref name="db"/> (saved; inside the caller's transaction when it opened one).</summary>
    private async Task<(Regimen Regimen, List<Appointment> Cancelled)> StopOnAsync(InfusionDbContext db, int regimenId, string reason, string? user,
        CancellationToken cancellationToken)
    {
        var today = await clock.TodayAsync(cancellationToken);
        var regimen = await db.Regimens.Include(r => r.Doses).FirstOrDefaultAsync(r => r.Id == regimenId, cancellationToken)
            ?? throw new NotFoundException($"No regimen with id {regimenId}.");
        if (regimen.Status != RegimenStatus.Active)
        {
            throw new ConflictException(regimen.StoppedOn is { } on
                ? $"This regimen was already stopped on {on:yyyy-MM-dd}."
                : "This regimen has ended; only an active regimen can be stopped.");
        }

        var open = regimen.Doses.Where(d => d.Status is DoseStatus.Planned or DoseStatus.Booked or DoseStatus.Missed).ToList();
        var openIds = open.Select(d => d.Id).ToList();
        var appointments = await db.Appointments
            .Where(a => a.DoseId != null && openIds.Contains(a.DoseId.Value)
                && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.CheckedIn || a.Status == AppointmentStatus.InChair))
            .ToListAsync(cancellationToken);
        if (appointments.Any(a => a.Status == AppointmentStatus.InChair))
        {
            throw new ConflictException("The patient is in the chair for a dose of this regimen: complete or cancel that infusion first.");
        }

        var now = clock.UtcNow.UtcDateTime;
        foreach (var appointment in appointments)
        {
            appointment.Status = AppointmentStatus.Cancelled;
            appointment.CancelledAt = now;
            appointment.CancelReason = Truncate($"Regimen stopped: {reason}", 500);
        }

        foreach (var dose in open)
        {
            dose.Status = DoseStatus.Cancelled;
        }

        regimen.Status = RegimenStatus.Stopped;
        regimen.StoppedOn = today;
        regimen.StoppedBy = user;
        regimen.StoppedBecause = reason;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Regimen {RegimenId} stopped: {DoseCount} dose(s) and appointment(s) {AppointmentIds} cancelled",
            regimen.Id, open.Count, string.Join(',', appointments.Select(a => a.Id)));
        return (regimen, appointments);
    }

    /// <summary>Tells the boards about cancelled appointments (after the commit).</summary>
    private async Task PublishCancelledAsync(List<Appointment> appointments, CancellationToken cancellationToken)
    {
        if (appointments.Count > 0)
        {
            var zone = await clock.ZoneAsync(cancellationToken);
            await boardEvents.PublishAsync(appointments.Select(a => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(a.StartsAt, DateTimeKind.Utc), zone))), cancellationToken);
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
