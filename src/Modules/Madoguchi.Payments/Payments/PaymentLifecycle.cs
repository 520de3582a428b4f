namespace Madoguchi.Payments.Payments;

/// <summary>
/// The one transition table of a payment (ADR 0060). A gateway event may skip steps (a
/// <c>captured</c> webhook that overtakes <c>started</c>): it is applied when its state is reachable
/// from the current one, and ignored when it is behind (a late or duplicate event).
/// </summary>
public static class PaymentLifecycle
{
    private static readonly Dictionary<PaymentStatus, PaymentStatus[]> Table = new()
    {
        [PaymentStatus.Created] = [PaymentStatus.Started, PaymentStatus.Failed, PaymentStatus.Cancelled, PaymentStatus.Expired],
        [PaymentStatus.Started] = [PaymentStatus.Authorised, PaymentStatus.Captured, PaymentStatus.Failed, PaymentStatus.Cancelled, PaymentStatus.Expired],
        [PaymentStatus.Authorised] = [PaymentStatus.Captured, PaymentStatus.Failed, PaymentStatus.Cancelled, PaymentStatus.Expired],
        [PaymentStatus.Captured] = [PaymentStatus.PartiallyRefunded, PaymentStatus.Refunded],
        [PaymentStatus.PartiallyRefunded] = [PaymentStatus.PartiallyRefunded, PaymentStatus.Refunded],
        [PaymentStatus.Refunded] = [],
        [PaymentStatus.Failed] = [],
        [PaymentStatus.Cancelled] = [],
        [PaymentStatus.Expired] = [],
    };

    public static IReadOnlyList<PaymentStatus> Next(PaymentStatus from) => Table[from];

    /// <summary>A direct step allowed by the table.</summary>
    public static bool CanMove(PaymentStatus from, PaymentStatus to) => Table[from].Contains(to);

    /// <summary>Whether <paramref name="to"/> can be reached from <paramref name="from"/> in one or more steps.</summary>
    public static bool IsReachable(PaymentStatus from, PaymentStatus to)
    {
        var seen = new HashSet<PaymentStatus>();
        var queue = new Queue<PaymentStatus>([from]);
        while (queue.TryDequeue(out var state))
        {
            foreach (var next in Table[state])
            {
                if (next == to)
                {
                    return true;
                }

                if (seen.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return false;
    }

    /// <summary>No further gateway event changes it (refunds may still follow a capture).</summary>
    public static bool IsFinal(PaymentStatus status) => status is PaymentStatus.Failed or PaymentStatus.Cancelled or PaymentStatus.Expired or PaymentStatus.Refunded;

    /// <summary>The citizen's view: paid, failed or still pending.</summary>
    public static bool IsPaid(PaymentStatus status) => status is PaymentStatus.Captured or PaymentStatus.PartiallyRefunded or PaymentStatus.Refunded;

    public static string Text(PaymentStatus status) => status switch
    {
        PaymentStatus.PartiallyRefunded => "partially_refunded",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static bool TryParse(string? text, out PaymentStatus status)
    {
        foreach (var candidate in Enum.GetValues<PaymentStatus>())
        {
            if (string.Equals(Text(candidate), text, StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
