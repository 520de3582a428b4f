using System.Text.Json;
using Madoguchi.Platform.Organizations;
using Madoguchi.Procedures.Catalog;
using Madoguchi.Procedures.LifeEvents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Madoguchi.Procedures.Data;

internal sealed class ProcedureConfiguration : IEntityTypeConfiguration<Procedure>
{
    public void Configure(EntityTypeBuilder<Procedure> builder)
    {
        builder.ToTable("procedures_procedures");
        builder.HasIndex(p => new { p.OrganizationId, p.Slug }).IsUnique();
        builder.Property(p => p.Slug).HasMaxLength(100);
        builder.Property(p => p.TitleJa).HasMaxLength(200);
        builder.Property(p => p.TitleEn).HasMaxLength(200);
        builder.Property(p => p.SummaryJa).HasMaxLength(2000);
        builder.Property(p => p.SummaryEn).HasMaxLength(2000);
        builder.Property(p => p.Keywords).HasMaxLength(1000);
        builder.Property(p => p.RelatedSlugs).HasMaxLength(1000);
        // 楽観的排他: the edit page saves only over the version it was opened with.
        builder.Property(p => p.UpdatedAt).IsConcurrencyToken();
        builder.Ignore(p => p.IsOnline);
        builder.Ignore(p => p.Related);
        builder.HasOne<Department>().WithMany().HasForeignKey(p => p.ResponsibleDepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LifeEventConfiguration : IEntityTypeConfiguration<LifeEvent>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<LifeEvent> builder)
    {
        builder.ToTable("procedures_life_events");
        builder.HasIndex(e => new { e.OrganizationId, e.Slug }).IsUnique();
        builder.Property(e => e.Slug).HasMaxLength(100);
        builder.Property(e => e.TitleJa).HasMaxLength(200);
        builder.Property(e => e.TitleEn).HasMaxLength(200);
        // Small lists owned by the event, stored as JSON text on both providers.
        builder.Property(e => e.Questions).HasConversion(
            v => JsonSerializer.Serialize(v, Json),
            v => JsonSerializer.Deserialize<List<LifeEventQuestion>>(v, Json) ?? new List<LifeEventQuestion>(),
            ListComparer<LifeEventQuestion>());
        builder.Property(e => e.Items).HasConversion(
            v => JsonSerializer.Serialize(v, Json),
            v => JsonSerializer.Deserialize<List<LifeEventItem>>(v, Json) ?? new List<LifeEventItem>(),
            ListComparer<LifeEventItem>());
    }

    private static ValueComparer<List<T>> ListComparer<T>() => new(
        (a, b) => (a == null && b == null) || (a != null && b != null && a.SequenceEqual(b)),
        v => v.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        v => v.ToList());
}
