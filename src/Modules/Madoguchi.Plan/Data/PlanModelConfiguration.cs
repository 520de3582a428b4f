using System.Text.Json;
using Madoguchi.Plan.Model;
using Madoguchi.Platform.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Madoguchi.Plan.Data;

internal static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static ValueComparer<List<T>> ListComparer<T>() => new(
        (a, b) => (a == null && b == null) || (a != null && b != null && a.SequenceEqual(b)),
        v => v.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        v => v.ToList());

    public static PropertyBuilder<List<T>> HasJsonConversion<T>(this PropertyBuilder<List<T>> property) =>
        property.HasConversion(
            v => JsonSerializer.Serialize(v, Options),
            v => JsonSerializer.Deserialize<List<T>>(v, Options) ?? new List<T>(),
            ListComparer<T>());
}

internal sealed class CityPlanConfiguration : IEntityTypeConfiguration<CityPlan>
{
    public void Configure(EntityTypeBuilder<CityPlan> builder)
    {
        builder.ToTable("plan_plans");
        builder.HasIndex(p => new { p.OrganizationId, p.Slug }).IsUnique();
        builder.Property(p => p.Slug).HasMaxLength(100);
        builder.Property(p => p.TitleJa).HasMaxLength(300);
        builder.Property(p => p.TitleEn).HasMaxLength(300);
        builder.Property(p => p.VisionJa).HasMaxLength(500);
        builder.Property(p => p.VisionDetailJa).HasMaxLength(2000);
        builder.Property(p => p.SourceNoteJa).HasMaxLength(4000);
        builder.Property(p => p.PreviousPlanTitleJa).HasMaxLength(300);
    }
}

