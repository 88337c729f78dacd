using InfusionCenter.Web.Infrastructure;
using System.Globalization;
using InfusionCenter.Domain.Calendars;
using InfusionCenter.Domain.Protocols;
using InfusionCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Regimens;

/// <summary>Switching therapy (issue 12): stop the current regimen and enrol the patient on another in one step.</summary>
public sealed partial class RegimenService
{
    /// <summary>
    /// Stops <paramref name="regimenId"/> (its doses not yet given and their appointments cancelled, reason "Switching
    /// therapy" unless given) and enrols its patient on <see cref="SwitchRegimenRequest.Enrol"/>, in one transaction:
    /// if the new enrolment is refused, the old regimen stays as it was. Returns the new regimen.
    /// </summary>
    public async Task<RegimenDto> SwitchAsync(int regimenId, SwitchRegimenRequest request, string? user, CancellationToken cancellationToken = default)
    {
        var enrol = request.Enrol ?? throw RequestValidationException.For("enrol", "Say which protocol the patient switches to, and from when.");
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? "Switching therapy" : request.Reason.Trim();
        if (reason.Length > 500)
        {
            throw RequestValidationException.For("reason", "Keep the reason under 500 characters.");
        }

        Regimen old;
        await using (var read = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            old = await read.Regimens.AsNoTracking().Include(r => r.Doses).Include(r => r.ProtocolVersion)
                .FirstOrDefaultAsync(r => r.Id == regimenId, cancellationToken)
                ?? throw new NotFoundException($"No regimen with id {regimenId}.");
        }

        // Without a start, the new form's first dose is due when the old one's next dose was.
        enrol = enrol with { Start = enrol.Start ?? SwitchStart(old) ?? await clock.TodayAsync(cancellationToken) };
        var preview = await PreviewAsync(old.PatientId, enrol, cancellationToken);
        var spacing = SpacingFrom(old, preview.Protocol.Definition);
        if (preview.Calendar.Doses.Count > 0 && !FormSwitch.Keeps(spacing, preview.Calendar.Doses[0].Date))
        {
            var interval = spacing!.Spacing;
            throw RequestValidationException.For("enrol.start", string.Create(CultureInfo.InvariantCulture,
                $"The first {EnrolWording.DrugName(preview.Protocol.Definition)} dose must be at least {interval.Value} {interval.Unit.ToString().ToLowerInvariant()} after the last {spacing.Drug} dose (given {spacing.LastGiven:yyyy-MM-dd}): {spacing.NotBefore:yyyy-MM-dd} or later."));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (stopped, cancelled) = await StopOnAsync(db, regimenId, reason, user, cancellationToken);
        var regimen = await EnrolOnAsync(db, old.PatientId, enrol, preview, cancellationToken);
        if (spacing is { } limit && regimen.Doses.OrderBy(d => d.Sequence).FirstOrDefault() is { } first && first.Earliest < limit.NotBefore)
        {
            // The new series' window never opens before the spacing from the old one's last dose: booking keeps to it.
            first.Earliest = limit.NotBefore;
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Regimen {OldRegimenId} switched to regimen {RegimenId}", stopped.Id, regimen.Id);
        await PublishCancelledAsync(cancelled, cancellationToken);
        return await GetAsync(regimen.Id, cancellationToken);
    }

    /// <summary>When the first dose of what a patient switches to is due by default: the old regimen's next dose still to give.</summary>
    public static DateOnly? SwitchStart(Regimen old) => FormSwitch.DefaultStart(
        old.Doses.Where(d => d.Status is DoseStatus.Planned or DoseStatus.Booked or DoseStatus.Missed).Select(d => (d.Sequence, d.TargetDate)));

    /// <summary>The new protocol's minimum spacing from the old regimen's last dose given (same drug only).</summary>
    private static SwitchSpacing? SpacingFrom(Regimen old, ProtocolDefinition next) => FormSwitch.Spacing(
        ProtocolJson.Deserialize(old.ProtocolVersion!.DefinitionJson), next,
        old.Doses.Where(d => d.Status == DoseStatus.Given && d.GivenOn is not null).Max(d => d.GivenOn));
}
