using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InfusionCenter.Web.Data.Configurations;

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> builder)
    {
        // The exclusion constraints (no overlap per chair, per patient) are created in the migration
        // "Appointments" with raw SQL: EF Core has no model API for EXCLUDE USING gist.
        builder.ToTable("appointments", t =>
        {
            t.HasCheckConstraint("ck_appointments_order", "ends_at > starts_at");
            t.HasCheckConstraint("ck_appointments_actual_order", "actual_end IS NULL OR actual_start IS NULL OR actual_end >= actual_start");
        });
        builder.HasOne(a => a.Patient).WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Dose).WithMany().HasForeignKey(a => a.DoseId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(a => a.Chair).WithMany().HasForeignKey(a => a.ChairId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.CancelReason).HasMaxLength(500);
        builder.Property(a => a.BookedBy).HasMaxLength(200);
        builder.Property(a => a.Notes).HasMaxLength(1000);
        builder.Property(a => a.ProtocolCode).HasMaxLength(60);
        builder.Property(a => a.LotNumber).HasMaxLength(60);
        builder.Property(a => a.WindowOverrideReason).HasMaxLength(500);
        builder.Property(a => a.WindowOverrideBy).HasMaxLength(200);
        builder.Property(a => a.ReactionSeverity).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ReactionAction).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.AmountGiven).HasPrecision(10, 2);
        builder.Property(a => a.RowVersion).HasColumnName("xmin").HasColumnType("xid").ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();
        builder.HasIndex(a => a.StartsAt);
        builder.HasIndex(a => new { a.ChairId, a.StartsAt });
        builder.HasIndex(a => new { a.PatientId, a.StartsAt });
        builder.HasIndex(a => a.DoseId);
        builder.HasIndex(a => a.CourseGroup);
    }
}

internal sealed class SafetyCheckConfiguration : IEntityTypeConfiguration<SafetyCheck>
{
    public void Configure(EntityTypeBuilder<SafetyCheck> builder)
    {
        builder.ToTable("safety_checks");
        builder.HasOne(c => c.Appointment).WithMany().HasForeignKey(c => c.AppointmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Patient>().WithMany().HasForeignKey(c => c.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.GateCode).HasMaxLength(60);
        builder.Property(c => c.ConfirmedBy).HasMaxLength(200);
        builder.Property(c => c.Note).HasMaxLength(500);
        // One confirmation per gate and appointment (two nurses confirming at once: the second is told it is done).
        builder.HasIndex(c => new { c.AppointmentId, c.GateCode }).IsUnique();
        builder.HasIndex(c => new { c.PatientId, c.GateCode, c.ConfirmedOn });
    }
}

internal sealed class ClinicClosureConfiguration : IEntityTypeConfiguration<ClinicClosure>
{
    public void Configure(EntityTypeBuilder<ClinicClosure> builder)
    {
        builder.ToTable("clinic_closures");
        builder.HasIndex(c => c.Date).IsUnique();
        builder.Property(c => c.Reason).HasMaxLength(200);
    }
}

internal sealed class StaffingDayConfiguration : IEntityTypeConfiguration<StaffingDay>
{
    public void Configure(EntityTypeBuilder<StaffingDay> builder)
    {
        builder.ToTable("staffing_days", t => t.HasCheckConstraint("ck_staffing_days_nurses", "nurses_on_shift >= 0"));
        builder.HasIndex(s => s.Date).IsUnique();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<Features.Audit.AuditEntry>
{
    public void Configure(EntityTypeBuilder<Features.Audit.AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.Property(a => a.User).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(20);
        builder.Property(a => a.EntityType).HasMaxLength(60);
        builder.Property(a => a.EntityId).HasMaxLength(100);
        builder.Property(a => a.Changes).HasColumnType("jsonb");
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
        builder.HasIndex(a => a.User);
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<Features.Auth.DataProtectionKeyRow>
{
    public void Configure(EntityTypeBuilder<Features.Auth.DataProtectionKeyRow> builder) => builder.ToTable("data_protection_keys");
}
