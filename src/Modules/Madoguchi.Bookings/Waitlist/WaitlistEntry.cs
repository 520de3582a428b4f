using Madoguchi.Platform.Tenancy;

namespace Madoguchi.Bookings.Waitlist;

/// <summary>
/// キャンセル待ち: a person waiting for a full slot. When a place frees, the first waiting entry is
/// offered it (the place stays taken for them) until <see cref="OfferExpiresAt"/>; then the next.
/// </summary>
public sealed class WaitlistEntry : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid ResourceId { get; set; }
    public Guid SlotId { get; set; }

    /// <summary>UTC start of the wanted slot.</summary>
    public DateTime StartsAt { get; set; }

    public required string Name { get; set; }
    public required string Email { get; set; }
    public required string PersonKey { get; set; }

    public WaitlistStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }

    public string? OfferTokenHash { get; set; }
    public DateTime? OfferedAt { get; set; }
    public DateTime? OfferExpiresAt { get; set; }
    public Guid? ReservationId { get; set; }
}

public enum WaitlistStatus
{
    Waiting = 0,
    Offered = 1,
    Accepted = 2,

    /// <summary>The offer ran out or was declined; the place went to the next person.</summary>
    Passed = 3,

    /// <summary>The person left the waitlist.</summary>
    Withdrawn = 4,
}
