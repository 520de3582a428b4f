using Madoguchi.Platform.Tenancy;

namespace Madoguchi.Bookings.Scheduling;

/// <summary>
/// One bookable time of a resource, written when first held or booked. <see cref="Taken"/> counts the
/// places held, booked, offered to the waitlist or provisionally won in a lottery; the database refuses
/// any row where it exceeds <see cref="Capacity"/> (a CHECK constraint), and every change of it is a
/// single conditional UPDATE, so no two requests can take the last place (ADR 0030).
/// </summary>
public sealed class Slot : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid ResourceId { get; set; }

    /// <summary>UTC.</summary>
    public DateTime StartsAt { get; set; }

    /// <summary>UTC.</summary>
    public DateTime EndsAt { get; set; }

    public int Capacity { get; set; }
    public int Taken { get; set; }

    /// <summary>While a lottery covers this slot it is not open first-come (先着順).</summary>
    public Guid? LotteryId { get; set; }
}

/// <summary>A short hold on one place while the person completes the form; it lapses at <see cref="ExpiresAt"/>.</summary>
public sealed class Hold : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid SlotId { get; set; }
    public Guid ResourceId { get; set; }

    /// <summary>SHA-256 of the token that the holder carries (in the page URL or the API answer).</summary>
    public required string TokenHash { get; set; }

    public HoldStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }

    /// <summary>The booking it became; a second submit of the same hold finds it here (double-click safe).</summary>
    public Guid? BookingId { get; set; }
}

public enum HoldStatus
{
    Active = 0,
    Converted = 1,
    Released = 2,
    Expired = 3,
}
