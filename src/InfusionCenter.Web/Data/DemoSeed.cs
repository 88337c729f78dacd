using InfusionCenter.Web.Features.Booking;
using InfusionCenter.Web.Features.Worklist;
using InfusionCenter.Web.Features.Regimens;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Data;

/// <summary>
/// Development-only demo data: the clinic, its hours, 12 chairs and a few dozen fake patients.
/// Idempotent: each item is keyed (clinic by name, chair by name, patient by MRN) and only added
/// when missing, so running it on every start changes nothing the second time.
/// Nothing here runs in Production.
/// </summary>
public static partial class DemoSeed
{
    public const string ClinicName = "Riverside MS Infusion Center";

    private static readonly string[] GivenNames =
    [
        "Maria", "James", "Aisha", "Robert", "Mei", "David", "Sofia", "Michael", "Priya", "William",
        "Fatima", "Daniel", "Elena", "Thomas", "Grace", "Carlos", "Hannah", "Kwame", "Olivia", "Ahmed",
        "Emily", "Lucas", "Nadia", "Samuel", "Chloe", "Mateo", "Rachel", "Jamal", "Ingrid", "Victor",
        "Yuki", "Brian", "Leila", "Patrick", "Ana", "Omar",
    ];

    private static readonly string[] FamilyNames =
    [
        "Alvarez", "Bennett", "Chen", "Dubois", "Okafor", "Fitzgerald", "Gupta", "Hansen", "Ibrahim", "Jensen",
        "Kowalski", "Larsen", "Moreau", "Nakamura", "O'Brien", "Patel", "Quinn", "Rossi", "Santos", "Thompson",
        "Umarov", "Vasquez", "Whitaker", "Xu", "Yilmaz", "Zimmerman", "Abbott", "Brennan", "Castillo", "Delgado",
        "Eriksen", "Fischer", "Garcia", "Holloway", "Ivanova", "Johansson",
    ];

    public static async Task RunAsync(IDbContextFactory<InfusionDbContext> factory, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);

        if (!await db.Clinics.AnyAsync(c => c.Name == ClinicName, cancellationToken).ConfigureAwait(false))
        {
            var clinic = new Clinic { Name = ClinicName, TimeZone = "America/New_York" };
            foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
            {
                clinic.OpeningHours.Add(new OpeningHours { Weekday = day, Opens = new TimeOnly(7, 0), Closes = new TimeOnly(19, 0) });
            }

            db.Clinics.Add(clinic);
        }

