namespace Madoguchi.Bookings.Reservations;

/// <summary>
/// When a booking with a fee must be paid (お支払い期限, <c>Bookings:Payment</c>): <see cref="PayWithinDays"/>
/// after booking, but never later than <see cref="CutoffHours"/> before the slot; a booking made closer
/// to its slot than that still gets <see cref="MinimumMinutes"/> to pay (never past the start).
/// </summary>
public sealed class BookingPaymentOptions
{
    public const string Section = "Bookings:Payment";

    public int PayWithinDays { get; set; } = 3;

    public int CutoffHours { get; set; } = 24;

    public int MinimumMinutes { get; set; } = 60;

    public bool IsValid => PayWithinDays is >= 0 and <= 60 && CutoffHours is >= 0 and <= 24 * 30 && MinimumMinutes is >= 1 and <= 24 * 60;

    /// <summary>The payment deadline (UTC) of a booking made at <paramref name="bookedAt"/> for a slot starting at <paramref name="startsAt"/>.</summary>
    public DateTime DeadlineFor(DateTime bookedAt, DateTime startsAt)
    {
        var deadline = bookedAt.AddDays(PayWithinDays);
        var cutoff = startsAt.AddHours(-CutoffHours);
        if (cutoff < deadline)
        {
            deadline = cutoff;
        }

        var minimum = bookedAt.AddMinutes(MinimumMinutes);
        if (deadline < minimum)
        {
            deadline = minimum < startsAt ? minimum : startsAt;
        }

        return deadline;
    }
}
