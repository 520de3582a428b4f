using Madoguchi.Cases.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Madoguchi.Cases.Data;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("cases_cases");
        // One case per submission: a redelivered intake message cannot open a second one.
        builder.HasIndex(c => c.SubmissionId).IsUnique();
        // The department inbox: open cases first by due date.
        builder.HasIndex(c => new { c.OrganizationId, c.DepartmentId, c.Status, c.DueDate });
        builder.HasIndex(c => new { c.OrganizationId, c.ProcedureId, c.ApplicantKey });
        builder.Property(c => c.ProcedureSlug).HasMaxLength(100);
        builder.Property(c => c.ProcedureTitleJa).HasMaxLength(200);
        builder.Property(c => c.ProcedureTitleEn).HasMaxLength(200);
        builder.Property(c => c.ReceiptNumber).HasMaxLength(40);
        builder.Property(c => c.ApplicantKey).HasMaxLength(64);
        builder.Property(c => c.AssigneeName).HasMaxLength(200);
        builder.Property(c => c.Channel).HasMaxLength(10);
        builder.Property(c => c.EnteredByName).HasMaxLength(200);
        builder.Ignore(c => c.IsCounter);
        // 楽観的排他 on both providers: UPDATE … WHERE Version = @original.
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.ToTable("cases_events");
        builder.HasIndex(e => new { e.CaseId, e.At });
        builder.Property(e => e.Action).HasMaxLength(40);
        builder.Property(e => e.ActorName).HasMaxLength(200);
        builder.Property(e => e.Comment).HasMaxLength(2000);
        builder.HasOne<Case>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseNoteConfiguration : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> builder)
    {
        builder.ToTable("cases_notes");
        builder.HasIndex(n => new { n.CaseId, n.At });
        builder.Property(n => n.AuthorName).HasMaxLength(200);
        builder.Property(n => n.Text).HasMaxLength(4000);
        builder.HasOne<Case>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseCheckResultConfiguration : IEntityTypeConfiguration<CaseCheckResult>
{
    public void Configure(EntityTypeBuilder<CaseCheckResult> builder)
    {
        builder.ToTable("cases_check_results");
        builder.HasIndex(r => new { r.CaseId, r.Order });
        builder.Property(r => r.Kind).HasMaxLength(40);
        builder.Property(r => r.MessageJa).HasMaxLength(500);
        builder.Property(r => r.MessageEn).HasMaxLength(500);
        builder.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseDecisionConfiguration : IEntityTypeConfiguration<CaseDecision>
{
    public void Configure(EntityTypeBuilder<CaseDecision> builder)
    {
        builder.ToTable("cases_decisions");
        builder.HasIndex(d => new { d.CaseId, d.Round, d.Step });
        builder.Property(d => d.Role).HasMaxLength(40);
        builder.Property(d => d.UserName).HasMaxLength(200);
        builder.Property(d => d.Title).HasMaxLength(100);
        builder.Property(d => d.DeputyFor).HasMaxLength(200);
        builder.Property(d => d.Comment).HasMaxLength(2000);
        builder.HasOne<Case>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProcedureCaseSettingsConfiguration : IEntityTypeConfiguration<ProcedureCaseSettings>
{
    public void Configure(EntityTypeBuilder<ProcedureCaseSettings> builder)
    {
        builder.ToTable("cases_procedure_settings");
        builder.HasIndex(s => new { s.OrganizationId, s.ProcedureSlug }).IsUnique();
        builder.Property(s => s.ProcedureSlug).HasMaxLength(100);
    }
}
