using Madoguchi.Forms.Drafts;
using Madoguchi.Forms.Funnel;
using Madoguchi.Forms.Submissions;
using Madoguchi.Forms.Uploads;
using Madoguchi.Forms.Versions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Madoguchi.Forms.Data;

internal sealed class FormVersionConfiguration : IEntityTypeConfiguration<FormVersion>
{
    public void Configure(EntityTypeBuilder<FormVersion> builder)
    {
        builder.ToTable("forms_form_versions");
        builder.HasIndex(v => new { v.OrganizationId, v.ProcedureId, v.Number }).IsUnique();
        builder.Property(v => v.Status);
        builder.Property(v => v.DefinitionJson);
        builder.Property(v => v.PublishedAt);
        builder.Property(v => v.PublishedBy).HasMaxLength(200);
    }
}

internal sealed class DraftConfiguration : IEntityTypeConfiguration<Draft>
{
    public void Configure(EntityTypeBuilder<Draft> builder)
    {
        builder.ToTable("forms_drafts");
        builder.HasIndex(d => d.TokenHash).IsUnique();
        builder.HasIndex(d => d.ExpiresAt);
        builder.HasIndex(d => d.CitizenAccountId);
        builder.Property(d => d.ProcedureSlug).HasMaxLength(100);
        builder.Property(d => d.TokenHash).HasMaxLength(64);
        builder.Property(d => d.Email).HasMaxLength(254);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Ignore(d => d.IsSubmitted);
        builder.HasOne<FormVersion>().WithMany().HasForeignKey(d => d.FormVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UploadConfiguration : IEntityTypeConfiguration<Upload>
{
    public void Configure(EntityTypeBuilder<Upload> builder)
    {
        builder.ToTable("forms_uploads");
        builder.HasIndex(u => u.DraftId);
        builder.Property(u => u.FileName).HasMaxLength(255);
        builder.Property(u => u.ContentType).HasMaxLength(100);
        builder.Property(u => u.Sha256).HasMaxLength(64);
        builder.Property(u => u.StoragePath).HasMaxLength(400);
    }
}

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> builder)
    {
        builder.ToTable("forms_submissions");
        builder.HasIndex(s => new { s.OrganizationId, s.ReceiptNumber }).IsUnique();
        builder.HasIndex(s => s.StatusTokenHash).IsUnique();
        builder.HasIndex(s => new { s.OrganizationId, s.IdempotencyKeyHash }).IsUnique();
        builder.HasIndex(s => s.DraftId).IsUnique();
        builder.HasIndex(s => s.CitizenAccountId);
        builder.Property(s => s.ProcedureSlug).HasMaxLength(100);
        builder.Property(s => s.ReceiptNumber).HasMaxLength(40);
        builder.Property(s => s.StatusTokenHash).HasMaxLength(64);
        builder.Property(s => s.StatusTokenProtected).HasMaxLength(1000);
        builder.Property(s => s.IdempotencyKeyHash).HasMaxLength(64);
        builder.Property(s => s.RequestHash).HasMaxLength(64);
        builder.Property(s => s.Email).HasMaxLength(254);
        builder.Property(s => s.Language).HasMaxLength(2);
        builder.Property(s => s.EnteredByName).HasMaxLength(200);
        builder.HasOne<FormVersion>().WithMany().HasForeignKey(s => s.FormVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReceiptCounterConfiguration : IEntityTypeConfiguration<ReceiptCounter>
{
    public void Configure(EntityTypeBuilder<ReceiptCounter> builder)
    {
        builder.ToTable("forms_receipt_counters");
        builder.HasKey(c => new { c.OrganizationId, c.Year });
    }
}

internal sealed class FunnelEventConfiguration : IEntityTypeConfiguration<FunnelEvent>
{
    public void Configure(EntityTypeBuilder<FunnelEvent> builder)
    {
        builder.ToTable("forms_funnel_events");
        builder.HasIndex(e => new { e.OrganizationId, e.ProcedureSlug, e.OccurredAt });
        builder.Property(e => e.ProcedureSlug).HasMaxLength(100);
        builder.Property(e => e.Step).HasMaxLength(100);
        builder.Property(e => e.Field).HasMaxLength(200);
    }
}

internal sealed class SubmissionRevisionConfiguration : IEntityTypeConfiguration<Corrections.SubmissionRevision>
{
    public void Configure(EntityTypeBuilder<Corrections.SubmissionRevision> builder)
    {
        builder.ToTable("forms_submission_revisions");
        // One revision per 補正依頼: a double click or two tabs resubmitting the same link meet this index.
        builder.HasIndex(r => r.CorrectionId).IsUnique();
        builder.HasIndex(r => new { r.SubmissionId, r.Number }).IsUnique();
        builder.HasOne<Submission>().WithMany().HasForeignKey(r => r.SubmissionId).OnDelete(DeleteBehavior.Cascade);
    }
}
