using InfusionCenter.Web.Data;
using InfusionCenter.Web.Features.Audit;
using InfusionCenter.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Features.Readiness;

/// <summary>
/// The records readiness is computed from: a patient's coverage (this file), a regimen's authorizations and orders
/// (ReadinessRecordService.Regimen.cs) and a dose's drug supply (ReadinessRecordService.Drug.cs). Every change is audited;
/// a <c>version</c> sent with a change must still be the row's (optimistic concurrency, else 409). Payers, plans, member ids
/// and authorization numbers identify a patient's insurance: logs name ids only.
/// </summary>
public sealed partial class ReadinessRecordService(
    IDbContextFactory<InfusionDbContext> dbFactory,
    ClinicClock clock,
    CoverageRequestValidator coverageValidator,
    AuthorizationRequestValidator authorizationValidator,
    OrderRequestValidator orderValidator,
    DrugSupplyRequestValidator drugValidator,
    ILogger<ReadinessRecordService> logger)
{
    /// <summary>The patient's plans, primary first; 404 for an unknown patient.</summary>
    public async Task<IReadOnlyList<CoverageDto>> CoveragesAsync(int patientId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await EnsurePatientAsync(db, patientId, cancellationToken);
        var rows = await db.Coverages.AsNoTracking().Where(c => c.PatientId == patientId).OrderByDescending(c => c.Primary).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(CoverageDto.From)];
    }

    /// <summary>Adds a plan to the patient.</summary>
    public async Task<CoverageDto> AddCoverageAsync(int patientId, CoverageRequest request, CancellationToken cancellationToken = default)
    {
        await coverageValidator.EnsureValidAsync(request, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await EnsurePatientAsync(db, patientId, cancellationToken);
        var coverage = new Coverage { PatientId = patientId, Payer = "", MemberId = "", CreatedAt = clock.UtcNow };
        await ApplyAsync(db, coverage, request, cancellationToken);
        db.Coverages.Add(coverage);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Added coverage {CoverageId} for patient {PatientId}", coverage.Id, patientId);
        return CoverageDto.From(coverage);
    }

    /// <summary>Replaces a plan's details (a re-verification is a change of <c>verifiedOn</c>).</summary>
    public async Task<CoverageDto> UpdateCoverageAsync(int id, CoverageRequest request, CancellationToken cancellationToken = default)
    {
        await coverageValidator.EnsureValidAsync(request, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var coverage = await db.Coverages.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException($"No coverage with id {id}.");
        ExpectVersion(db, coverage, request.Version);
        await ApplyAsync(db, coverage, request, cancellationToken);
        await SaveChangedAsync(db, "insurance plan", cancellationToken);
        logger.LogInformation("Updated coverage {CoverageId}", id);
        return CoverageDto.From(coverage);
    }

    /// <summary>Removes a plan the patient no longer has (audited with its values).</summary>
    public async Task DeleteCoverageAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var coverage = await db.Coverages.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException($"No coverage with id {id}.");
        db.Coverages.Remove(coverage);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Removed coverage {CoverageId}", id);
    }

    private async Task ApplyAsync(InfusionDbContext db, Coverage coverage, CoverageRequest request, CancellationToken cancellationToken)
    {
        var today = await clock.TodayAsync(cancellationToken);
        if (request.VerifiedOn > today)
        {
            throw RequestValidationException.For("verifiedOn", $"Benefits cannot be verified after today ({today:yyyy-MM-dd}).");
        }

        coverage.Payer = request.Payer!.Trim();
        coverage.Plan = string.IsNullOrWhiteSpace(request.Plan) ? null : request.Plan.Trim();
        coverage.MemberId = request.MemberId!.Trim();
        coverage.Primary = request.Primary ?? true;
        coverage.VerifiedOn = request.VerifiedOn;
        coverage.VerifiedBy = request.VerifiedOn is null ? null : string.IsNullOrWhiteSpace(request.VerifiedBy) ? AuditUser.Name : request.VerifiedBy.Trim();
        coverage.ReverifyBy = request.ReverifyBy;
        if (request.ReverifyBy is null && request.VerifiedOn is { } on)
        {
            // The clinic's re-verification day (1 January unless an admin chose another).
            var day = await db.Clinics.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.ReverifyMonth, c.ReverifyDay }).FirstOrDefaultAsync(cancellationToken);
            coverage.ReverifyBy = Domain.Readiness.Readiness.DefaultReverifyBy(on, day?.ReverifyMonth ?? 1, day?.ReverifyDay ?? 1);
        }
    }

    private static async Task EnsurePatientAsync(InfusionDbContext db, int patientId, CancellationToken cancellationToken)
    {
        if (!await db.Patients.AnyAsync(p => p.Id == patientId, cancellationToken))
        {
            throw new NotFoundException($"No patient with id {patientId}.");
        }
    }

    /// <summary>Saves a change to a row read with a version: a row changed meanwhile is a 409 that says so in words.</summary>
    private static async Task SaveChangedAsync(InfusionDbContext db, string what, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException($"This {what} was changed by someone else after it was read. Nothing was saved: read it again and repeat the change.");
        }
    }

    /// <summary>With a version from the client, the update only succeeds if the row still has it (xmin); otherwise EF's check is a 409.</summary>
    private static void ExpectVersion<T>(InfusionDbContext db, T entity, uint? version)
        where T : class
    {
        if (version is { } expected)
        {
            db.Entry(entity).Property("RowVersion").OriginalValue = expected;
        }
    }
}
