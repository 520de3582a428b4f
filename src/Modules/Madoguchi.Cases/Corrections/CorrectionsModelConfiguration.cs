using Madoguchi.Cases.Cases;
using Madoguchi.Cases.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Madoguchi.Cases.Corrections;

internal sealed class CorrectionRequestConfiguration : IEntityTypeConfiguration<CorrectionRequest>
{
    public void Configure(EntityTypeBuilder<CorrectionRequest> builder)
    {
        builder.ToTable("cases_correction_requests");
        builder.HasIndex(r => r.TokenHash).IsUnique();
        builder.HasIndex(r => new { r.CaseId, r.RequestedAt });
        builder.HasIndex(r => new { r.SubmissionId, r.RequestedAt });
        // The reminder job looks for open, unreminded requests.
        builder.HasIndex(r => new { r.AnsweredAt, r.ClosedAt, r.ReminderSentAt, r.RequestedAt });
        builder.Property(r => r.TokenHash).HasMaxLength(64);
        builder.Property(r => r.FieldsJson).HasMaxLength(4000);
        builder.Property(r => r.Message).HasMaxLength(2000);
        builder.Property(r => r.RequestedByName).HasMaxLength(200);
        builder.Property(r => r.LinkBase).HasMaxLength(300);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationTemplateConfiguration : IEntityTypeConfiguration<NotificationTemplate>
{
    public void Configure(EntityTypeBuilder<NotificationTemplate> builder)
    {
        builder.ToTable("cases_notification_templates");
        builder.HasIndex(t => new { t.OrganizationId, t.Kind, t.Language }).IsUnique();
        builder.Property(t => t.Kind).HasMaxLength(40);
        builder.Property(t => t.Language).HasMaxLength(2);
        builder.Property(t => t.Subject).HasMaxLength(300);
        builder.Property(t => t.Body).HasMaxLength(8000);
    }
}

internal sealed class CaseNotificationConfiguration : IEntityTypeConfiguration<CaseNotification>
{
    public void Configure(EntityTypeBuilder<CaseNotification> builder)
    {
        builder.ToTable("cases_notifications");
        builder.HasIndex(n => new { n.CaseId, n.CreatedAt });
        builder.Property(n => n.Kind).HasMaxLength(40);
        builder.Property(n => n.Language).HasMaxLength(2);
        builder.Property(n => n.Channel).HasMaxLength(20);
        builder.Property(n => n.RecipientMasked).HasMaxLength(254);
        builder.HasOne<Case>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
