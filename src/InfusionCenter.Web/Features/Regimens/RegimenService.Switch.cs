using InfusionCenter.Web.Infrastructure;
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

        int patientId;
        await using (var read = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            patientId = await read.Regimens.Where(r => r.Id == regimenId).Select(r => (int?)r.PatientId).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException($"No regimen with id {regimenId}.");
        }

        var preview = await PreviewAsync(patientId, enrol, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (stopped, cancelled) = await StopOnAsync(db, regimenId, reason, user, cancellationToken);
        var regimen = await EnrolOnAsync(db, patientId, enrol, preview, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Regimen {OldRegimenId} switched to regimen {RegimenId}", stopped.Id, regimen.Id);
        await PublishCancelledAsync(cancelled, cancellationToken);
        return await GetAsync(regimen.Id, cancellationToken);
    }
}
