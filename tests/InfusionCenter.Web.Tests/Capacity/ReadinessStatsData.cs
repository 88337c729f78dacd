using InfusionCenter.Domain.Readiness;
using InfusionCenter.Testing;
using InfusionCenter.Web.Data;
using Microsoft.EntityFrameworkCore;
using static InfusionCenter.Web.Tests.Capacity.ReadinessStatsTests;

namespace InfusionCenter.Web.Tests.Capacity;

/// <summary>
/// The known rows of <see cref="ReadinessStatsTests"/>, written straight to the database (regimens created and doses given
/// on chosen past days, which the API would not let a test back-date).
/// <list type="bullet">
/// <item>April 2024, first doses: ocrelizumab after 10, 20, 30, 40 and 100 days; natalizumab after 7 and 14 days (the
/// 14 entered at 22:30 New York time, already the next day in UTC); an ocrelizumab regimen whose first dose was in March
/// (its second in April: not counted); one entered five days after its first dose (left out, counted apart).</item>
/// <item>3–7 June 2024, one natalizumab patient with verified coverage and an approval covering the year: Tuesday's drug
/// arrived on the day (not ready), Thursday's two days before (ready), Wednesday's appointment cancelled on Monday (not
/// counted), Friday's cancelled on the day with the drug still shipped (not ready).</item>
/// </list>
/// </summary>
internal static class ReadinessStatsData
{
    public static async Task SeedAsync(InfusionAppFactory app)
    {
        await using var db = await app.CreateDbContextAsync();
        var ocrelizumab = await VersionAsync(db, "ocrelizumab");
        var natalizumab = await VersionAsync(db, "natalizumab");
        var chair = await db.Chairs.Where(c => c.Active).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();

        var regimens = new List<Regimen>
        {
            Regimen(ocrelizumab, "2024-03-22 10:00", ("2024-04-01", DoseStatus.Given)),
            Regimen(ocrelizumab, "2024-03-15 10:00", ("2024-04-04", DoseStatus.Given)),
            Regimen(ocrelizumab, "2024-03-11 10:00", ("2024-04-10", DoseStatus.Given)),
            Regimen(ocrelizumab, "2024-03-05 10:00", ("2024-04-14", DoseStatus.Given)),
            Regimen(ocrelizumab, "2024-01-20 10:00", ("2024-04-29", DoseStatus.Given)),
            Regimen(ocrelizumab, "2024-02-01 10:00", ("2024-03-31", DoseStatus.Given), ("2024-04-14", DoseStatus.Given)),
            Regimen(ocrelizumab, "2024-04-15 10:00", ("2024-04-10", DoseStatus.Given)),
            Regimen(natalizumab, "2024-04-01 11:00", ("2024-04-08", DoseStatus.Given)),
            Regimen(natalizumab, "2024-03-26 22:30", ("2024-04-09", DoseStatus.Given)),
        };
        var june = Regimen(natalizumab, "2024-01-05 09:00",
            ("2024-05-07", DoseStatus.Given), ("2024-06-04", DoseStatus.Given), ("2024-06-06", DoseStatus.Given),
            ("2024-06-05", DoseStatus.Planned), ("2024-06-07", DoseStatus.Planned));
        regimens.Add(june);

        var patients = regimens.Select((_, i) => new Patient
        {
            Mrn = "RDS" + Guid.NewGuid().ToString("N")[..10], GivenName = "Stats", FamilyName = $"Patient{i + 1}", BirthDate = new DateOnly(1975, 1, 1).AddDays(i),
        }).ToList();
        db.Patients.AddRange(patients);
        await db.SaveChangesAsync();
        for (var i = 0; i < regimens.Count; i++)
        {
            regimens[i].PatientId = patients[i].Id;
        }

        db.Regimens.AddRange(regimens);
        await db.SaveChangesAsync();

        db.Coverages.Add(new Coverage
        {
            PatientId = june.PatientId, Payer = "Aetna", MemberId = "RDS1", Primary = true, VerifiedOn = new(2024, 1, 2), ReverifyBy = new(2025, 1, 1),
            CreatedAt = DateTimeOffset.UtcNow,
        });
        db.PriorAuthorizations.Add(new PriorAuthorization
        {
            RegimenId = june.Id, Status = AuthorizationState.Approved, Number = "PA-RDS", ApprovedFrom = new(2024, 1, 1), ApprovedTo = new(2024, 12, 31),
            SubmittedOn = new(2023, 12, 1), DecidedOn = new(2023, 12, 15), CreatedAt = DateTimeOffset.UtcNow,
        });
        var doses = june.Doses.OrderBy(d => d.Sequence).ToList();
        (Dose Dose, string Day, AppointmentStatus Status, string? CancelledLocal, DrugSupplyState Drug, DateOnly? Received)[] visits =
        [
            (doses[1], "2024-06-04", AppointmentStatus.Completed, null, DrugSupplyState.Received, new(2024, 6, 4)),
            (doses[2], "2024-06-06", AppointmentStatus.Completed, null, DrugSupplyState.Received, new(2024, 6, 4)),
            (doses[3], "2024-06-05", AppointmentStatus.Cancelled, "2024-06-03 12:00", DrugSupplyState.Ordered, null),
            (doses[4], "2024-06-07", AppointmentStatus.Cancelled, "2024-06-07 08:00", DrugSupplyState.Shipped, null),
        ];
        foreach (var v in visits)
        {
            db.Appointments.Add(new Appointment
            {
                PatientId = june.PatientId, ChairId = chair, DoseId = v.Dose.Id, ProtocolCode = "natalizumab",
                StartsAt = Utc($"{v.Day} 10:00"), EndsAt = Utc($"{v.Day} 11:00"), Status = v.Status,
                BookedAt = Utc("2024-05-20 09:00"), BookedBy = "readiness-stats-test",
                CompletedAt = v.Status == AppointmentStatus.Completed ? Utc($"{v.Day} 11:05") : null,
                CancelledAt = v.CancelledLocal is { } at ? Utc(at) : null,
            });
            db.DrugSupplies.Add(new DrugSupply
            {
                DoseId = v.Dose.Id, Source = DrugSource.SpecialtyPharmacy, Status = v.Drug, ExpectedArrival = new(2024, 6, 3), ReceivedOn = v.Received,
            });
        }

        await db.SaveChangesAsync();
    }

