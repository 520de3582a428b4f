using Madoguchi.Platform.Tenancy;

namespace Madoguchi.Bookings.Lottery;

/// <summary>
/// 利用者登録: a group (団体) registered to use facilities. Staff approve it; only approved groups may
/// apply to lotteries. The group signs in to apply with its number and the secret sent at approval.
/// </summary>
public sealed class UserGroup : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }

    /// <summary>Public registration number (利用者番号), e.g. <c>G-0012</c>: how results name the group.</summary>
    public required string Number { get; set; }

    public required string Name { get; set; }
    public required string RepresentativeName { get; set; }
    public required string Email { get; set; }
    public int Members { get; set; }
    public bool IsResident { get; set; } = true;

    public GroupStatus Status { get; set; }

    /// <summary>SHA-256 of the group's secret (its password for applying), set at approval.</summary>
    public string? SecretHash { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? ApprovedAt { get; set; }
}

public enum GroupStatus
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
}

/// <summary>
/// 抽選: a monthly lottery for the slots of some facilities in a period. Applications are taken in a
/// window; the draw is a seeded, published, re-runnable process (ADR 0033); winners confirm by a
/// deadline; then what is left opens first-come.
/// </summary>
public sealed class FacilityLottery : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }

    public required string TitleJa { get; set; }
    public required string TitleEn { get; set; }

    /// <summary>Resource ids covered, separated by spaces.</summary>
    public required string ResourceIds { get; set; }

    /// <summary>The dates whose slots are drawn (JST, inclusive).</summary>
    public DateOnly PeriodFrom { get; set; }

    public DateOnly PeriodTo { get; set; }

    public DateTime ApplicationsOpenAt { get; set; }
    public DateTime ApplicationsCloseAt { get; set; }

    /// <summary>When staff are to draw (JST shown); set by the staff page, null for lotteries created before it (ADR 0035).</summary>
    public DateTime? DrawAt { get; set; }

    /// <summary>Winners confirm before this, or lose the slot.</summary>
    public DateTime ConfirmBy { get; set; }

    /// <summary>Applications one group may make (希望数の上限), each with a preference rank.</summary>
    public int MaxApplicationsPerGroup { get; set; } = 3;

    /// <summary>Slots one group may win (当選数の上限).</summary>
    public int MaxWinsPerGroup { get; set; } = 2;

    public LotteryStatus Status { get; set; }

    /// <summary>SHA-256 of the seed, published when the lottery opens (commitment).</summary>
    public required string SeedCommitment { get; set; }

    /// <summary>The seed (hex), protected until the draw and published with the result.</summary>
    public required string SeedProtected { get; set; }

    /// <summary>After the draw: the seed in clear, the published inputs and result (JSON), and their hash.</summary>
    public string? Seed { get; set; }

    public string? PublishedInputs { get; set; }
    public string? PublishedResult { get; set; }
    public DateTime? DrawnAt { get; set; }
    public DateTime? CompletedAt { get; set; }

    public string Title(bool english) => english ? TitleEn : TitleJa;

    public IReadOnlyList<Guid> Resources => [.. ResourceIds.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse)];
}

public enum LotteryStatus
{
    /// <summary>Taking applications (or waiting for the window to open).</summary>
    Open = 0,

    /// <summary>Drawn; winners are confirming.</summary>
    Drawn = 1,

    /// <summary>Confirmation closed; remaining slots are open first-come.</summary>
    Completed = 2,
}

/// <summary>One wish of a group: a slot, with its preference rank (1 = most wanted).</summary>
public sealed class LotteryApplication : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid LotteryId { get; set; }
    public Guid GroupId { get; set; }
    public Guid ResourceId { get; set; }
    public DateTime StartsAt { get; set; }
    public int Preference { get; set; }
    public LotteryApplicationStatus Status { get; set; }
    public Guid? ReservationId { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum LotteryApplicationStatus
{
    Applied = 0,
    Won = 1,
    Lost = 2,
}
