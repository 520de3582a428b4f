using Madoguchi.Bookings.Lottery;
using Madoguchi.Bookings.Reservations;
using Madoguchi.Bookings.Scheduling;
using Madoguchi.Bookings.Waitlist;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.IntegrationTests.Bookings;

/// <summary>One row of every bookings entity in the current organisation, for the tenancy tests.</summary>
internal static class BookingsTenancySeed
{
    public static async Task SeedAsync(MadoguchiDb db, CancellationToken ct)
    {
        var departmentId = (await db.Set<Department>().FirstAsync(ct)).Id;
        var resource = new Resource { Id = Guid.NewGuid(), Slug = "tenancy-room", NameJa = "会議室", NameEn = "Room", Kind = ResourceKind.Facility, DepartmentId = departmentId };
        var start = new DateTime(2027, 2, 1, 0, 0, 0, DateTimeKind.Utc);
        var slot = new Slot { Id = Guid.NewGuid(), ResourceId = resource.Id, StartsAt = start, EndsAt = start.AddHours(1), Capacity = 2, Taken = 2 };
        var group = new UserGroup { Id = Guid.NewGuid(), Number = "G-9999", Name = "会", RepresentativeName = "代表", Email = "g@example.jp", CreatedAt = DateTime.UtcNow };
        var lottery = new FacilityLottery { Id = Guid.NewGuid(), TitleJa = "抽選", TitleEn = "Lottery", ResourceIds = resource.Id.ToString(), SeedCommitment = new string('0', 64), SeedProtected = "x" };
        db.AddRange(resource, slot, group, lottery);
        db.Add(new Hold { Id = Guid.NewGuid(), SlotId = slot.Id, ResourceId = resource.Id, TokenHash = Tokens.Hash(Guid.NewGuid().ToString()), ExpiresAt = start });
        db.Add(new Reservation
        {
            Id = Guid.NewGuid(),
            Reference = Tokens.NewReference(),
            ResourceId = resource.Id,
            SlotId = slot.Id,
            StartsAt = start,
            EndsAt = start.AddHours(1),
            Name = "予約 者",
            Email = "r@example.jp",
            PersonKey = Tokens.PersonKey("r@example.jp"),
            ManageTokenHash = Tokens.Hash(Guid.NewGuid().ToString()),
            ManageTokenProtected = "x",
        });
        db.Add(new WaitlistEntry { Id = Guid.NewGuid(), ResourceId = resource.Id, SlotId = slot.Id, StartsAt = start, Name = "待ち", Email = "w@example.jp", PersonKey = Tokens.PersonKey("w@example.jp"), OfferTokenHash = Tokens.Hash(Guid.NewGuid().ToString()) });
        db.Add(new LotteryApplication { Id = Guid.NewGuid(), LotteryId = lottery.Id, GroupId = group.Id, ResourceId = resource.Id, StartsAt = start, Preference = 1 });
        await db.SaveChangesAsync(ct);
    }
}
