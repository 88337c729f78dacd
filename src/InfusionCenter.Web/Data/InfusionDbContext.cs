using InfusionCenter.Web.Features.Audit;
using InfusionCenter.Web.Features.Auth;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Data;

public sealed class InfusionDbContext(DbContextOptions<InfusionDbContext> options) : IdentityDbContext<AppUser>(options)
{
    /// <summary>Set by <see cref="AuditInterceptor"/> when it opened the transaction of the current SaveChanges.</summary>
    internal bool OwnsAuditTransaction { get; set; }

    /// <summary>Audit rows captured before SaveChanges, written right after it (generated keys known then).</summary>
    internal List<(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry Entry, AuditEntry Audit)>? PendingAudit { get; set; }

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<DataProtectionKeyRow> DataProtectionKeys => Set<DataProtectionKeyRow>();

    public DbSet<Patient> Patients => Set<Patient>();

    public DbSet<Chair> Chairs => Set<Chair>();

    public DbSet<Clinic> Clinics => Set<Clinic>();

    public DbSet<OpeningHours> OpeningHours => Set<OpeningHours>();

    public DbSet<DrugEntity> Drugs => Set<DrugEntity>();

    public DbSet<ProtocolEntity> Protocols => Set<ProtocolEntity>();

    public DbSet<ProtocolVersion> ProtocolVersions => Set<ProtocolVersion>();

    public DbSet<Regimen> Regimens => Set<Regimen>();

    public DbSet<Dose> Doses => Set<Dose>();

    public DbSet<Appointment> Appointments => Set<Appointment>();

    public DbSet<SafetyCheck> SafetyChecks => Set<SafetyCheck>();

    public DbSet<ClinicClosure> ClinicClosures => Set<ClinicClosure>();

    public DbSet<StaffingDay> StaffingDays => Set<StaffingDay>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder); // ASP.NET Core Identity tables
        // btree_gist lets exclusion constraints combine = on ids with && on time ranges (no double booking).
        modelBuilder.HasPostgresExtension("btree_gist");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(InfusionDbContext).Assembly);
        SnakeCaseNames.Apply(modelBuilder);
    }
}
