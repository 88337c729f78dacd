using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InfusionCenter.Web.Data.Configurations;

internal sealed class CoverageConfiguration : IEntityTypeConfiguration<Coverage>
{
    public void Configure(EntityTypeBuilder<Coverage> builder)
    {
        builder.ToTable("coverages", t => t.HasCheckConstraint("ck_coverages_reverify_after_verified", "reverify_by IS NULL OR verified_on IS NULL OR reverify_by > verified_on"));
        builder.HasOne(c => c.Patient).WithMany().HasForeignKey(c => c.PatientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.PatientId);
        builder.Property(c => c.Payer).HasMaxLength(Coverage.MaxTextLength);
        builder.Property(c => c.Plan).HasMaxLength(Coverage.MaxTextLength);
        builder.Property(c => c.MemberId).HasMaxLength(Coverage.MaxMemberIdLength);
        builder.Property(c => c.VerifiedBy).HasMaxLength(Coverage.MaxTextLength);
        builder.Property(c => c.RowVersion).HasColumnName("xmin").HasColumnType("xid").ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();
    }
}

internal sealed class PriorAuthorizationConfiguration : IEntityTypeConfiguration<PriorAuthorization>
{
    public void Configure(EntityTypeBuilder<PriorAuthorization> builder)
    {
        builder.ToTable("prior_authorizations", t =>
        {
            t.HasCheckConstraint("ck_prior_authorizations_approved_order", "approved_to IS NULL OR approved_from IS NULL OR approved_to >= approved_from");
            t.HasCheckConstraint("ck_prior_authorizations_decided_order", "decided_on IS NULL OR submitted_on IS NULL OR decided_on >= submitted_on");
            t.HasCheckConstraint("ck_prior_authorizations_doses_positive", "approved_doses IS NULL OR approved_doses > 0");
            t.HasCheckConstraint("ck_prior_authorizations_approved_dates", "status <> 'Approved' OR (approved_from IS NOT NULL AND approved_to IS NOT NULL)");
        });
        builder.HasOne(a => a.Regimen).WithMany().HasForeignKey(a => a.RegimenId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.RegimenId);
        builder.HasIndex(a => new { a.Status, a.ApprovedTo });
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Number).HasMaxLength(PriorAuthorization.MaxNumberLength);
        builder.Property(a => a.SiteOfCare).HasMaxLength(PriorAuthorization.MaxTextLength);
        builder.Property(a => a.Notes).HasMaxLength(PriorAuthorization.MaxNotesLength);
        builder.Property(a => a.RowVersion).HasColumnName("xmin").HasColumnType("xid").ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();
    }
}

internal sealed class TreatmentOrderConfiguration : IEntityTypeConfiguration<TreatmentOrder>
{
    public void Configure(EntityTypeBuilder<TreatmentOrder> builder)
    {
        builder.ToTable("treatment_orders", t => t.HasCheckConstraint("ck_treatment_orders_valid_order", "valid_until >= signed_on"));
        builder.HasOne(o => o.Regimen).WithMany().HasForeignKey(o => o.RegimenId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => o.RegimenId);
        builder.Property(o => o.SignedBy).HasMaxLength(TreatmentOrder.MaxNameLength);
        builder.Property(o => o.RowVersion).HasColumnName("xmin").HasColumnType("xid").ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();
    }
}

internal sealed class DrugSupplyConfiguration : IEntityTypeConfiguration<DrugSupply>
{
    public void Configure(EntityTypeBuilder<DrugSupply> builder)
    {
        builder.ToTable("drug_supplies", t => t.HasCheckConstraint("ck_drug_supplies_received",
            "(status IN ('Received', 'Prepared')) = (received_on IS NOT NULL)"));
        builder.HasOne(s => s.Dose).WithMany().HasForeignKey(s => s.DoseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.DoseId).IsUnique();
        builder.Property(s => s.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.RowVersion).HasColumnName("xmin").HasColumnType("xid").ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();
    }
}

internal sealed class ReadinessRuleConfiguration : IEntityTypeConfiguration<ReadinessRule>
{
    public void Configure(EntityTypeBuilder<ReadinessRule> builder)
    {
        builder.ToTable("readiness_rules");
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(60);
    }
}