        // Closures: the clinic's main holidays this year and next.
        var year = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).Year;
        var closed = await db.ClinicClosures.Select(c => c.Date).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (date, reason) in Enumerable.Range(year, 2).SelectMany(Holidays))
        {
            if (!closed.Contains(date))
            {
                db.ClinicClosures.Add(new ClinicClosure { Date = date, Reason = reason });
            }
        }

        var chairNames = await db.Chairs.Select(c => c.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
        for (var i = 1; i <= 12; i++)
        {
            var name = i <= 10 ? $"Chair {i}" : $"Bed {i - 10}";
            if (!chairNames.Contains(name))
            {
                db.Chairs.Add(new Chair { Name = name, Kind = i <= 10 ? ChairKind.Recliner : ChairKind.Bed, SortOrder = i });
            }
        }

        var mrns = (await db.Patients.Select(p => p.Mrn).ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet();
        var now = clock.GetUtcNow();
        var random = new Random(20260105); // fixed seed: the same demo patients every time
        for (var i = 0; i < GivenNames.Length; i++)
        {
            var mrn = $"MRN{100101 + i}";
            var heightCm = 150 + random.Next(0, 40);
            var weightKg = 50 + random.Next(0, 55);
            var birthDate = new DateOnly(1958, 1, 1).AddDays(random.Next(0, 365 * 45));
            var measuredDaysAgo = random.Next(1, 120);
            if (mrns.Contains(mrn))
            {
                continue;
            }

            db.Patients.Add(new Patient
            {
                Mrn = mrn,
                GivenName = GivenNames[i],
                FamilyName = FamilyNames[i],
                BirthDate = birthDate,
                HeightCm = heightCm,
                WeightKg = weightKg,
                MeasuredOn = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-measuredDaysAgo),
                CreatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private static IEnumerable<(DateOnly Date, string Reason)> Holidays(int year)
    {
        var thanksgiving = new DateOnly(year, 11, 1);
        while (thanksgiving.DayOfWeek != DayOfWeek.Thursday)
        {
            thanksgiving = thanksgiving.AddDays(1);
        }

        yield return (new DateOnly(year, 1, 1), "New Year's Day");
        yield return (new DateOnly(year, 7, 4), "Independence Day");
        yield return (thanksgiving.AddDays(21), "Thanksgiving");
        yield return (new DateOnly(year, 12, 25), "Christmas Day");
    }

    /// <summary>
    /// Demo regimens on a dozen patients, started in the past so that the calendars show given, due and
    /// planned doses. Runs only while no regimen exists at all (idempotent).
    /// </summary>
    public static async Task EnrolDemoRegimensAsync(IDbContextFactory<InfusionDbContext> factory, RegimenService regimens, DateOnly today, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (await db.Regimens.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var patients = await db.Patients.OrderBy(p => p.Mrn).Select(p => p.Id).Take(16).ToListAsync(cancellationToken).ConfigureAwait(false);
        // The newer forms (issue 14) start so that none of their doses is due in the next weeks: the demo bookings stay as they were.
        (string Protocol, int DaysAgo)[] plans =
        [
            ("ocrelizumab", 210), ("natalizumab", 140), ("ocrelizumab", 14), ("ublituximab", 70), ("natalizumab", 63),
            ("mitoxantrone", 280), ("ocrelizumab", 420), ("alemtuzumab", 350), ("natalizumab", 21), ("ublituximab", 7),
            ("methylprednisolone", 0), ("natalizumab", 350), ("ocrelizumab", 0), ("natalizumab", 0),
            ("ocrelizumab-sc", 182), ("natalizumab-sztn", 117),
        ];
        for (var i = 0; i < Math.Min(patients.Count, plans.Length); i++)
        {
            var start = today.AddDays(-plans[i].DaysAgo);
            var regimen = await regimens.EnrolAsync(patients[i], new EnrolRequest { Protocol = plans[i].Protocol, Start = start }, cancellationToken).ConfigureAwait(false);
            if (plans[i].Protocol.StartsWith("natalizumab", StringComparison.Ordinal))
            {
                // TOUCH authorization on file; one lapses soon so the worklist shows the warning.
                var patient = await db.Patients.FirstAsync(p => p.Id == patients[i], cancellationToken).ConfigureAwait(false);
                patient.AuthorizationExpires = i == 4 ? today.AddDays(10) : today.AddDays(120 + (7 * i));
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            foreach (var dose in regimen.Doses.Where(d => d.Date < today.AddDays(-3)).OrderBy(d => d.Sequence))
            {
                await regimens.RecordGivenAsync(dose.Id, new GivenRequest(dose.Date), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Demo bookings: the due doses of the coming days placed by the slot finder (so the board and the
    /// worklist show a realistic mix). Runs only while no appointment exists at all (idempotent).
    /// </summary>
    public static async Task BookDemoAppointmentsAsync(IDbContextFactory<InfusionDbContext> factory, WorklistService worklist, AppointmentService appointments, CancellationToken cancellationToken = default)
    {
        await using (var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await db.Appointments.AnyAsync(cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }

        var due = await worklist.DueAsync(2, cancellationToken).ConfigureAwait(false);
        // Leave some doses unbooked so the worklist has work in it: book about two thirds.
        foreach (var dose in due.Where((_, i) => i % 3 != 2))
        {
            var slot = (await worklist.SlotsAsync(dose.DoseId, null, null, null, 1, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
            if (slot is null)
            {
                continue;
            }

            try
            {
                await appointments.BookAsync(new BookAppointmentRequest
                {
                    PatientId = dose.PatientId,
                    ChairId = slot.ChairId,
                    DoseId = dose.DoseId,
                    Start = slot.Start.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                }, "demo-seed", cancellationToken).ConfigureAwait(false);
            }
            catch (Infrastructure.ConflictException)
            {
                // taken meanwhile: the demo can do without it
            }
        }
    }
}
