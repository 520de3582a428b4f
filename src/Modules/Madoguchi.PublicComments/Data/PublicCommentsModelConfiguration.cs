using Madoguchi.Platform.Organizations;
using Madoguchi.PublicComments.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Madoguchi.PublicComments.Data;

internal sealed class PublicCommentProcessConfiguration : IEntityTypeConfiguration<PublicCommentProcess>
{
    public void Configure(EntityTypeBuilder<PublicCommentProcess> builder)
    {
        builder.ToTable("public_comments_processes");
        builder.HasIndex(p => new { p.OrganizationId, p.Slug }).IsUnique();
        builder.Property(p => p.Slug).HasMaxLength(100);
        builder.Property(p => p.ReceiptPrefix).HasMaxLength(10);
        builder.Property(p => p.TitleJa).HasMaxLength(300);
        builder.Property(p => p.TitleEn).HasMaxLength(300);
        builder.Property(p => p.SummaryJa).HasMaxLength(4000);
        builder.Property(p => p.ContactEmail).HasMaxLength(200);
        builder.Property(p => p.ContactFax).HasMaxLength(50);
        builder.Property(p => p.ContactAddressJa).HasMaxLength(300);
        builder.Property(p => p.ContactDepartmentJa).HasMaxLength(200);
        builder.HasOne<Department>().WithMany().HasForeignKey(p => p.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DraftSectionConfiguration : IEntityTypeConfiguration<DraftSection>
{
    public void Configure(EntityTypeBuilder<DraftSection> builder)
    {
        builder.ToTable("public_comments_sections");
        builder.HasIndex(s => new { s.ProcessId, s.Number }).IsUnique();
        builder.Property(s => s.HeadingJa).HasMaxLength(300);
        builder.Property(s => s.BodyJa).HasMaxLength(20000);
        builder.HasOne<PublicCommentProcess>().WithMany().HasForeignKey(s => s.ProcessId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OpinionConfiguration : IEntityTypeConfiguration<Opinion>
{
    public void Configure(EntityTypeBuilder<Opinion> builder)
    {
        builder.ToTable("public_comments_opinions");
        builder.HasIndex(o => new { o.ProcessId, o.Sequence }).IsUnique();
        builder.HasIndex(o => new { o.ProcessId, o.SubmissionKeyHash }).IsUnique();
        builder.Property(o => o.ReceiptNumber).HasMaxLength(30);
        builder.Property(o => o.SubmitterName).HasMaxLength(200);
        builder.Property(o => o.SubmitterAddress).HasMaxLength(200);
        builder.Property(o => o.SubmitterEmail).HasMaxLength(200);
        builder.Property(o => o.AgeGroup).HasMaxLength(20);
        builder.Property(o => o.Body).HasMaxLength(Opinion.MaxBodyLength);
        builder.Property(o => o.SubmissionKeyHash).HasMaxLength(64);
        builder.Property(o => o.ContentHash).HasMaxLength(64);
        builder.Property(o => o.RecordedBy).HasMaxLength(200);
        builder.Property(o => o.PublicSummaryJa).HasMaxLength(4000);
        builder.Property(o => o.ResponseJa).HasMaxLength(8000);
        builder.HasOne<PublicCommentProcess>().WithMany().HasForeignKey(o => o.ProcessId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DraftSection>().WithMany().HasForeignKey(o => o.SectionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OpinionGroup>().WithMany().HasForeignKey(o => o.GroupId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class OpinionGroupConfiguration : IEntityTypeConfiguration<OpinionGroup>
{
    public void Configure(EntityTypeBuilder<OpinionGroup> builder)
    {
        builder.ToTable("public_comments_groups");
        builder.HasIndex(g => new { g.ProcessId, g.Number }).IsUnique();
        builder.Property(g => g.SummaryJa).HasMaxLength(4000);
        builder.Property(g => g.ResponseJa).HasMaxLength(8000);
        builder.HasOne<PublicCommentProcess>().WithMany().HasForeignKey(g => g.ProcessId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DraftSection>().WithMany().HasForeignKey(g => g.SectionId).OnDelete(DeleteBehavior.Restrict);
    }
}
