using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InfusionCenter.Web.Data.Configurations;

internal sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> builder)
    {
        builder.ToTable("patients");
        builder.Property(p => p.Mrn).HasMaxLength(32);
        builder.HasIndex(p => p.Mrn).IsUnique();
        builder.Property(p => p.GivenName).HasMaxLength(100);
        builder.Property(p => p.FamilyName).HasMaxLength(100);
        builder.Property(p => p.ReminderChannel).HasConversion<string>().HasMaxLength(10).HasDefaultValue(ReminderChannel.None);
        builder.Property(p => p.ReminderConsentBy).HasMaxLength(256);
        builder.Ignore(p => p.WantsReminders);
        builder.Property(p => p.HeightCm).HasPrecision(5, 1);
        builder.Property(p => p.WeightKg).HasPrecision(5, 1);
        builder.HasIndex(p => new { p.FamilyName, p.GivenName });
        // Search by name (either order, accents ignored) and MRN: f_search_key is created by the PatientSearch migration.
        builder.Property(p => p.SearchText)
            .HasComputedColumnSql("f_search_key(given_name || ' ' || family_name || ' ' || mrn)", stored: true);
        builder.HasIndex(p => p.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
        builder.Property(p => p.PreferredTime).HasConversion<string>().HasMaxLength(20).HasDefaultValue(Domain.Scheduling.TimePreference.None).HasSentinel(Domain.Scheduling.TimePreference.None);
        builder.Property(p => p.PreferredWeekdays).HasDefaultValueSql("'{}'::integer[]");
        builder.Property(p => p.Phone).HasMaxLength(Patient.MaxPhoneLength);
        builder.Property(p => p.Email).HasMaxLength(Patient.MaxEmailLength);
        builder.Property(p => p.CalendarFeedTokenHash).HasMaxLength(64);
        builder.HasIndex(p => p.CalendarFeedTokenHash).IsUnique().HasFilter("calendar_feed_token_hash IS NOT NULL");
        builder.Property(p => p.CalendarFeedCreatedBy).HasMaxLength(256);
        builder.Ignore(p => p.FullName);
    }
}

internal sealed class ChairConfiguration : IEntityTypeConfiguration<Chair>
{
    public void Configure(EntityTypeBuilder<Chair> builder)
    {
        builder.ToTable("chairs");
        builder.Property(c => c.Name).HasMaxLength(60);
        builder.HasIndex(c => c.Name).IsUnique();
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class ClinicConfiguration : IEntityTypeConfiguration<Clinic>
{
    public void Configure(EntityTypeBuilder<Clinic> builder)
    {
        builder.ToTable("clinics", t => t.HasCheckConstraint("ck_clinics_reverify_day",
            "reverify_month between 1 and 12 and reverify_day between 1 and 31 and (reverify_month <> 2 or reverify_day <= 29) "
            + "and (reverify_month not in (4, 6, 9, 11) or reverify_day <= 30)"));
        builder.Property(c => c.ReverifyMonth).HasDefaultValue(1);
        builder.Property(c => c.ReverifyDay).HasDefaultValue(1);
        builder.Property(c => c.PreferShorterOptions).HasDefaultValue(true);
        builder.Property(c => c.ReminderDays).HasDefaultValueSql("'{21,3,1}'::integer[]");
        builder.Property(c => c.Name).HasMaxLength(120);
        builder.Property(c => c.Address).HasMaxLength(Clinic.MaxAddressLength);
        builder.Property(c => c.Phone).HasMaxLength(Patient.MaxPhoneLength);
        builder.Property(c => c.TimeZone).HasMaxLength(64);
        // The name this column has had since the first migration (the naming convention would now drop the "_" before "minutes").
        builder.Property(c => c.MaxStartsPerNursePer30Minutes).HasColumnName("max_starts_per_nurse_per30_minutes");
        builder.HasMany(c => c.OpeningHours).WithOne().HasForeignKey(h => h.ClinicId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.RowVersion).HasColumnName("xmin").HasColumnType("xid").ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();
    }
}

internal sealed class OpeningHoursConfiguration : IEntityTypeConfiguration<OpeningHours>
{
    public void Configure(EntityTypeBuilder<OpeningHours> builder)
    {
        builder.ToTable("opening_hours", t => t.HasCheckConstraint("ck_opening_hours_order", "closes > opens"));
        builder.HasIndex(h => new { h.ClinicId, h.Weekday }).IsUnique();
    }
}
