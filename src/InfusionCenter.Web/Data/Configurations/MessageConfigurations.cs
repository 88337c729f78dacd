using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InfusionCenter.Web.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages", t => t.HasCheckConstraint("ck_outbox_messages_attempts", "attempts >= 0"));
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.LastError).HasMaxLength(500);
        builder.HasOne(m => m.Appointment).WithMany().HasForeignKey(m => m.AppointmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Patient>().WithMany().HasForeignKey(m => m.PatientId).OnDelete(DeleteBehavior.Cascade);
        // The sender's query: what is due now, oldest first.
        builder.HasIndex(m => m.DueAt).HasFilter("status = 'Pending'").HasDatabaseName("ix_outbox_messages_pending_due");
        builder.HasIndex(m => new { m.AppointmentId, m.Status });
    }
}

internal sealed class MessageLinkUseConfiguration : IEntityTypeConfiguration<MessageLinkUse>
{
    public void Configure(EntityTypeBuilder<MessageLinkUse> builder)
    {
        builder.ToTable("message_link_uses");
        builder.HasKey(u => u.LinkId);
        builder.Property(u => u.LinkId).ValueGeneratedNever();
        builder.Property(u => u.Action).HasConversion<string>().HasMaxLength(10);
        builder.HasOne<OutboxMessage>().WithMany().HasForeignKey(u => u.OutboxMessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Appointment>().WithMany().HasForeignKey(u => u.AppointmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(u => new { u.AppointmentId, u.Action });
    }
}
