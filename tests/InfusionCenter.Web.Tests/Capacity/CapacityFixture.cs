using System.Globalization;
using InfusionCenter.Testing;
using InfusionCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Tests.Capacity;

/// <summary>
/// The app on a fresh database plus a known week of bookings far from the demo data (Mon 3 – Sun 9 March 2031,
/// New York, EST): three chairs, one cancelled and one no-show appointment, and Wednesday closed by a
/// <see cref="ClinicClosure"/> although one appointment was left on it.
/// </summary>
public sealed class CapacityFixture : IAsyncLifetime
{
    public static readonly DateOnly Monday = new(2031, 3, 3);

    public static readonly DateOnly Sunday = new(2031, 3, 9);

    public static readonly DateOnly ClosedWednesday = new(2031, 3, 5);

    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private InfusionAppFactory? _factory;

    public InfusionAppFactory App => _factory ?? throw new InvalidOperationException("not started");

    public int ActiveChairs { get; private set; }

    public async Task InitializeAsync()
    {
        _factory = new InfusionAppFactory(await SharedPostgres.CreateDatabaseAsync("capacity"));
        _ = _factory.Server; // migrations and the demo seed run now

        await using var db = await _factory.CreateDbContextAsync();
        ActiveChairs = await db.Chairs.CountAsync(c => c.Active);
        var chairs = await db.Chairs.Where(c => c.Active).OrderBy(c => c.Id).Select(c => c.Id).Take(3).ToListAsync();
        var (a, b, c) = (chairs[0], chairs[1], chairs[2]);
        var patients = Enumerable.Range(1, 3).Select(i => new Patient
        {
            Mrn = "CAP" + Guid.NewGuid().ToString("N")[..10], GivenName = "Cap", FamilyName = $"Patient{i}", BirthDate = new DateOnly(1980, 1, i),
        }).ToList();
        db.Patients.AddRange(patients);
        db.ClinicClosures.Add(new ClinicClosure { Date = ClosedWednesday, Reason = "Capacity test closure" });
        await db.SaveChangesAsync();
        var (p1, p2, p3) = (patients[0].Id, patients[1].Id, patients[2].Id);
        var tuesday = Monday.AddDays(1);
        db.Appointments.AddRange(
            // Monday: 120 + 60 + 150 + 45 = 375 booked minutes; three chairs busy at 10:30–11:00 and 11:00–11:15.
            Appointment(p1, a, Monday, "09:00", "11:00", AppointmentStatus.Completed, inChair: "09:05", completed: "11:20"),
            Appointment(p1, a, Monday, "11:00", "12:00"),
            Appointment(p2, b, Monday, "10:00", "12:30"),
            Appointment(p3, c, Monday, "10:30", "11:15"),
            Appointment(p2, b, Monday, "13:00", "14:00", AppointmentStatus.Cancelled),
            Appointment(p3, c, Monday, "12:00", "13:00", AppointmentStatus.NoShow),
            // Tuesday: 150 minutes.
            Appointment(p1, a, tuesday, "14:00", "16:30"),
            // Wednesday is closed, yet one appointment remains on it: 60 booked minutes, no open time.
            Appointment(p2, b, ClosedWednesday, "09:00", "10:00"));
        await db.SaveChangesAsync();
    }

    public static DateTime Utc(DateOnly date, string time) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.ParseExact(time, "HH:mm", CultureInfo.InvariantCulture)), NewYork);

    private static Appointment Appointment(int patient, int chair, DateOnly date, string start, string end,
        AppointmentStatus status = AppointmentStatus.Booked, string? inChair = null, string? completed = null) => new()
    {
        PatientId = patient,
        ChairId = chair,
        StartsAt = Utc(date, start),
        EndsAt = Utc(date, end),
        Status = status,
        BookedAt = DateTime.UtcNow,
        BookedBy = "capacity-test",
        InChairAt = inChair is null ? null : Utc(date, inChair),
        CompletedAt = completed is null ? null : Utc(date, completed),
        CancelledAt = status == AppointmentStatus.Cancelled ? DateTime.UtcNow : null,
    };

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}

/// <summary>The capacity test classes share one fixture (one database with the known week).</summary>
[CollectionDefinition(Name)]
public sealed class CapacityCollection : ICollectionFixture<CapacityFixture>
{
    public const string Name = "capacity";
}
