using InfusionCenter.Domain.Readiness;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Data;

public static partial class DemoSeed
{
    private static readonly string[] Payers = ["Blue Cross Blue Shield", "Aetna", "UnitedHealthcare", "Cigna", "Medicare Part B"];

    /// <summary>
    /// Demo readiness (issue 13): most patients on a regimen are ready (verified coverage, an approved authorization, a signed
    /// order); some are not — an authorization requested and not yet answered, one still to request, a patient without
    /// insurance on file, benefits never verified — one authorization ends within a month, and the drug of a dose booked for
    /// the next clinic day is still on its way from the specialty pharmacy. Runs only while no coverage exists (idempotent).
    /// </summary>
    public static async Task SeedDemoReadinessAsync(IDbContextFactory<InfusionDbContext> factory, DateOnly today, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (await db.Coverages.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var regimens = await db.Regimens.Where(r => r.Status == RegimenStatus.Active).OrderBy(r => r.Patient!.Mrn)
            .Select(r => new { r.Id, r.PatientId, r.Start }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < regimens.Count; i++)
        {
            var r = regimens[i];
            if (i != 6)
            {
                // Patient 7 has no insurance on file; patient 10's benefits were never verified.
                var verified = i == 9 ? (DateOnly?)null : today.AddDays(-20 - (3 * i));
                db.Coverages.Add(new Coverage
                {
                    PatientId = r.PatientId, Payer = Payers[i % Payers.Length], Plan = i % 2 == 0 ? "PPO" : "HMO",
                    MemberId = $"DEMO{400100 + i}", Primary = true, VerifiedOn = verified, VerifiedBy = verified is null ? null : "coordinator@infusion.test",
                    ReverifyBy = verified is { } on ? Readiness.DefaultReverifyBy(on) : null, CreatedAt = now,
                });
            }

            db.PriorAuthorizations.Add(i switch
            {
                3 => new PriorAuthorization { RegimenId = r.Id, Status = AuthorizationState.Requested, SubmittedOn = today.AddDays(-9), CreatedAt = now },
                8 => new PriorAuthorization { RegimenId = r.Id, Status = AuthorizationState.ToRequest, CreatedAt = now },
                _ => new PriorAuthorization
                {
                    RegimenId = r.Id, Status = AuthorizationState.Approved, Number = $"PA-{2026_0100 + i}", SiteOfCare = "Hospital outpatient infusion",
                    ApprovedFrom = r.Start < today.AddYears(-1) ? today.AddMonths(-6) : r.Start,
                    // One approval runs out within the month (the expiring list); the others last the year.
                    ApprovedTo = i == 2 ? today.AddDays(30) : today.AddMonths(11), SubmittedOn = r.Start.AddDays(-30), DecidedOn = r.Start.AddDays(-14), CreatedAt = now,
                },
            });
            db.TreatmentOrders.Add(new TreatmentOrder
            {
                RegimenId = r.Id, SignedBy = i % 2 == 0 ? "Dr. Helen Park" : "Dr. Samuel Osei", SignedOn = r.Start.AddDays(-30), ValidUntil = today.AddYears(1), CreatedAt = now,
            });
        }

        // The drug of the first dose booked on the next clinic day is still with the specialty pharmacy (white bagging).
        var nextDay = DateTime.SpecifyKind(today.AddDays(1).ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
        var late = await db.Appointments.Where(a => a.DoseId != null && a.Status == AppointmentStatus.Booked && a.StartsAt >= nextDay)
            .OrderBy(a => a.StartsAt).Select(a => a.DoseId).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (late is { } doseId)
        {
            db.DrugSupplies.Add(new DrugSupply { DoseId = doseId, Source = DrugSource.SpecialtyPharmacy, Status = DrugSupplyState.Shipped, ExpectedArrival = today.AddDays(1) });
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}
