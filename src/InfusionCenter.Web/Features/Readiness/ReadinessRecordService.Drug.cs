using InfusionCenter.Domain.Readiness;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Readiness;

public sealed partial class ReadinessRecordService
{
    /// <summary>The dose's drug supply (nulls while nothing is recorded); 404 for an unknown dose.</summary>
    public async Task<DrugSupplyDto> DrugAsync(int doseId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Doses.AnyAsync(d => d.Id == doseId, cancellationToken))
        {
            throw new NotFoundException($"No dose with id {doseId}.");
        }

        var supply = await db.DrugSupplies.AsNoTracking().FirstOrDefaultAsync(s => s.DoseId == doseId, cancellationToken);
        return ToDto(doseId, supply);
    }

    /// <summary>Records where the dose's drug comes from and how far it is (created on first use).</summary>
    public async Task<DrugSupplyDto> SetDrugAsync(int doseId, DrugSupplyRequest request, CancellationToken cancellationToken = default)
    {
        await drugValidator.EnsureValidAsync(request, cancellationToken);
        var today = await clock.TodayAsync(cancellationToken);
        if (request.ReceivedOn > today)
        {
            throw RequestValidationException.For("receivedOn", $"The drug cannot be received after today ({today:yyyy-MM-dd}).");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Doses.AnyAsync(d => d.Id == doseId, cancellationToken))
        {
            throw new NotFoundException($"No dose with id {doseId}.");
        }

        var supply = await db.DrugSupplies.FirstOrDefaultAsync(s => s.DoseId == doseId, cancellationToken);
        if (supply is null)
        {
            supply = new DrugSupply { DoseId = doseId };
            db.DrugSupplies.Add(supply);
        }
        else
        {
            ExpectVersion(db, supply, request.Version);
        }

        var arrived = request.Status is DrugSupplyState.Received or DrugSupplyState.Prepared;
        supply.Source = request.Source!.Value;
        supply.Status = request.Status!.Value;
        supply.ExpectedArrival = request.ExpectedArrival;
        supply.ReceivedOn = arrived ? request.ReceivedOn ?? supply.ReceivedOn ?? today : null;
        await SaveChangedAsync(db, "drug supply", cancellationToken);
        logger.LogInformation("Drug supply of dose {DoseId} is now {Status}", doseId, supply.Status);
        return ToDto(doseId, supply);
    }

    private static DrugSupplyDto ToDto(int doseId, DrugSupply? s) =>
        s is null ? new(doseId, null, null, null, null, null) : new(doseId, s.Source, s.Status, s.ExpectedArrival, s.ReceivedOn, s.RowVersion);
}
