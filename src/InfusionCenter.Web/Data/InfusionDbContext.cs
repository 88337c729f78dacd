using Microsoft.EntityFrameworkCore;

namespace InfusionCenter.Web.Data;

public sealed class InfusionDbContext(DbContextOptions<InfusionDbContext> options) : DbContext(options)
{
    public DbSet<Patient> Patients => Set<Patient>();

    public DbSet<Chair> Chairs => Set<Chair>();

    public DbSet<Clinic> Clinics => Set<Clinic>();

    public DbSet<OpeningHours> OpeningHours => Set<OpeningHours>();

    public DbSet<DrugEntity> Drugs => Set<DrugEntity>();

    public DbSet<ProtocolEntity> Protocols => Set<ProtocolEntity>();

    public DbSet<ProtocolVersion> ProtocolVersions => Set<ProtocolVersion>();

    public DbSet<Regimen> Regimens => Set<Regimen>();

    public DbSet<Dose> Doses => Set<Dose>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // btree_gist lets exclusion constraints combine = on ids with && on time ranges (no double booking).
        modelBuilder.HasPostgresExtension("btree_gist");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(InfusionDbContext).Assembly);
        SnakeCaseNames.Apply(modelBuilder);
    }
}