internal sealed class PlanNodeConfiguration : IEntityTypeConfiguration<PlanNode>
{
    public void Configure(EntityTypeBuilder<PlanNode> builder)
    {
        builder.ToTable("plan_nodes");
        builder.HasIndex(n => new { n.PlanId, n.Number }).IsUnique();
        builder.HasIndex(n => new { n.PlanId, n.ParentId, n.SortOrder });
        builder.Property(n => n.Code).HasMaxLength(20);
        builder.Property(n => n.TitleJa).HasMaxLength(500);
        builder.Property(n => n.TitleEn).HasMaxLength(500);
        builder.Property(n => n.DescriptionJa).HasMaxLength(4000);
        builder.Property(n => n.ReadingNoteJa).HasMaxLength(1000);
        builder.Property(n => n.Weight).HasPrecision(9, 3);
        builder.Property(n => n.Schedule).HasJsonConversion().HasMaxLength(4000);
        builder.HasOne<CityPlan>().WithMany().HasForeignKey(n => n.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlanNode>().WithMany().HasForeignKey(n => n.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(n => n.Departments).WithOne().HasForeignKey(d => d.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProjectDepartmentConfiguration : IEntityTypeConfiguration<ProjectDepartment>
{
    public void Configure(EntityTypeBuilder<ProjectDepartment> builder)
    {
        builder.ToTable("plan_project_departments");
        builder.HasIndex(d => new { d.ProjectId, d.DepartmentId }).IsUnique();
        builder.HasIndex(d => d.DepartmentId);
        builder.HasOne<Department>().WithMany().HasForeignKey(d => d.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PreviousPlanItemConfiguration : IEntityTypeConfiguration<PreviousPlanItem>
{
    public void Configure(EntityTypeBuilder<PreviousPlanItem> builder)
    {
        builder.ToTable("plan_previous_items");
        builder.HasIndex(i => new { i.PlanId, i.Number }).IsUnique();
        builder.Property(i => i.PolicyCode).HasMaxLength(10);
        builder.Property(i => i.PolicyTitleJa).HasMaxLength(300);
        builder.Property(i => i.TitleJa).HasMaxLength(500);
        builder.Property(i => i.DepartmentsJa).HasMaxLength(500);
        builder.Property(i => i.StatusAsOfJa).HasMaxLength(100);
        builder.Property(i => i.DepartmentCodes).HasJsonConversion().HasMaxLength(1000);
        builder.HasOne<CityPlan>().WithMany().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PriorityGoalConfiguration : IEntityTypeConfiguration<PriorityGoal>
{
    public void Configure(EntityTypeBuilder<PriorityGoal> builder)
    {
        builder.ToTable("plan_priority_goals");
        builder.HasIndex(g => new { g.PlanId, g.Number }).IsUnique();
        builder.Property(g => g.TitleJa).HasMaxLength(300);
        builder.Property(g => g.TitleEn).HasMaxLength(300);
        builder.Property(g => g.DescriptionJa).HasMaxLength(2000);
        builder.Property(g => g.UnitJa).HasMaxLength(20);
        builder.Property(g => g.BaselineValue).HasPrecision(18, 3);
        builder.Property(g => g.TargetValue).HasPrecision(18, 3);
        builder.HasOne<CityPlan>().WithMany().HasForeignKey(g => g.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(g => g.Measurements).WithOne().HasForeignKey(m => m.GoalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GoalMeasurementConfiguration : IEntityTypeConfiguration<GoalMeasurement>
{
    public void Configure(EntityTypeBuilder<GoalMeasurement> builder)
    {
        builder.ToTable("plan_goal_measurements");
        builder.Property(m => m.Value).HasPrecision(18, 3);
        builder.Property(m => m.SourceJa).HasMaxLength(500);
        builder.Property(m => m.RecordedBy).HasMaxLength(200);
    }
}

internal sealed class ProgressStatusConfiguration : IEntityTypeConfiguration<ProgressStatus>
{
    public void Configure(EntityTypeBuilder<ProgressStatus> builder)
    {
        builder.ToTable("plan_progress_statuses");
        builder.HasIndex(s => new { s.OrganizationId, s.Code }).IsUnique();
        builder.Property(s => s.Code).HasMaxLength(50);
        builder.Property(s => s.NameJa).HasMaxLength(100);
        builder.Property(s => s.NameEn).HasMaxLength(100);
    }
}

internal sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> builder)
    {
        builder.ToTable("plan_progress_reports");
        builder.HasIndex(r => new { r.ProjectId, r.DepartmentId, r.FiscalYear }).IsUnique();
        builder.HasIndex(r => new { r.PlanId, r.FiscalYear });
        builder.Property(r => r.StatusCode).HasMaxLength(50);
        builder.Property(r => r.DoneJa).HasMaxLength(ProgressReport.MaxTextLength);
        builder.Property(r => r.IssuesJa).HasMaxLength(ProgressReport.MaxTextLength);
        builder.Property(r => r.NextYearPlanJa).HasMaxLength(ProgressReport.MaxTextLength);
        builder.Property(r => r.IndicatorValuesJa).HasMaxLength(ProgressReport.MaxTextLength);
        builder.Property(r => r.ReturnReasonJa).HasMaxLength(ProgressReport.MaxTextLength);
        builder.Property(r => r.EvaluationCommentJa).HasMaxLength(ProgressReport.MaxTextLength);
        builder.Property(r => r.NextYearPlanCommentJa).HasMaxLength(ProgressReport.MaxTextLength);
        builder.Property(r => r.UpdatedBy).HasMaxLength(200);
        builder.Property(r => r.SubmittedBy).HasMaxLength(200);
        builder.Property(r => r.EvaluatedBy).HasMaxLength(200);
        builder.Property(r => r.Revision).IsConcurrencyToken();
        builder.HasOne<PlanNode>().WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Department>().WithMany().HasForeignKey(r => r.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CouncilReportConfiguration : IEntityTypeConfiguration<CouncilReport>
{
    public void Configure(EntityTypeBuilder<CouncilReport> builder)
    {
        builder.ToTable("plan_council_reports");
        builder.HasIndex(r => new { r.PlanId, r.FiscalYear }).IsUnique();
        builder.Property(r => r.SummaryJa).HasMaxLength(8000);
        builder.Property(r => r.IssuedBy).HasMaxLength(200);
        builder.HasOne<CityPlan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}
