using Madoguchi.Bookings.Scheduling;
using Madoguchi.Platform.Tenancy;

namespace Madoguchi.Bookings.Reservations;

/// <summary>A reservation (予約) of one place in one slot.</summary>
public sealed class Reservation : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }

    /// <summary>What the person quotes: e.g. <c>R-7K3Q-9XTZ</c>. Unique in the organisation; not a secret.</summary>
    public required string Reference { get; set; }

    public Guid ResourceId { get; set; }
    public Guid SlotId { get; set; }

    /// <summary>UTC, copied from the slot (so the calendar and reminders need no join).</summary>
    public DateTime StartsAt { get; set; }

    public DateTime EndsAt { get; set; }

    public ReservationStatus Status { get; set; }

    public required string Name { get; set; }
    public required string Email { get; set; }
    public string Phone { get; set; } = "";

    /// <summary>SHA-256 of the lower-cased email, for the monthly limit and the waitlist.</summary>
    public required string PersonKey { get; set; }

    public UserCategory Category { get; set; }
    public int FeeYen { get; set; }

    /// <summary>Answers to the resource's questions, by question key.</summary>
    public Dictionary<string, string> Answers { get; set; } = [];

    /// <summary>SHA-256 of the manage token (change / cancel link); the token itself is never stored in clear.</summary>
    public required string ManageTokenHash { get; set; }

    /// <summary>The manage token protected with Data Protection, so reminders can carry the link again.</summary>
    public required string ManageTokenProtected { get; set; }

    /// <summary>iCalendar SEQUENCE: 0 at booking, +1 at every change and at cancellation.</summary>
    public int Sequence { get; set; }

    /// <summary>For online consultations: the video room of this booking.</summary>
    public string? VideoLink { get; set; }

    public ReservationSource Source { get; set; }

    /// <summary>For lottery wins: the group.</summary>
    public Guid? GroupId { get; set; }

    /// <summary>
    /// While <see cref="ReservationStatus.Provisional"/>: the deadline (UTC). A lottery win on a free
    /// resource confirms by then; a booking with a fee (仮予約) is paid by then (お支払い期限), or lapses (失効).
    /// </summary>
    public DateTime? ConfirmBy { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? CancelledAt { get; set; }
    public DateTime? ReminderSentAt { get; set; }
    public DateTime? NoShowMarkedAt { get; set; }

    /// <summary>Takes a place in its slot (confirmed, provisional or a no-show that happened).</summary>
    public bool HoldsPlace => Status is ReservationStatus.Confirmed or ReservationStatus.Provisional or ReservationStatus.NoShow;

    /// <summary>仮予約: holds its place until paid (then 本予約) or until <see cref="ConfirmBy"/> passes (then 失効).</summary>
    public bool AwaitsPayment => Status == ReservationStatus.Provisional && FeeYen > 0;

    /// <summary>The resource key of the status as people read it (a provisional booking with a fee is 仮予約, not a lottery win).</summary>
    public string StatusKey => AwaitsPayment ? "Status_AwaitingPayment" : "Status_" + Status;
}

public enum ReservationStatus
{
    Confirmed = 0,
    Cancelled = 1,

    /// <summary>Did not come (staff marked it after the start).</summary>
    NoShow = 2,

    /// <summary>
    /// Holds its place but is not final: won in a lottery, waiting for the group to confirm (当選 → 確定),
    /// or (with a fee) waiting for payment (仮予約 → 本予約).
    /// </summary>
    Provisional = 3,

    /// <summary>A provisional booking not confirmed or paid in time (失効); its place is free again.</summary>
    Lapsed = 4,
}

public enum ReservationSource
{
    Web = 0,
    Api = 1,
    Waitlist = 2,
    Lottery = 3,
    Staff = 4,
}
