using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InfusionCenter.Web.Data.Configurations;

internal sealed class DrugConfiguration : IEntityTypeConfiguration<DrugEntity>
{
    public void Configure(EntityTypeBuilder<DrugEntity> builder)
    {
        builder.ToTable("drugs");
        builder.Property(d => d.GenericName).HasMaxLength(100);
        builder.Property(d => d.BrandName).HasMaxLength(100);
        builder.HasIndex(d => d.GenericName).IsUnique();
    }
}

internal sealed class ProtocolConfiguration : IEntityTypeConfiguration<ProtocolEntity>
{
    public void Configure(EntityTypeBuilder<ProtocolEntity> builder)
    {
        builder.ToTable("protocols");
        builder.Property(p => p.Code).HasMaxLength(60);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.HasOne(p => p.Drug).WithMany().HasForeignKey(p => p.DrugId).OnDelete(DeleteBehavior.Restrict);
        // PostgreSQL's system column xmin as the optimistic-concurrency token (no column is added).
        builder.Property(p => p.RowVersion).HasColumnName("xmin").HasColumnType("xid").ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();
        builder.HasMany(p => p.Versions).WithOne(v => v.Protocol).HasForeignKey(v => v.ProtocolId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProtocolVersionConfiguration : IEntityTypeConfiguration<ProtocolVersion>
{
    public void Configure(EntityTypeBuilder<ProtocolVersion> builder)
    {
        builder.ToTable("protocol_versions");
        builder.HasIndex(v => new { v.ProtocolId, v.Version }).IsUnique();
        builder.Property(v => v.Name).HasMaxLength(200);
        builder.Property(v => v.DefinitionJson).HasColumnType("jsonb");
        builder.Property(v => v.CreatedBy).HasMaxLength(200);
    }
}

internal sealed class RegimenConfiguration : IEntityTypeConfiguration<Regimen>
{
    public void Configure(EntityTypeBuilder<Regimen> builder)
    {
        builder.ToTable("regimens");
        builder.HasOne(r => r.Patient).WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.ProtocolVersion).WithMany().HasForeignKey(r => r.ProtocolVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.PriorCumulativeMgPerM2).HasPrecision(8, 2);
        builder.Property(r => r.Bsa).HasPrecision(4, 2);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.StopReason).HasMaxLength(40);
        builder.Property(r => r.StoppedBy).HasMaxLength(256);
        builder.Property(r => r.StoppedBecause).HasMaxLength(500);
        builder.Property(r => r.DuplicateReason).HasMaxLength(500);
        builder.Property(r => r.IntervalOverrideUnit).HasMaxLength(10);
        builder.HasMany(r => r.Doses).WithOne(d => d.Regimen).HasForeignKey(d => d.RegimenId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.PatientId);
    }
}

internal sealed class DoseConfiguration : IEntityTypeConfiguration<Dose>
{
    public void Configure(EntityTypeBuilder<Dose> builder)
    {
        builder.ToTable("doses");
        builder.HasIndex(d => new { d.RegimenId, d.Sequence }).IsUnique();
        builder.HasIndex(d => new { d.Status, d.TargetDate });
        builder.Property(d => d.Amount).HasPrecision(9, 2);
        builder.Property(d => d.AmountPerM2).HasPrecision(9, 2);
        builder.Property(d => d.Unit).HasMaxLength(10);
        builder.Property(d => d.Label).HasMaxLength(60);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Warning).HasMaxLength(500);
        builder.Property(d => d.OptionCode).HasMaxLength(40);
        builder.Property(d => d.OptionChosenBy).HasMaxLength(256);
        builder.Property(d => d.RebookReason).HasMaxLength(500);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_records");
        builder.Property(r => r.Key).HasMaxLength(200);
        builder.Property(r => r.User).HasMaxLength(256);
        builder.Property(r => r.Operation).HasMaxLength(100);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.Location).HasMaxLength(200);
        builder.Property(r => r.ResponseJson).HasColumnType("jsonb");
        builder.HasIndex(r => new { r.User, r.Operation, r.Key }).IsUnique();
        builder.HasIndex(r => r.CreatedAt);
    }
}
