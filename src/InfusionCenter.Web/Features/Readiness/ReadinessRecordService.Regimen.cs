using InfusionCenter.Domain.Readiness;
using InfusionCenter.Web.Data;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Readiness;

public sealed partial class ReadinessRecordService
{
    /// <summary>The regimen's authorizations, newest first, each with the doses given or booked inside its dates.</summary>
    public async Task<IReadOnlyList<AuthorizationDto>> AuthorizationsAsync(int regimenId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await EnsureRegimenAsync(db, regimenId, cancellationToken);
        var rows = await db.PriorAuthorizations.AsNoTracking().Where(a => a.RegimenId == regimenId).OrderByDescending(a => a.Id).ToListAsync(cancellationToken);
        var used = await UsedDosesAsync(db, regimenId, cancellationToken);
        return [.. rows.Select(a => ToDto(a, used))];
    }

    /// <summary>Adds an authorization to the regimen.</summary>
    public async Task<AuthorizationDto> AddAuthorizationAsync(int regimenId, AuthorizationRequest request, CancellationToken cancellationToken = default)
    {
        await authorizationValidator.EnsureValidAsync(request, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await EnsureRegimenAsync(db, regimenId, cancellationToken);
        var authorization = new PriorAuthorization { RegimenId = regimenId, CreatedAt = clock.UtcNow };
        await ApplyAsync(db, authorization, request, cancellationToken);
        db.PriorAuthorizations.Add(authorization);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Added authorization {AuthorizationId} to regimen {RegimenId}", authorization.Id, regimenId);
        return ToDto(authorization, await UsedDosesAsync(db, regimenId, cancellationToken));
    }

    /// <summary>Replaces an authorization's details (a payer's decision, a renewal of the dates).</summary>
    public async Task<AuthorizationDto> UpdateAuthorizationAsync(int id, AuthorizationRequest request, CancellationToken cancellationToken = default)
    {
        await authorizationValidator.EnsureValidAsync(request, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var authorization = await db.PriorAuthorizations.FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new NotFoundException($"No authorization with id {id}.");
        ExpectVersion(db, authorization, request.Version);
        await ApplyAsync(db, authorization, request, cancellationToken);
        await SaveChangedAsync(db, "authorization", cancellationToken);
        logger.LogInformation("Updated authorization {AuthorizationId}", id);
        return ToDto(authorization, await UsedDosesAsync(db, authorization.RegimenId, cancellationToken));
    }

    /// <summary>The regimen's orders, newest first.</summary>
    public async Task<IReadOnlyList<OrderDto>> OrdersAsync(int regimenId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await EnsureRegimenAsync(db, regimenId, cancellationToken);
        var rows = await db.TreatmentOrders.AsNoTracking().Where(o => o.RegimenId == regimenId).OrderByDescending(o => o.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(OrderDto.From)];
    }

    /// <summary>Records a signed prescriber order for the regimen.</summary>
    public async Task<OrderDto> AddOrderAsync(int regimenId, OrderRequest request, CancellationToken cancellationToken = default)
    {
        await orderValidator.EnsureValidAsync(request, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await EnsureRegimenAsync(db, regimenId, cancellationToken);
        var order = new TreatmentOrder { RegimenId = regimenId, SignedBy = "", CreatedAt = clock.UtcNow };
        await ApplyAsync(order, request, cancellationToken);
        db.TreatmentOrders.Add(order);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Added order {OrderId} to regimen {RegimenId}", order.Id, regimenId);
        return OrderDto.From(order);
    }

    /// <summary>Corrects an order.</summary>
    public async Task<OrderDto> UpdateOrderAsync(int id, OrderRequest request, CancellationToken cancellationToken = default)
    {
        await orderValidator.EnsureValidAsync(request, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var order = await db.TreatmentOrders.FirstOrDefaultAsync(o => o.Id == id, cancellationToken) ?? throw new NotFoundException($"No order with id {id}.");
        ExpectVersion(db, order, request.Version);
        await ApplyAsync(order, request, cancellationToken);
        await SaveChangedAsync(db, "order", cancellationToken);
        logger.LogInformation("Updated order {OrderId}", id);
        return OrderDto.From(order);
    }

    private async Task ApplyAsync(TreatmentOrder order, OrderRequest request, CancellationToken cancellationToken)
    {
        var today = await clock.TodayAsync(cancellationToken);
        if (request.SignedOn > today)
        {
            throw RequestValidationException.For("signedOn", $"An order cannot be signed after today ({today:yyyy-MM-dd}).");
        }

        order.SignedBy = request.SignedBy!.Trim();
        order.SignedOn = request.SignedOn!.Value;
        order.ValidUntil = request.ValidUntil!.Value;
    }

    /// <summary>
    /// Copies the request; an approval's dates must cover the regimen's first dose still to give that no other approval
    /// covers (a new regimen: its first dose; a renewal: the first dose after the current approval).
    /// </summary>
    private async Task ApplyAsync(InfusionDbContext db, PriorAuthorization authorization, AuthorizationRequest request, CancellationToken cancellationToken)
    {
        var today = await clock.TodayAsync(cancellationToken);
        if (request.SubmittedOn > today)
        {
            throw RequestValidationException.For("submittedOn", $"The request cannot be submitted after today ({today:yyyy-MM-dd}).");
        }

        if (request.DecidedOn > today)
        {
            throw RequestValidationException.For("decidedOn", $"The payer cannot have decided after today ({today:yyyy-MM-dd}).");
        }

        if (request.Status == AuthorizationState.Approved)
        {
            var others = await db.PriorAuthorizations.AsNoTracking()
                .Where(a => a.RegimenId == authorization.RegimenId && a.Id != authorization.Id && a.Status == AuthorizationState.Approved)
                .ToListAsync(cancellationToken);
            var toGive = await db.Doses.AsNoTracking()
                .Where(d => d.RegimenId == authorization.RegimenId && (d.Status == DoseStatus.Planned || d.Status == DoseStatus.Booked || d.Status == DoseStatus.Missed))
                .OrderBy(d => d.TargetDate).Select(d => new { d.Sequence, d.TargetDate }).ToListAsync(cancellationToken);
            var first = toGive.FirstOrDefault(d => !others.Any(a => ReadinessService.Fact(a).Covers(d.TargetDate)));
            if (first is not null && (first.TargetDate < request.ApprovedFrom || first.TargetDate > request.ApprovedTo))
            {
                throw RequestValidationException.For("approvedFrom",
                    $"The approved dates {request.ApprovedFrom:yyyy-MM-dd} to {request.ApprovedTo:yyyy-MM-dd} do not cover dose {first.Sequence} " +
                    $"on {first.TargetDate:yyyy-MM-dd}, the regimen's first dose no approval covers yet.");
            }
        }

        authorization.Status = request.Status!.Value;
        authorization.Number = string.IsNullOrWhiteSpace(request.Number) ? null : request.Number.Trim();
        authorization.ApprovedFrom = request.ApprovedFrom;
        authorization.ApprovedTo = request.ApprovedTo;
        authorization.ApprovedDoses = request.ApprovedDoses;
        authorization.SiteOfCare = string.IsNullOrWhiteSpace(request.SiteOfCare) ? null : request.SiteOfCare.Trim();
        authorization.Notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim();
        authorization.SubmittedOn = request.SubmittedOn;
        authorization.DecidedOn = request.DecidedOn;
    }

    private static AuthorizationDto ToDto(PriorAuthorization a, IReadOnlyList<UsedDose> used) => new(
        a.Id, a.RegimenId, a.Status, a.Number, a.ApprovedFrom, a.ApprovedTo, a.ApprovedDoses,
        Domain.Readiness.Readiness.DosesUsed(ReadinessService.Fact(a), used), a.SiteOfCare, a.Notes, a.SubmittedOn, a.DecidedOn, a.RowVersion);

    /// <summary>The regimen's doses given (on the day given) or booked (on the appointment's clinic day).</summary>
    private async Task<IReadOnlyList<UsedDose>> UsedDosesAsync(InfusionDbContext db, int regimenId, CancellationToken cancellationToken)
    {
        var zone = await clock.ZoneAsync(cancellationToken);
        var given = await db.Doses.AsNoTracking().Where(d => d.RegimenId == regimenId && d.Status == DoseStatus.Given && d.GivenOn != null)
            .Select(d => new UsedDose(d.Id, d.GivenOn!.Value)).ToListAsync(cancellationToken);
        var booked = await db.Appointments.AsNoTracking()
            .Where(a => a.Dose!.RegimenId == regimenId && a.Dose.Status == DoseStatus.Booked && a.Status != AppointmentStatus.Cancelled && a.Status != AppointmentStatus.NoShow)
            .Select(a => new { DoseId = a.DoseId!.Value, a.StartsAt }).ToListAsync(cancellationToken);
        return [.. given, .. booked.GroupBy(b => b.DoseId).Select(g => new UsedDose(g.Key,
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(g.Min(b => b.StartsAt), DateTimeKind.Utc), zone))))];
    }

    private static async Task EnsureRegimenAsync(InfusionDbContext db, int regimenId, CancellationToken cancellationToken)
    {
        if (!await db.Regimens.AnyAsync(r => r.Id == regimenId, cancellationToken))
        {
            throw new NotFoundException($"No regimen with id {regimenId}.");
        }
    }
}
