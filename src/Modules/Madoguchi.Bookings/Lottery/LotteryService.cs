using System.Security.Cryptography;
using System.Text.Json;
using Madoguchi.Bookings.Contracts;
using Madoguchi.Bookings.Reservations;
using Madoguchi.Bookings.Scheduling;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Email;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using OutboxQueue = Madoguchi.Platform.Outbox.Outbox;

namespace Madoguchi.Bookings.Lottery;

public sealed record LotteryWish(Guid ResourceId, DateTime StartsAt);

public enum LotteryRefusal
{
    None = 0,
    NotFound,
    GroupNotApproved,
    WindowClosed,
    TooManyWishes,
    NotALotterySlot,
    DuplicateWish,
    NotYetClosed,
    AlreadyDrawn,
}

/// <summary>利用者登録, applications, the draw, confirmation and the opening of what remains (ADR 0033).</summary>
public sealed class LotteryService(
    MadoguchiDb db,
    SlotStore slots,
    BookingService bookings,
    OutboxQueue outbox,
    TimeProvider clock,
    IDataProtectionProvider protection)
{
    private const string SeedPurpose = "Madoguchi.Bookings.LotterySeed";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IDataProtector SeedProtector => protection.CreateProtector(SeedPurpose);

    public async Task<UserGroup> RegisterGroupAsync(string name, string representative, string email, int members, bool isResident, CancellationToken cancellationToken)
    {
        var count = await db.Set<UserGroup>().CountAsync(cancellationToken);
        var group = new UserGroup
        {
            Id = Guid.NewGuid(),
            Number = $"G-{count + 1:D4}",
            Name = name.Trim(),
            RepresentativeName = representative.Trim(),
            Email = email.Trim(),
            Members = members,
            IsResident = isResident,
            Status = GroupStatus.Pending,
            CreatedAt = Now,
        };
        db.Add(group);
        await db.SaveChangesAsync(cancellationToken);
        return group;
    }

    /// <summary>Staff approve a group; its secret (for applying) is emailed to it and returned once.</summary>
    public async Task<string?> ApproveGroupAsync(Guid groupId, CancellationToken cancellationToken)
    {
        var group = await db.Set<UserGroup>().FirstOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        if (group is null || group.Status == GroupStatus.Approved)
        {
            return null;
        }

        var secret = Tokens.New()[..16];
        group.Status = GroupStatus.Approved;
        group.ApprovedAt = Now;
        group.SecretHash = Tokens.Hash(secret);
        outbox.Enqueue(EmailOutboxHandler.MessageType, new EmailMessage(group.Email,
            $"【{bookings.OrganizationName}】利用者登録が承認されました / Your group is registered",
            $"{group.Name} 様\n\n利用者登録を承認しました。抽選の申込みには次の利用者番号とパスワードを使います。\n利用者番号: {group.Number}\nパスワード: {secret}\n\n" +
            $"Your group is registered. Apply to facility lotteries with this number and password.\nNumber: {group.Number}\nPassword: {secret}\n\n{bookings.OrganizationName}"));
        await db.SaveChangesAsync(cancellationToken);
        return secret;
    }

    public async Task<UserGroup?> SignInGroupAsync(string number, string secret, CancellationToken cancellationToken)
    {
        var group = await db.Set<UserGroup>().AsNoTracking().FirstOrDefaultAsync(g => g.Number == number.Trim(), cancellationToken);
        return group is { Status: GroupStatus.Approved, SecretHash: { } hash } && Tokens.Matches(secret.Trim(), hash) ? group : null;
    }

    /// <summary>
    /// Staff open a lottery over some facilities' slots in a period. The seed is chosen now and only its
    /// SHA-256 is published until the draw. Slots of the period that nobody has taken yet are reserved
    /// for the lottery (not bookable first-come until it completes).
    /// </summary>
    public async Task<FacilityLottery> CreateAsync(string titleJa, string titleEn, IReadOnlyList<Resource> resources, DateOnly from, DateOnly to,
        DateTime opensAt, DateTime closesAt, DateTime confirmBy, int maxApplications, int maxWins, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var seed = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var lottery = new FacilityLottery
        {
            Id = Guid.NewGuid(),
            TitleJa = titleJa,
            TitleEn = titleEn,
            ResourceIds = string.Join(' ', resources.Select(r => r.Id)),
            PeriodFrom = from,
            PeriodTo = to,
            ApplicationsOpenAt = opensAt,
            ApplicationsCloseAt = closesAt,
            ConfirmBy = confirmBy,
            MaxApplicationsPerGroup = maxApplications,
            MaxWinsPerGroup = maxWins,
            Status = LotteryStatus.Open,
            SeedCommitment = LotteryDraw.Commitment(seed),
            SeedProtected = SeedProtector.Protect(seed),
        };
        await bookings.InTransactionAsync(async () =>
        {
            db.Add(lottery);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var resource in resources)
            {
                foreach (var day in Schedule.Days(from, to))
                {
                    foreach (var (start, end) in Schedule.SlotTimes(resource, day))
                    {
                        var slot = await slots.EnsureAsync(resource, start, end, cancellationToken);
                        await db.Set<Slot>().Where(s => s.Id == slot.Id && s.LotteryId == null && s.Taken == 0)
                            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LotteryId, lottery.Id), cancellationToken);
                    }
                }
            }

            return true;
        }, cancellationToken);
        return lottery;
    }

    public Task<FacilityLottery?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<FacilityLottery>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);

    public Task<List<Slot>> SlotsOfAsync(Guid lotteryId, CancellationToken cancellationToken) =>
        db.Set<Slot>().AsNoTracking().Where(s => s.LotteryId == lotteryId).OrderBy(s => s.StartsAt).ToListAsync(cancellationToken);

    /// <summary>A group's wishes, in preference order; a new application replaces the group's earlier one.</summary>
    public Task<LotteryRefusal> ApplyAsync(Guid lotteryId, UserGroup group, IReadOnlyList<LotteryWish> wishes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(wishes);
        return bookings.InTransactionAsync(async () =>
        {
            var lottery = await FindAsync(lotteryId, cancellationToken);
            if (lottery is null)
            {
                return LotteryRefusal.NotFound;
            }

            if (group.Status != GroupStatus.Approved)
            {
                return LotteryRefusal.GroupNotApproved;
            }

            if (lottery.Status != LotteryStatus.Open || Now < lottery.ApplicationsOpenAt || Now >= lottery.ApplicationsCloseAt)
            {
                return LotteryRefusal.WindowClosed;
            }

            if (wishes.Count == 0 || wishes.Count > lottery.MaxApplicationsPerGroup)
            {
                return LotteryRefusal.TooManyWishes;
            }

            if (wishes.Distinct().Count() != wishes.Count)
            {
                return LotteryRefusal.DuplicateWish;
            }

            var lotterySlots = (await SlotsOfAsync(lotteryId, cancellationToken)).Select(s => (s.ResourceId, s.StartsAt)).ToHashSet();
            if (wishes.Any(w => !lotterySlots.Contains((w.ResourceId, w.StartsAt))))
            {
                return LotteryRefusal.NotALotterySlot;
            }

            await db.Set<LotteryApplication>().Where(a => a.LotteryId == lotteryId && a.GroupId == group.Id).ExecuteDeleteAsync(cancellationToken);
            for (var i = 0; i < wishes.Count; i++)
            {
                db.Add(new LotteryApplication
                {
                    Id = Guid.NewGuid(),
                    LotteryId = lotteryId,
                    GroupId = group.Id,
                    ResourceId = wishes[i].ResourceId,
                    StartsAt = wishes[i].StartsAt,
                    Preference = i + 1,
                    Status = LotteryApplicationStatus.Applied,
                    CreatedAt = Now,
                });
            }

            await db.SaveChangesAsync(cancellationToken);
            return LotteryRefusal.None;
        }, cancellationToken);
    }

    /// <summary>The inputs as they will be (or were) published: group numbers and slot labels, no names.</summary>
    public async Task<DrawInputs> InputsAsync(FacilityLottery lottery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lottery);
        var ids = lottery.Resources.ToList();
        var resources = await db.Set<Resource>().AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var lotterySlots = await SlotsOfAsync(lottery.Id, cancellationToken);
        var applications = await db.Set<LotteryApplication>().AsNoTracking().Where(a => a.LotteryId == lottery.Id).ToListAsync(cancellationToken);
        var groups = await db.Set<UserGroup>().AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Number, cancellationToken);
        return LotteryDraw.Canonicalize(new DrawInputs(
            lottery.Id.ToString(),
            lottery.MaxWinsPerGroup,
            [.. lotterySlots.Where(s => resources.ContainsKey(s.ResourceId)).Select(s => new DrawSlot(Label(resources[s.ResourceId], s.StartsAt), s.Capacity))],
            [.. applications.Select(a => new DrawApplication(groups[a.GroupId], a.Preference, Label(resources[a.ResourceId], a.StartsAt)))]));
    }

    public static string Label(Resource resource, DateTime startUtc)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return $"{resource.Slug}@{Tokyo.Iso(startUtc)}";
    }

    /// <summary>
    /// Draws once. Running it again answers with the stored result; a crash mid-draw rolls the whole
    /// draw back, and the rerun computes the same result from the same seed and inputs.
    /// </summary>
    public Task<(LotteryRefusal Refusal, DrawResult? Result)> DrawAsync(Guid lotteryId, CancellationToken cancellationToken) =>
        bookings.InTransactionAsync<(LotteryRefusal, DrawResult?)>(async () =>
        {
            // Lock the lottery row: a second draw at the same moment waits, then sees it drawn.
            if (await db.Set<FacilityLottery>().Where(l => l.Id == lotteryId).ExecuteUpdateAsync(s => s.SetProperty(l => l.Status, l => l.Status), cancellationToken) == 0)
            {
                return (LotteryRefusal.NotFound, null);
            }

            var lottery = await db.Set<FacilityLottery>().FirstAsync(l => l.Id == lotteryId, cancellationToken);
            if (lottery.Status != LotteryStatus.Open)
            {
                return (LotteryRefusal.AlreadyDrawn, JsonSerializer.Deserialize<DrawResult>(lottery.PublishedResult!));
            }

            if (Now < lottery.ApplicationsCloseAt)
            {
                return (LotteryRefusal.NotYetClosed, null);
            }

            var seed = SeedProtector.Unprotect(lottery.SeedProtected);
            var inputs = await InputsAsync(lottery, cancellationToken);
            var result = LotteryDraw.Run(seed, inputs);

            var ids = lottery.Resources.ToList();
            var resources = await db.Set<Resource>().AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
            var lotterySlots = await SlotsOfAsync(lottery.Id, cancellationToken);
            var slotByLabel = lotterySlots.ToDictionary(s => Label(resources.First(r => r.Id == s.ResourceId), s.StartsAt), StringComparer.Ordinal);
            var groups = await db.Set<UserGroup>().AsNoTracking().ToDictionaryAsync(g => g.Number, StringComparer.Ordinal, cancellationToken);
            var applications = await db.Set<LotteryApplication>().Where(a => a.LotteryId == lottery.Id).ToListAsync(cancellationToken);
            foreach (var application in applications)
            {
                application.Status = LotteryApplicationStatus.Lost;
            }

            foreach (var winner in result.Winners)
            {
                var slot = slotByLabel[winner.Slot];
                var group = groups[winner.Group];
                var resource = resources.First(r => r.Id == slot.ResourceId);
                if (!await slots.TryTakeAsync(slot.Id, cancellationToken, forLottery: true))
                {
                    throw new InvalidOperationException($"Lottery slot {winner.Slot} has no room for its winner.");
                }

                var person = new Person(group.RepresentativeName, group.Email, "", group.IsResident ? UserCategory.Group : UserCategory.NonResident);
                var (reservation, token) = bookings.NewReservation(resource, slot, person, Tokens.PersonKey(group.Email), new Dictionary<string, string> { ["group"] = group.Number }, ReservationSource.Lottery);
                reservation.Status = ReservationStatus.Provisional;
                reservation.GroupId = group.Id;
                reservation.ConfirmBy = lottery.ConfirmBy;
                db.Add(reservation);
                var application = applications.First(a => a.GroupId == group.Id && a.ResourceId == slot.ResourceId && a.StartsAt == slot.StartsAt);
                application.Status = LotteryApplicationStatus.Won;
                application.ReservationId = reservation.Id;
                bookings.Send(BookingEmails.Kind.ProvisionalWin, reservation, resource, token);
            }

            lottery.Seed = seed;
            lottery.PublishedInputs = LotteryDraw.Serialize(inputs);
            lottery.PublishedResult = JsonSerializer.Serialize(result);
            lottery.DrawnAt = Now;
            lottery.Status = LotteryStatus.Drawn;
            await db.SaveChangesAsync(cancellationToken);
            return (LotteryRefusal.None, result);
        }, cancellationToken);

    /// <summary>
    /// A winner confirms (当選確定) before the deadline. A win with a fee is a 仮予約 like any booking with a
    /// fee: paying it by the deadline is its confirmation (<see cref="BookingPayments"/>), so it is not confirmed here.
    /// </summary>
    public async Task<bool> ConfirmAsync(Reservation reservation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        var now = Now;
        return await db.Set<Reservation>()
            .Where(r => r.Id == reservation.Id && r.Status == ReservationStatus.Provisional && r.FeeYen == 0 && r.ConfirmBy > now)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReservationStatus.Confirmed).SetProperty(r => r.UpdatedAt, now), cancellationToken) == 1;
    }

    /// <summary>Past the confirmation deadline: unconfirmed wins lapse and every slot of the lottery opens first-come.</summary>
    public async Task<int> CompleteDueAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var due = await db.Set<FacilityLottery>().AsNoTracking()
            .Where(l => l.Status == LotteryStatus.Drawn && l.ConfirmBy <= now)
            .Select(l => l.Id)
            .ToListAsync(cancellationToken);
        foreach (var lotteryId in due)
        {
            await bookings.InTransactionAsync(async () =>
            {
                if (await db.Set<FacilityLottery>().Where(l => l.Id == lotteryId && l.Status == LotteryStatus.Drawn)
                        .ExecuteUpdateAsync(s => s.SetProperty(l => l.Status, LotteryStatus.Completed).SetProperty(l => l.CompletedAt, now), cancellationToken) != 1)
                {
                    return false;
                }

                var slotIds = await db.Set<Slot>().Where(s => s.LotteryId == lotteryId).Select(s => s.Id).ToListAsync(cancellationToken);
                // Wins with a fee are left to BookingPayments, which settles their payment before it lapses them.
                var lapsed = await db.Set<Reservation>().AsNoTracking()
                    .Where(r => slotIds.Contains(r.SlotId) && r.Status == ReservationStatus.Provisional && r.FeeYen == 0 && r.ConfirmBy <= now)
                    .Select(r => new { r.Id, r.SlotId })
                    .ToListAsync(cancellationToken);
                foreach (var win in lapsed)
                {
                    if (await db.Set<Reservation>().Where(r => r.Id == win.Id && r.Status == ReservationStatus.Provisional)
                            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReservationStatus.Lapsed).SetProperty(r => r.UpdatedAt, now), cancellationToken) == 1)
                    {
                        await slots.ReleaseAsync(win.SlotId, 1, cancellationToken);
                    }
                }

                await db.Set<Slot>().Where(s => s.LotteryId == lotteryId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LotteryId, (Guid?)null), cancellationToken);
                return true;
            }, cancellationToken);
        }

        return due.Count;
    }
}