    private static async Task<int> VersionAsync(InfusionDbContext db, string code) =>
        await db.ProtocolVersions.Where(v => v.Protocol!.Code == code).OrderByDescending(v => v.Version).Select(v => v.Id).FirstAsync();

    /// <summary>A regimen entered at a New York time, with doses on the days given (in sequence order).</summary>
    private static Regimen Regimen(int versionId, string createdLocal, params (string Date, DoseStatus Status)[] doses)
    {
        var start = DateOnly.Parse(doses[0].Date, System.Globalization.CultureInfo.InvariantCulture);
        return new Regimen
        {
            ProtocolVersionId = versionId, Start = start, Until = start.AddYears(2), Status = RegimenStatus.Active,
            CreatedAt = new DateTimeOffset(Utc(createdLocal)),
            Doses = [.. doses.Select((d, i) =>
            {
                var date = DateOnly.Parse(d.Date, System.Globalization.CultureInfo.InvariantCulture);
                return new Dose
                {
                    Sequence = i + 1, TargetDate = date, Earliest = date.AddDays(-7), Latest = date.AddDays(7), Amount = 300, Unit = "mg",
                    ChairMinutes = 60, Course = 1, DayInCourse = 1, Label = $"Dose {i + 1}", Status = d.Status, GivenOn = d.Status == DoseStatus.Given ? date : null,
                };
            })],
        };
    }
}
