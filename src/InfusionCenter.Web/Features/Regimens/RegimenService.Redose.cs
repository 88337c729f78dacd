using FluentValidation;
using InfusionCenter.Domain.Patients;
using InfusionCenter.Domain.Protocols;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Regimens;

/// <summary>
/// Issue 12, "Regimen lifecycle": when the patient's BSA has moved by more than the clinic's share
/// (<see cref="DosingOptions.BsaChangeThreshold"/>) since a BSA-dosed regimen's amounts were calculated, its doses still to
/// give are flagged, and a nurse re-doses them in one action. The lifetime cap is counted in the prescribed mg/m² of each
/// dose (<see cref="CumulativeDose"/>), which a new BSA does not change: the cap still holds, with the same doses.
/// </summary>
public sealed partial class RegimenService
{
    /// <summary>The flagged change of a regimen loaded with its patient and doses, or null when nothing is flagged.</summary>
    internal static BsaChangeDto? BsaChangeOf(Regimen regimen, ProtocolDefinition definition, decimal threshold)
    {
        if (regimen.Status != RegimenStatus.Active || regimen.Patient is not { } patient
            || BsaRedose.Flagged(definition, regimen.Bsa, patient.HeightCm, patient.WeightKg, threshold) is not { } change)
        {
            return null;
        }

        var doses = Redosable(regimen, definition, change.CurrentBsa);
        return doses.Count == 0 ? null : BsaRedose.ToDto(change, doses);
    }

    /// <summary>The doses still to give (planned, booked, missed) dosed per m², with their amount at <paramref name="bsa"/>.</summary>
    private static List<RedoseDoseDto> Redosable(Regimen regimen, ProtocolDefinition definition, decimal bsa) => regimen.Doses
        .Where(d => BsaRedose.IsRedosable(d.Status, d.AmountPerM2))
        .OrderBy(d => d.Sequence)
        .Select(d => BsaRedose.Line(definition, d.Id, d.Sequence, d.TargetDate, d.Status, d.Amount, d.AmountPerM2!.Value, d.Unit, bsa))
        .ToList();

    /// <summary>
    /// Re-doses a regimen for the patient's current BSA: every dose still to give gets mg/m² × the new BSA, rounded as the
    /// protocol says, and the regimen records the new BSA; one save, audited (each dose's amount before → after). A 409
    /// when there is nothing to apply (not BSA-dosed, not active, no dose left, the BSA unchanged) or when the BSA is no
    /// longer the one the caller confirmed. The regimen and its doses are locked before they are read, so a re-dose works on
    /// what a concurrent re-dose or "given" saved before it (it never changes a dose already recorded as given, and is
    /// never applied twice), and a concurrent write waits for it.
    /// </summary>
    public async Task<RegimenDto> RedoseAsync(int regimenId, RedoseRequest? request, CancellationToken cancellationToken = default)
    {
        if (request is not null)
        {
            await redoseValidator.EnsureValidAsync(request, cancellationToken);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM regimens WHERE id = {regimenId} FOR UPDATE", cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM doses WHERE regimen_id = {regimenId} FOR UPDATE", cancellationToken);
        var regimen = await db.Regimens.Include(r => r.Doses).Include(r => r.Patient).Include(r => r.ProtocolVersion)
            .FirstOrDefaultAsync(r => r.Id == regimenId, cancellationToken)
            ?? throw new NotFoundException($"No regimen with id {regimenId}.");
        var definition = ProtocolJson.Deserialize(regimen.ProtocolVersion!.DefinitionJson);
        var current = CurrentBsaForRedose(regimen, definition);
        if (request?.Bsa is { } confirmed && confirmed != current)
        {
            throw new ConflictException($"The patient's BSA is now {current:0.00} m², not the {confirmed:0.00} m² you confirmed: the height or weight "
                + "was changed meanwhile. Check the new amounts and re-dose again.");
        }

        var doses = Redosable(regimen, definition, current);
        if (doses.Count == 0)
        {
            throw new ConflictException("No dose of this regimen is still to give: there is nothing to re-dose.");
        }

        foreach (var line in doses)
        {
            regimen.Doses.Single(d => d.Id == line.DoseId).Amount = line.NewAmount;
        }

        regimen.Bsa = current;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Regimen {RegimenId} re-dosed for the patient's current BSA: dose(s) {DoseIds} recalculated",
            regimen.Id, string.Join(',', doses.Select(d => d.DoseId)));
        return await GetAsync(regimen.Id, cancellationToken);
    }

    /// <summary>The patient's dosing BSA now, when it is a change this regimen can apply (409 naming why not, otherwise).</summary>
    private static decimal CurrentBsaForRedose(Regimen regimen, ProtocolDefinition definition)
    {
        if (!definition.IsBsaDosed || regimen.Bsa is not { } dosed)
        {
            throw new ConflictException($"{EnrolWording.DrugName(definition)} is not dosed by body surface area: there is nothing to re-dose.");
        }

        if (regimen.Status != RegimenStatus.Active)
        {
            throw new ConflictException("This regimen is no longer active: its doses are not re-dosed.");
        }

        var patient = regimen.Patient!;
        if (patient.HeightCm is not { } height || patient.WeightKg is not { } weight || Bsa.Validate(height, weight).Count > 0)
        {
            throw new ConflictException("Record the patient's height and weight first: the new amounts are calculated from them.");
        }

        var current = Bsa.ForDosing(height, weight);
        return current != dosed ? current
            : throw new ConflictException($"The doses are already calculated for the patient's current BSA ({current:0.00} m²): there is nothing to re-dose.");
    }
}
