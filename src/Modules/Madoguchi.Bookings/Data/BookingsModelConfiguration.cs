using System.Text.Json;
using Madoguchi.Bookings.Lottery;
using Madoguchi.Bookings.Reservations;
using Madoguchi.Bookings.Scheduling;
using Madoguchi.Bookings.Waitlist;
using Madoguchi.Platform.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Madoguchi.Bookings.Data;

internal static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property)
        where T : class, new() =>
        property.HasConversion(
            new ValueConverter<T, string>(v => JsonSerializer.Serialize(v, Options), v => JsonSerializer.Deserialize<T>(v, Options) ?? new T()),
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                v => JsonSerializer.Serialize(v, Options).GetHashCode(StringComparison.Ordinal),
                v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options)!));
}

internal sealed class ResourceConfiguration : IEntityTypeConfiguration<Resource>
{
    public void Configure(EntityTypeBuilder<Resource> builder)
    {
        builder.ToTable("bookings_resources");
        builder.HasIndex(r => new { r.OrganizationId, r.Slug }).IsUnique();
        builder.Property(r => r.Slug).HasMaxLength(100);
        builder.Property(r => r.NameJa).HasMaxLength(200);
        builder.Property(r => r.NameEn).HasMaxLength(200);
        builder.Property(r => r.DescriptionJa).HasMaxLength(2000);
        builder.Property(r => r.DescriptionEn).HasMaxLength(2000);
        builder.Property(r => r.LocationJa).HasMaxLength(500);
        builder.Property(r => r.LocationEn).HasMaxLength(500);
        builder.Property(r => r.VideoBaseUrl).HasMaxLength(500);
        builder.Property(r => r.ClosedDates).HasMaxLength(4000);
        builder.Property(r => r.ProcedureSlug).HasMaxLength(100);
        builder.Property(r => r.Hours).AsJson().HasMaxLength(4000);
        builder.Property(r => r.Rules).AsJson().HasMaxLength(1000);
        builder.Property(r => r.Questions).AsJson().HasMaxLength(8000);
        builder.Property(r => r.UpdatedAt).IsConcurrencyToken();
        builder.HasOne<Department>().WithMany().HasForeignKey(r => r.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SlotConfiguration : IEntityTypeConfiguration<Slot>
{
    public void Configure(EntityTypeBuilder<Slot> builder)
    {
        // The guard against double booking: no row may ever hold more than its capacity (ADR 0030).
        builder.ToTable("bookings_slots", t => t.HasCheckConstraint("CK_bookings_slots_capacity", "\"Taken\" >= 0 AND \"Taken\" <= \"Capacity\""));
        builder.HasIndex(s => new { s.ResourceId, s.StartsAt }).IsUnique();
        builder.HasIndex(s => s.LotteryId);
        builder.HasOne<Resource>().WithMany().HasForeignKey(s => s.ResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HoldConfiguration : IEntityTypeConfiguration<Hold>
{
    public void Configure(EntityTypeBuilder<Hold> builder)
    {
        builder.ToTable("bookings_holds");
        builder.HasIndex(h => h.TokenHash).IsUnique();
        builder.HasIndex(h => new { h.Status, h.ExpiresAt });
        builder.HasIndex(h => h.SlotId);
        builder.Property(h => h.TokenHash).HasMaxLength(64);
        builder.HasOne<Slot>().WithMany().HasForeignKey(h => h.SlotId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReservationConfiguration : IEntityTypeConfiguration<Reservation>
{
    public void Configure(EntityTypeBuilder<Reservation> builder)
    {
        builder.ToTable("bookings_reservations");
        builder.HasIndex(r => new { r.OrganizationId, r.Reference }).IsUnique();
        builder.HasIndex(r => r.ManageTokenHash).IsUnique();
        builder.HasIndex(r => new { r.ResourceId, r.StartsAt });
        builder.HasIndex(r => new { r.PersonKey, r.StartsAt });
        builder.HasIndex(r => new { r.Status, r.StartsAt });
        builder.Property(r => r.Reference).HasMaxLength(20);
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.Property(r => r.Email).HasMaxLength(254);
        builder.Property(r => r.Phone).HasMaxLength(30);
        builder.Property(r => r.PersonKey).HasMaxLength(64);
        builder.Property(r => r.ManageTokenHash).HasMaxLength(64);
        builder.Property(r => r.ManageTokenProtected).HasMaxLength(1000);
        builder.Property(r => r.VideoLink).HasMaxLength(500);
        builder.Property(r => r.Answers).AsJson().HasMaxLength(8000);
        builder.Ignore(r => r.HoldsPlace);
        builder.HasOne<Resource>().WithMany().HasForeignKey(r => r.ResourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Slot>().WithMany().HasForeignKey(r => r.SlotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WaitlistEntryConfiguration : IEntityTypeConfiguration<WaitlistEntry>
{
    public void Configure(EntityTypeBuilder<WaitlistEntry> builder)
    {
        builder.ToTable("bookings_waitlist");
        builder.HasIndex(w => new { w.SlotId, w.Status, w.CreatedAt });
        builder.HasIndex(w => w.OfferTokenHash).IsUnique();
        builder.Property(w => w.Name).HasMaxLength(100);
        builder.Property(w => w.Email).HasMaxLength(254);
        builder.Property(w => w.PersonKey).HasMaxLength(64);
        builder.Property(w => w.OfferTokenHash).HasMaxLength(64);
        builder.HasOne<Slot>().WithMany().HasForeignKey(w => w.SlotId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserGroupConfiguration : IEntityTypeConfiguration<UserGroup>
{
    public void Configure(EntityTypeBuilder<UserGroup> builder)
    {
        builder.ToTable("bookings_groups");
        builder.HasIndex(g => new { g.OrganizationId, g.Number }).IsUnique();
        builder.Property(g => g.Number).HasMaxLength(20);
        builder.Property(g => g.Name).HasMaxLength(200);
        builder.Property(g => g.RepresentativeName).HasMaxLength(100);
        builder.Property(g => g.Email).HasMaxLength(254);
        builder.Property(g => g.SecretHash).HasMaxLength(64);
    }
}

internal sealed class FacilityLotteryConfiguration : IEntityTypeConfiguration<FacilityLottery>
{
    public void Configure(EntityTypeBuilder<FacilityLottery> builder)
    {
        builder.ToTable("bookings_lotteries");
        builder.Property(l => l.TitleJa).HasMaxLength(200);
        builder.Property(l => l.TitleEn).HasMaxLength(200);
        builder.Property(l => l.ResourceIds).HasMaxLength(2000);
        builder.Property(l => l.SeedCommitment).HasMaxLength(64);
        builder.Property(l => l.SeedProtected).HasMaxLength(1000);
        builder.Property(l => l.Seed).HasMaxLength(64);
        builder.Ignore(l => l.Resources);
    }
}

internal sealed class LotteryApplicationConfiguration : IEntityTypeConfiguration<LotteryApplication>
{
    public void Configure(EntityTypeBuilder<LotteryApplication> builder)
    {
        builder.ToTable("bookings_lottery_applications");
        // One wish per group and slot, and one wish per preference rank.
        builder.HasIndex(a => new { a.LotteryId, a.GroupId, a.ResourceId, a.StartsAt }).IsUnique();
        builder.HasIndex(a => new { a.LotteryId, a.GroupId, a.Preference }).IsUnique();
        builder.HasOne<FacilityLottery>().WithMany().HasForeignKey(a => a.LotteryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<UserGroup>().WithMany().HasForeignKey(a => a.GroupId).OnDelete(DeleteBehavior.Restrict);
    }
}
