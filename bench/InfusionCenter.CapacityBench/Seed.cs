using InfusionCenter.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

/// <summary>
/// Realistic volume: a 40-chair center open 06:00–22:00 every day, each chair booked back to back with the
/// six protocols' chair times (short visits most common), 4 % no-shows and 7 % cancellations in the past,
/// overruns on one infusion in five, and each regimen's next doses planned (unbooked) for the coming year.
/// Patients are tied to one chair and one protocol, so no two active appointments overlap per chair or patient
/// (the exclusion constraints stay on). Appointments and doses are written with binary COPY.
/// </summary>
internal static partial class Seed
{
    private const int Chairs = 40;
    private const int PatientsPerChairAndProtocol = 30;

    private static readonly (string Code, string Drug, int Minutes, int Weight, int IntervalDays)[] Mix =
    [
        ("ocrelizumab-sc", "ocrelizumab (subcutaneous)", 30, 20, 168), ("mitoxantrone", "mitoxantrone", 45, 32, 91),
        ("methylprednisolone", "methylprednisolone", 60, 24, 120), ("natalizumab", "natalizumab", 120, 14, 28),
        ("ublituximab", "ublituximab", 60, 6, 168), ("ocrelizumab", "ocrelizumab", 210, 3, 168), ("alemtuzumab", "alemtuzumab", 420, 1, 365),
    ];

    public sealed record Counts(long Appointments, long Active, long Cancelled, long NoShows, long Doses, long Planned);

    private struct Visit
    {
        public int Patient;
        public int Chair;
        public int? Dose;
        public string? Protocol;
        public DateTime Start;
        public DateTime End;
        public string Status;
        public DateTime? InChair;
        public DateTime? Completed;
    }

    public static async Task<Counts> RunAsync(IDbContextFactory<InfusionDbContext> factory, NpgsqlConnection connection, DateOnly today, int years, bool validate)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var first = today.AddDays(56).AddYears(-years);
        var last = today.AddDays(55);
        var random = new Random(42); // one sequence through all three steps, in this order: the same data every run

        var (chairIds, patientIds, regimenIds) = await AddReferenceDataAsync(factory, zone, first, today, random);
        var (visits, doseId, planned) = await WriteDosesAsync(connection, zone, first, last, today, random, chairIds, patientIds, regimenIds);
        await WriteAppointmentsAsync(connection, visits, doseId, validate);

        var cancelled = visits.LongCount(v => v.Status == "Cancelled");
        var noShows = visits.LongCount(v => v.Status == "NoShow");
        return new Counts(visits.Count, visits.Count - cancelled - noShows, cancelled, noShows, doseId, planned);
    }

    /// <summary>Clinic, hours, chairs, protocols, patients and one regimen per patient, through EF Core; returns their ids.</summary>
    private static async Task<(int[] Chairs, int[,,] Patients, int[,,] Regimens)> AddReferenceDataAsync(
        IDbContextFactory<InfusionDbContext> factory, TimeZoneInfo zone, DateOnly first, DateOnly today, Random random)
    {
        int[] chairIds;
        int[,,] patientIds = new int[Chairs, Mix.Length, PatientsPerChairAndProtocol];
        int[,,] regimenIds = new int[Chairs, Mix.Length, PatientsPerChairAndProtocol];
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Clinics.Add(new Clinic
            {
                Name = "Benchmark Infusion Center", TimeZone = zone.Id, DefaultNursesOnShift = 10, MaxPatientsPerNurse = 4, MaxStartsPerNursePer30Minutes = 2,
                OpeningHours = Enum.GetValues<DayOfWeek>().Select(d => new OpeningHours { Weekday = d, Opens = new TimeOnly(6, 0), Closes = new TimeOnly(22, 0) }).ToList(),
            });
            var chairs = Enumerable.Range(1, Chairs).Select(i => new Chair { Name = $"Chair {i:00}", Kind = i % 10 == 0 ? ChairKind.Bed : ChairKind.Recliner, SortOrder = i }).ToList();
            db.Chairs.AddRange(chairs);
            var versions = Mix.Select(m =>
            {
                var protocol = new ProtocolEntity { Code = m.Code, CurrentVersion = 1, Drug = new DrugEntity { GenericName = m.Drug } };
                return new ProtocolVersion { Protocol = protocol, Version = 1, Name = m.Drug, DefinitionJson = "{}", CreatedAt = DateTimeOffset.UtcNow };
            }).ToList();
            db.ProtocolVersions.AddRange(versions);
            await db.SaveChangesAsync();
            chairIds = chairs.Select(c => c.Id).ToArray();

            var regimens = new List<(int C, int P, int K, Regimen Regimen)>();
            for (var c = 0; c < Chairs; c++)
            {
                for (var p = 0; p < Mix.Length; p++)
                {
                    for (var k = 0; k < PatientsPerChairAndProtocol; k++)
                    {
                        var patient = new Patient
                        {
                            Mrn = $"B{c:00}{p}{k:000}", GivenName = "Bench", FamilyName = $"Patient{c}-{p}-{k}",
                            BirthDate = new DateOnly(1960, 1, 1).AddDays(random.Next(0, 365 * 40)), CreatedAt = DateTimeOffset.UtcNow,
                        };
                        regimens.Add((c, p, k, new Regimen
                        {
                            Patient = patient, ProtocolVersionId = versions[p].Id, Start = first, Until = today.AddYears(2),
                            Status = RegimenStatus.Active, CreatedAt = DateTimeOffset.UtcNow,
                        }));
                    }
                }
            }

            db.Regimens.AddRange(regimens.Select(r => r.Regimen));
            await db.SaveChangesAsync();
            foreach (var (c, p, k, regimen) in regimens)
            {
                patientIds[c, p, k] = regimen.PatientId;
                regimenIds[c, p, k] = regimen.Id;
            }
        }

        return (chairIds, patientIds, regimenIds);
    }
}
