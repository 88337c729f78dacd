using InfusionCenter.Web.Features.Audit;
using InfusionCenter.Web.Features.Auth;
using Microsoft.AspNetCore.Identity;
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

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<MessageLinkUse> MessageLinkUses => Set<MessageLinkUse>();

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

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<Coverage> Coverages => Set<Coverage>();

    public DbSet<PriorAuthorization> PriorAuthorizations => Set<PriorAuthorization>();

    public DbSet<TreatmentOrder> TreatmentOrders => Set<TreatmentOrder>();

    public DbSet<DrugSupply> DrugSupplies => Set<DrugSupply>();

    public DbSet<ReadinessRule> ReadinessRules => Set<ReadinessRule>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder); // ASP.NET Core Identity tables
        // btree_gist lets exclusion constraints combine = on ids with && on time ranges (no double booking).
        modelBuilder.HasPostgresExtension("btree_gist");
        // unaccent and pg_trgm: patient search ignores accents and uses a trigram index (PatientSearch migration).
        modelBuilder.HasPostgresExtension("unaccent");
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(InfusionDbContext).Assembly);
        NameIdentityTablesInSnakeCase(modelBuilder);
    }

    /// <summary>
    /// What a name search compares: lower case, accents removed (PostgreSQL unaccent: "Sørensen" → "sorensen"),
    /// hyphens, apostrophes, commas and dots as spaces. The SQL function f_search_key; callable only inside queries.
    /// </summary>
    [DbFunction("f_search_key", IsBuiltIn = false)]
    public static string SearchKey(string text) => throw new NotSupportedException("f_search_key runs in PostgreSQL only");

    /// <summary>
    /// Identity names its tables and indexes explicitly (AspNetUsers, UserNameIndex), which the snake_case naming
    /// convention leaves alone; our database has had them in snake_case since the first migration, so they are pinned.
    /// </summary>
    private static void NameIdentityTablesInSnakeCase(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AppUser>(user =>
        {
            user.ToTable("asp_net_users");
            user.HasIndex(u => u.NormalizedUserName).HasDatabaseName("user_name_index");
            user.HasIndex(u => u.NormalizedEmail).HasDatabaseName("email_index");
        });
        modelBuilder.Entity<IdentityRole>(role =>
        {
            role.ToTable("asp_net_roles");
            role.HasIndex(r => r.NormalizedName).HasDatabaseName("role_name_index");
        });
        modelBuilder.Entity<IdentityUserClaim<string>>().ToTable("asp_net_user_claims");
        modelBuilder.Entity<IdentityUserLogin<string>>().ToTable("asp_net_user_logins");
        modelBuilder.Entity<IdentityUserRole<string>>().ToTable("asp_net_user_roles");
        modelBuilder.Entity<IdentityUserToken<string>>().ToTable("asp_net_user_tokens");
        modelBuilder.Entity<IdentityRoleClaim<string>>().ToTable("asp_net_role_claims");
    }
}
