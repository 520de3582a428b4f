using System.Globalization;
using Madoguchi.Cases.Cases;
using Madoguchi.Cases.Transitions;
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
        // 受付一覧 (CaseInbox): the order is (IsOpen desc, DueDate, SubmittedAt, Id), so a department's first page is
        // the first rows of this index and its count an index-only scan, never a sort of the whole department.
        builder.Property(c => c.IsOpen).HasComputedColumnSql(IsOpenSql, stored: true);
        builder.HasIndex(c => new { c.OrganizationId, c.DepartmentId, c.IsOpen, c.DueDate, c.SubmittedAt, c.Id })
            .IsDescending(false, false, true, false, false, false).HasDatabaseName("IX_cases_cases_inbox");
        // Filtered by status: IsOpen follows from the status (the query says so), so this index gives the same order.
        builder.HasIndex(c => new { c.OrganizationId, c.DepartmentId, c.Status, c.IsOpen, c.DueDate, c.SubmittedAt, c.Id })
            .IsDescending(false, false, false, true, false, false, false).HasDatabaseName("IX_cases_cases_inbox_status");
        // An API key reads the whole organisation's inbox (no department).
        builder.HasIndex(c => new { c.OrganizationId, c.IsOpen, c.DueDate, c.SubmittedAt, c.Id })
            .IsDescending(false, true, false, false, false).HasDatabaseName("IX_cases_cases_inbox_organization");
        builder.HasIndex(c => new { c.OrganizationId, c.ProcedureId, c.ApplicantKey });
        // 受付番号 search (q, any part): a trigram index on PostgreSQL (pg_trgm, a trusted contrib extension) serves
        // LIKE '%…%'; SQLite ignores the method and keeps a plain index.
        builder.Metadata.Model.GetOrAddPostgresExtension(null, "pg_trgm", null);
        builder.HasIndex(c => c.ReceiptNumber).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("IX_cases_cases_receipt_trgm");
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

    /// <summary>
    /// <see cref="Case.IsOpen"/> as SQL for both providers (double-quoted identifiers work in PostgreSQL and SQLite),
    /// from the same statuses as <see cref="TransitionTable.IsOpen"/> (a test holds the two together).
    /// </summary>
    internal static readonly string IsOpenSql = string.Create(CultureInfo.InvariantCulture,
        $"\"Status\" NOT IN ({(int)CaseStatus.Completed}, {(int)CaseStatus.Rejected}, {(int)CaseStatus.Withdrawn})");
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
